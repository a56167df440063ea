package io.dataguardian.app.monitor;

import io.dataguardian.engine.Severity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The bottleneck rules. Each evaluation reads the meters and the resource samples and returns one
 * {@link Check} per rule and subject it can judge (latency, pool waits and cache hit rates over the
 * last {@code window}, from differences of cumulative meters; resources from the samples).
 * Called by the sampler thread only.
 */
public class BottleneckRules {

    static final String HIKARI_PENDING = "hikaricp.connections.pending";
    static final String HIKARI_ACTIVE = "hikaricp.connections.active";
    static final String HIKARI_MAX = "hikaricp.connections.max";
    static final String HIKARI_ACQUIRE = "hikaricp.connections.acquire";
    static final String CACHE_GETS = "dataguardian.cache.gets";
    static final String CACHE_EVICTIONS = "dataguardian.cache.evictions";

    private record MeterState(long time, Map<String, OperationSnapshot> operations, OperationSnapshot acquire,
                              Map<String, double[]> cache) {
    }

    private final MeterRegistry registry;
    private final OperationsView operationsView;
    private final RingBuffer<ResourceSample> samples;
    private final MonitorProperties.Rules rules;
    private final long intervalMillis;
    private final Deque<MeterState> past = new ArrayDeque<>();

    public BottleneckRules(MeterRegistry registry, OperationsView operationsView, RingBuffer<ResourceSample> samples,
                           MonitorProperties properties) {
        this.registry = registry;
        this.operationsView = operationsView;
        this.samples = samples;
        this.rules = properties.getRules();
        this.intervalMillis = properties.getSampleInterval().toMillis();
    }

    public List<Check> evaluate(long now) {
        MeterState state = new MeterState(now, operationsView.snapshot(), acquireSnapshot(), cacheCounts());
        MeterState base = past.peekFirst();
        past.addLast(state);
        while (past.size() > 1 && past.peekFirst().time() < now - rules.getWindow().toMillis()) {
            past.removeFirst();
        }
        List<Check> checks = new ArrayList<>();
        List<ResourceSample> all = samples.snapshot();
        double[] cpu = cpuWindow(all);
        slowOperations(state, base, checks);
        pool(state, base, cpuSaturated(cpu) ? cpu[1] : null, checks);
        cache(state, base, checks);
        resources(all, cpu, checks);
        return checks;
    }

    /** Min and mean system CPU over the last cpu-sustained period, or null before there are samples for all of it. */
    private double[] cpuWindow(List<ResourceSample> all) {
        int needed = (int) Math.max(1, rules.getCpuSustained().toMillis() / Math.max(1, intervalMillis));
        List<ResourceSample> recent = all.subList(Math.max(0, all.size() - needed), all.size());
        if (recent.size() < needed || !recent.stream().allMatch(s -> s.systemCpu() != null)) {
            return null;
        }
        return new double[] {recent.stream().mapToDouble(ResourceSample::systemCpu).min().orElse(0),
            recent.stream().mapToDouble(ResourceSample::systemCpu).average().orElse(0)};
    }

    /** The machine's CPU stayed over the cpu threshold for the whole cpu-sustained period (the cpu rule's verdict). */
    private boolean cpuSaturated(double[] cpu) {
        return cpu != null && cpu[0] > rules.getCpu();
    }

    // --- latency ------------------------------------------------------------------------------------

    private void slowOperations(MeterState now, MeterState base, List<Check> out) {
        for (OperationSnapshot cumulative : now.operations().values()) {
            OperationSnapshot w = cumulative.minus(base == null ? null : base.operations().get(cumulative.name()));
            if (w.count() < rules.getMinCalls()) {
                continue;
            }
            Double p95 = w.percentile(0.95);
            if (p95 == null) {
                continue;
            }
            boolean query = "db".equals(w.family());
            double threshold = (query ? rules.getQueryP95() : rules.getOperationP95()).toNanos() / 1e9;
            double seconds = p95 / 1e9;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("p95Seconds", round(seconds));
            Double p99 = w.percentile(0.99);
            evidence.put("p99Seconds", p99 == null ? null : round(p99 / 1e9));
            evidence.put("calls", w.count());
            evidence.put("errors", w.errors());
            evidence.put("windowSeconds", rules.getWindow().toSeconds());
            if (w.allocatedCount() > 0) {
                evidence.put("allocatedBytesPerCall", Math.round(w.allocatedBytes() / w.allocatedCount()));
            }
            String numbers = String.format(Locale.ROOT, "p95 %s s over %s s in the last %d s (%d calls, %d errors)",
                    AlertTracker.fmt(seconds), AlertTracker.fmt(threshold), rules.getWindow().toSeconds(), w.count(),
                    w.errors());
            String advice = query
                    ? "Check the plan of '" + w.operation() + "' (EXPLAIN ANALYZE; docs/database.md lists the indexes) "
                            + "or cache its result: " + numbers
                    : "Profile " + w.name() + " (record JFR from the monitor page) and look at its hot methods: " + numbers
                            + (w.allocatedCount() > 0 ? ", " + mb(w.allocatedBytes() / w.allocatedCount()) + " allocated per call" : "");
            String category = query ? "slow-query" : "slow-operation";
            out.add(new Check(category + ":" + w.name(), category, w.name(),
                    seconds > 5 * threshold ? Severity.HIGH : Severity.MEDIUM, seconds, threshold, "s", evidence, advice));
        }
    }

    // --- connection pool ----------------------------------------------------------------------------

    private OperationSnapshot acquireSnapshot() {
        List<Timer> timers = new ArrayList<>(registry.find(HIKARI_ACQUIRE).timers());
        if (timers.isEmpty()) {
            return null;
        }
        long count = 0;
        double total = 0;
        double max = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Timer t : timers) {
            var h = t.takeSnapshot();
            count += h.count();
            total += h.total(java.util.concurrent.TimeUnit.NANOSECONDS);
            max = Math.max(max, h.max(java.util.concurrent.TimeUnit.NANOSECONDS));
            for (var b : h.histogramCounts()) {
                buckets.merge(b.bucket(java.util.concurrent.TimeUnit.NANOSECONDS), b.count(), Double::sum);
            }
        }
        double[] bounds = buckets.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = buckets.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new OperationSnapshot("pool", "acquire", count, total, max, 0, bounds, counts, null, 0, 0);
    }

    /**
     * Waiting for a connection is advised on by what else is short: with the CPU saturated (busyCpu, its mean, not
     * null) more connections add contention rather than throughput, so the advice is to shed load, not to raise
     * the pool.
     */
    private void pool(MeterState now, MeterState base, Double busyCpu, List<Check> out) {
        Double pending = sumGauges(HIKARI_PENDING);
        Double active = sumGauges(HIKARI_ACTIVE);
        Double max = sumGauges(HIKARI_MAX);
        if (pending != null) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("pending", pending);
            evidence.put("active", active);
            evidence.put("max", max);
            out.add(new Check("pool-pending:pool", "pool-pending", "pool",
                    pending >= (max == null ? 10 : max) ? Severity.HIGH : Severity.MEDIUM, pending, rules.getPoolPending(),
                    "requests", evidence,
                    String.format(Locale.ROOT, "%s: %s requests were waiting for a connection with %s of %s in use",
                            busyCpu != null ? cpuBound(busyCpu)
                                    : "Raise the pool maximum (dataguardian.db.pool.max-size, now "
                                            + AlertTracker.fmt(max == null ? 0 : max) + ") or shorten transactions",
                            AlertTracker.fmt(pending), AlertTracker.fmt(active == null ? 0 : active),
                            AlertTracker.fmt(max == null ? 0 : max))));
        }
        if (now.acquire() != null) {
            OperationSnapshot w = now.acquire().minus(base == null ? null : base.acquire());
            double slowNanos = rules.getPoolAcquireSlow().toNanos();
            Double share = w.shareOver(slowNanos);
            if (share != null && w.count() >= rules.getMinCalls()) {
                Double p95 = w.percentile(0.95);
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("slowShare", round(share));
                evidence.put("slowMillis", rules.getPoolAcquireSlow().toMillis());
                evidence.put("acquireP95Millis", p95 == null ? null : round(p95 / 1e6));
                evidence.put("acquisitions", w.count());
                evidence.put("max", max);
                out.add(new Check("pool-acquire:pool", "pool-acquire", "pool", share > 0.25 ? Severity.HIGH : Severity.MEDIUM,
                        share, rules.getPoolSlowShare(), "share", evidence,
                        String.format(Locale.ROOT, "%s: %.0f%% of requests waited over %d ms "
                                + "for a connection in the last %d s (%d acquisitions)",
                                busyCpu != null ? cpuBound(busyCpu)
                                        : "Raise the pool maximum (now " + AlertTracker.fmt(max == null ? 0 : max) + ")",
                                share * 100, rules.getPoolAcquireSlow().toMillis(), rules.getWindow().toSeconds(),
                                w.count())));
            }
        }
    }

    private String cpuBound(double meanCpu) {
        return String.format(Locale.ROOT, "Do not raise the pool: the CPU has been over %.0f%% for %d s (mean %.0f%%), "
                + "so more connections would add contention, not throughput; add a node or lower scan concurrency, and "
                + "look at the slow queries holding connections", rules.getCpu() * 100,
                rules.getCpuSustained().toSeconds(), meanCpu * 100);
    }

    // --- cache --------------------------------------------------------------------------------------

    /** Per namespace: gets, hits, size-or-expiry evictions (cumulative). */
    private Map<String, double[]> cacheCounts() {
        Map<String, double[]> out = new TreeMap<>();
        for (FunctionCounter c : registry.find(CACHE_GETS).functionCounters()) {
            String ns = c.getId().getTag("namespace");
            String tier = c.getId().getTag("tier");
            String result = c.getId().getTag("result");
            if (ns == null) {
                continue;
            }
            double[] v = out.computeIfAbsent(ns, k -> new double[3]);
            if ("l1".equals(tier)) {
                v[0] += c.count(); // every get reaches L1 first
                if ("hit".equals(result)) {
                    v[1] += c.count();
                }
            } else if ("l2".equals(tier) && "hit".equals(result)) {
                v[1] += c.count();
            }
        }
        for (FunctionCounter c : registry.find(CACHE_EVICTIONS).tag("cause", "size-or-expiry").functionCounters()) {
            double[] v = out.get(c.getId().getTag("namespace"));
            if (v != null) {
                v[2] += c.count();
            }
        }
        return out;
    }

    private void cache(MeterState now, MeterState base, List<Check> out) {
        for (var e : now.cache().entrySet()) {
            double[] before = base == null ? null : base.cache().get(e.getKey());
            double[] v = e.getValue();
            double gets = v[0] - (before == null ? 0 : before[0]);
            double hits = v[1] - (before == null ? 0 : before[1]);
            double evictions = v[2] - (before == null ? 0 : before[2]);
            if (gets < rules.getCacheMinGets() || gets < 0) {
                continue;
            }
            double target = rules.getCacheHitTargets().getOrDefault(e.getKey(), rules.getCacheHitTarget());
            double hitRate = hits / gets;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("hitRate", round(hitRate));
            evidence.put("target", target);
            evidence.put("gets", (long) gets);
            evidence.put("evictions", (long) evictions);
            evidence.put("windowSeconds", rules.getWindow().toSeconds());
            String why = evictions > 0.1 * gets
                    ? "raise dataguardian.cache.namespaces." + e.getKey() + ".l1-max-size (entries are evicted by size or expiry)"
                    : "check the keys (every read a new key?) or raise dataguardian.cache.namespaces." + e.getKey() + ".ttl";
            out.add(new Check("cache-hit-rate:" + e.getKey(), "cache-hit-rate", e.getKey(), Severity.LOW, 1 - hitRate,
                    1 - target, "miss-ratio", evidence,
                    String.format(Locale.ROOT, "Cache '%s' hit rate %.0f%% (target %.0f%%, %d gets, %d evictions in the "
                            + "last %d s): %s", e.getKey(), hitRate * 100, target * 100, (long) gets, (long) evictions,
                            rules.getWindow().toSeconds(), why)));
        }
    }

    // --- resources ----------------------------------------------------------------------------------

    private void resources(List<ResourceSample> all, double[] cpuWindow, List<Check> out) {
        if (all.isEmpty()) {
            return;
        }
        ResourceSample last = all.get(all.size() - 1);

        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("gcTimeRatio", round(last.gcTimeRatio()));
        gc.put("gcPerSecond", round(last.gcCountPerSecond()));
        gc.put("heapRatio", round(last.heapRatio()));
        gc.put("heapMax", last.heapMax());
        out.add(new Check("gc-time:jvm", "gc-time", "jvm", last.gcTimeRatio() > 0.25 ? Severity.HIGH : Severity.MEDIUM,
                last.gcTimeRatio(), rules.getGcTime(), "ratio", gc,
                String.format(Locale.ROOT, "GC pauses took %.0f%% of wall time (%.1f collections/s, heap %.0f%% of %s): "
                        + "raise -Xmx or cut allocation in the operations allocating most per call",
                        last.gcTimeRatio() * 100, last.gcCountPerSecond(), last.heapRatio() * 100, mb(max(last)))));

        Map<String, Object> heap = new LinkedHashMap<>();
        heap.put("heapUsed", last.heapUsed());
        heap.put("heapMax", max(last));
        heap.put("heapRatio", round(last.heapRatio()));
        out.add(new Check("heap:jvm", "heap", "jvm", last.heapRatio() > 0.95 ? Severity.HIGH : Severity.MEDIUM,
                last.heapRatio(), rules.getHeap(), "ratio", heap,
                String.format(Locale.ROOT, "Heap at %.0f%% of %s: raise -Xmx or lower the cache budgets "
                        + "(dataguardian.cache.namespaces.*.l1-max-size)", last.heapRatio() * 100, mb(max(last)))));

        if (cpuWindow != null) {
            double min = cpuWindow[0];
            double mean = cpuWindow[1];
            Map<String, Object> cpu = new LinkedHashMap<>();
            cpu.put("minSystemCpu", round(min));
            cpu.put("meanSystemCpu", round(mean));
            cpu.put("processCpu", last.processCpu() == null ? null : round(last.processCpu()));
            cpu.put("loadAverage", last.loadAverage());
            cpu.put("seconds", rules.getCpuSustained().toSeconds());
            out.add(new Check("cpu:node", "cpu", "node", Severity.MEDIUM, min, rules.getCpu(), "ratio", cpu,
                    String.format(Locale.ROOT, "CPU over %.0f%% for %d s (mean %.0f%%, this JVM %s): add a node or lower "
                            + "scan concurrency", rules.getCpu() * 100, rules.getCpuSustained().toSeconds(), mean * 100,
                            last.processCpu() == null ? "n/a" : Math.round(last.processCpu() * 100) + "%")));
        }

        List<ResourceSample> window = all.subList(Math.max(0, all.size() - rules.getTrendSamples()), all.size());
        if (last.scanQueue() != null && window.size() >= 3 && last.scanQueue() >= rules.getScanQueueMin()) {
            Trend t = trend("scanQueue", window, ResourceSample::scanQueue);
            double growth = t.change() == null ? 1 : t.change();
            Map<String, Object> queue = new LinkedHashMap<>();
            queue.put("queue", last.scanQueue());
            queue.put("growth", round(growth));
            queue.put("samples", window.size());
            out.add(new Check("scan-queue:scans", "scan-queue", "scans", Severity.MEDIUM, growth,
                    rules.getScanQueueGrowth(), "growth", queue,
                    String.format(Locale.ROOT, "The scan queue grew %.0f%% to %s jobs over the last %d samples: add a node "
                            + "or raise the number of scan workers", growth * 100, AlertTracker.fmt(last.scanQueue()),
                            window.size())));
        }
    }

    /** Trends of every resource series over the last {@code trendSamples} samples. */
    public List<Trend> trends() {
        List<ResourceSample> window = samples.latest(rules.getTrendSamples());
        List<Trend> out = new ArrayList<>();
        if (window.size() < 3) {
            return out;
        }
        out.add(trend("systemCpu", window, ResourceSample::systemCpu));
        out.add(trend("processCpu", window, ResourceSample::processCpu));
        out.add(trend("loadAverage", window, ResourceSample::loadAverage));
        out.add(trend("heapUsed", window, s -> s.heapUsed()));
        out.add(trend("nonHeapUsed", window, s -> s.nonHeapUsed()));
        out.add(trend("gcTimeRatio", window, s -> s.gcTimeRatio()));
        out.add(trend("threads", window, s -> s.threads()));
        out.add(trend("diskReadPerSecond", window, ResourceSample::diskReadPerSecond));
        out.add(trend("diskWritePerSecond", window, ResourceSample::diskWritePerSecond));
        out.add(trend("networkReceivedPerSecond", window, ResourceSample::networkReceivedPerSecond));
        out.add(trend("networkSentPerSecond", window, ResourceSample::networkSentPerSecond));
        out.add(trend("scanQueue", window, ResourceSample::scanQueue));
        out.removeIf(t -> t.latest() == null);
        return out;
    }

    Trend trend(String metric, List<ResourceSample> window, Function<ResourceSample, Number> f) {
        int third = Math.max(1, window.size() / 3);
        Double older = mean(window.subList(0, third), f);
        Double newer = mean(window.subList(window.size() - third, window.size()), f);
        Number latestValue = f.apply(window.get(window.size() - 1));
        Double latest = latestValue == null ? null : latestValue.doubleValue();
        if (older == null || newer == null) {
            return new Trend(metric, Trend.STABLE, null, latest);
        }
        if (older == 0) {
            return new Trend(metric, newer > 0 ? Trend.RISING : Trend.STABLE, null, latest);
        }
        double change = (newer - older) / Math.abs(older);
        String direction = change > rules.getTrendChange() ? Trend.RISING
                : change < -rules.getTrendChange() ? Trend.FALLING : Trend.STABLE;
        return new Trend(metric, direction, round(change), latest);
    }

    private static Double mean(List<ResourceSample> part, Function<ResourceSample, Number> f) {
        double sum = 0;
        int n = 0;
        for (ResourceSample s : part) {
            Number v = f.apply(s);
            if (v != null && !Double.isNaN(v.doubleValue())) {
                sum += v.doubleValue();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private Double sumGauges(String name) {
        var gauges = registry.find(name).gauges();
        if (gauges.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (Gauge g : gauges) {
            double v = g.value();
            if (!Double.isNaN(v)) {
                sum += v;
            }
        }
        return sum;
    }

    private static long max(ResourceSample s) {
        return s.heapMax() != null && s.heapMax() > 0 ? s.heapMax() : s.heapCommitted();
    }

    private static String mb(double bytes) {
        return bytes >= 1 << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (1 << 30))
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1 << 20));
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
