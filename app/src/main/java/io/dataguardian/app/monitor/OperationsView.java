package io.dataguardian.app.monitor;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Every timed operation, read from the meters: profiled operations ({@code dataguardian.operation},
 * family from its tag), database statements ({@code dataguardian.db.query}, family {@code db}) and HTTP
 * requests ({@code http.server.requests}, family {@code http}, operation "METHOD uri").
 * Percentiles come from histogram buckets (the Prometheus registry keeps them cumulative since start-up).
 */
public class OperationsView {

    public static final String DB_QUERY = "dataguardian.db.query";
    public static final String HTTP = "http.server.requests";

    private final MeterRegistry registry;

    public OperationsView(MeterRegistry registry) {
        this.registry = registry;
    }

    /** All operations, slowest total first. */
    public List<OperationStats> operations() {
        List<OperationStats> out = new ArrayList<>();
        for (OperationSnapshot s : snapshot().values()) {
            out.add(OperationStats.of(s));
        }
        out.sort(Comparator.comparingDouble(OperationStats::totalMillis).reversed());
        return out;
    }

    /** Cumulative snapshots keyed by "family.operation". */
    Map<String, OperationSnapshot> snapshot() {
        Map<String, List<Timer>> groups = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (Timer t : registry.find(Profiler.TIMER).timers()) {
            add(groups, names, t.getId().getTag("family"), t.getId().getTag("operation"), t);
        }
        for (Timer t : registry.find(DB_QUERY).timers()) {
            add(groups, names, "db", t.getId().getTag("query"), t);
        }
        for (Timer t : registry.find(HTTP).timers()) {
            add(groups, names, "http", t.getId().getTag("method") + " " + t.getId().getTag("uri"), t);
        }
        Map<String, OperationSnapshot> out = new LinkedHashMap<>();
        for (var e : groups.entrySet()) {
            String[] fo = names.get(e.getKey());
            out.put(e.getKey(), merge(fo[0], fo[1], e.getValue()));
        }
        return out;
    }

    private static void add(Map<String, List<Timer>> groups, Map<String, String[]> names, String family,
                            String operation, Timer t) {
        if (family == null || operation == null) {
            return;
        }
        String key = family + "." + operation;
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        names.putIfAbsent(key, new String[] {family, operation});
    }

    private OperationSnapshot merge(String family, String operation, List<Timer> timers) {
        long count = 0;
        double total = 0;
        double max = 0;
        long errors = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double[] percentiles = null;
        for (Timer t : timers) {
            HistogramSnapshot h = t.takeSnapshot();
            count += h.count();
            total += h.total(TimeUnit.NANOSECONDS);
            max = Math.max(max, h.max(TimeUnit.NANOSECONDS));
            if (isError(t)) {
                errors += h.count();
            }
            for (CountAtBucket b : h.histogramCounts()) {
                buckets.merge(b.bucket(TimeUnit.NANOSECONDS), b.count(), Double::sum);
            }
            ValueAtPercentile[] p = h.percentileValues();
            if (timers.size() == 1 && p.length >= 3) {
                percentiles = new double[] {p[0].value(TimeUnit.NANOSECONDS), p[1].value(TimeUnit.NANOSECONDS),
                        p[2].value(TimeUnit.NANOSECONDS)};
            }
        }
        double[] bounds = new double[buckets.size()];
        double[] counts = new double[buckets.size()];
        int i = 0;
        for (var b : buckets.entrySet()) {
            bounds[i] = b.getKey();
            counts[i++] = b.getValue();
        }
        long allocatedCount = 0;
        double allocated = 0;
        if (Profiler.TIMER.equals(timers.get(0).getId().getName())) {
            DistributionSummary s = registry.find(Profiler.ALLOCATED).tags("family", family, "operation", operation)
                    .summary();
            if (s != null) {
                allocatedCount = s.count();
                allocated = s.totalAmount();
            }
        }
        return new OperationSnapshot(family, operation, count, total, max, errors, bounds, counts, percentiles,
                allocatedCount, allocated);
    }

    private static boolean isError(Timer t) {
        String outcome = t.getId().getTag("outcome");
        return "error".equals(outcome) || "SERVER_ERROR".equals(outcome);
    }
}
