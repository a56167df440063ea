package io.dataguardian.app.dashboard;

import io.dataguardian.app.cache.CacheAdminService;
import io.dataguardian.app.db.DatabaseStatistics;
import io.dataguardian.app.monitor.MonitorService;
import io.dataguardian.app.monitor.ResourceSample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds one {@link DashboardSnapshot} from the meters the rest of the application already publishes (the same
 * ones {@code /actuator/prometheus} serves), the database statistics, the cache statistics and the monitor's
 * latest resource sample. Latency percentiles are computed over the requests of the last interval from the
 * merged histogram buckets of {@code http.server.requests}, so they move with the load rather than with the
 * whole history. Called by the one {@link DashboardBroadcaster} thread only.
 */
public class DashboardSampler implements Supplier<DashboardSnapshot> {

    static final String HTTP = "http.server.requests";
    static final String SESSIONS_ACTIVE = "dataguardian.sessions.active";
    static final String SESSIONS_PEAK = "dataguardian.sessions.peak";
    static final String SCAN_QUEUE = "dataguardian.scan.queue";
    static final String SCAN_BYTES = "dataguardian.scan.bytes";

    private final MeterRegistry registry;
    private final DatabaseStatistics database;
    private final CacheAdminService cache;
    private final MonitorService monitor;
    private final ScanActivity scans;

    private long lastNanos = System.nanoTime();
    private long lastRequests = -1;
    private double lastScanBytes = -1;
    private Map<Double, Double> lastBuckets = Map.of();

    /**
     * {@code cache} and {@code monitor} may be null when those features are switched off; without {@code scans} the
     * scan figures come from the {@code dataguardian.scan.bytes} counter and the queue gauge.
     */
    public DashboardSampler(MeterRegistry registry, DatabaseStatistics database, CacheAdminService cache,
                            MonitorService monitor, ScanActivity scans) {
        this.registry = registry;
        this.database = database;
        this.cache = cache;
        this.monitor = monitor;
        this.scans = scans;
    }

    @Override
    public synchronized DashboardSnapshot get() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        lastNanos = now;

        DatabaseStatistics.Snapshot db = database.snapshot();

        Map<String, Double> hitRates = new LinkedHashMap<>();
        double hits = 0;
        double lookups = 0;
        long keys = 0;
        if (cache != null) {
            for (CacheAdminService.NamespaceView ns : cache.statistics().values()) {
                hitRates.put(ns.namespace(), ns.hitRate());
                hits += ns.l1Hits() + ns.l2Hits();
                lookups += ns.l1Hits() + ns.l2Hits() + ns.l2Misses();
                keys += ns.l1Entries();
            }
        }

        ResourceSample resources = monitor == null ? null : monitor.samples().last();
        long heapUsed;
        Long heapMax;
        Double cpu = null;
        Double systemCpu = null;
        Double gc = null;
        if (resources != null) {
            heapUsed = resources.heapUsed();
            heapMax = resources.heapMax();
            cpu = resources.processCpu();
            systemCpu = resources.systemCpu();
            gc = resources.gcPausePerSecond();
        } else {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            heapUsed = heap.getUsed();
            heapMax = heap.getMax() > 0 ? heap.getMax() : null;
        }
        Double heapRatio = heapMax == null || heapMax <= 0 ? null : (double) heapUsed / heapMax;

        // requests of the last interval: count and merged histogram buckets
        long requests = 0;
        Map<Double, Double> buckets = new TreeMap<>();
        double p50 = 0;
        double p95 = 0;
        double p99 = 0;
        for (Timer t : registry.find(HTTP).timers()) {
            requests += t.count();
            HistogramSnapshot h = t.takeSnapshot();
            for (CountAtBucket b : h.histogramCounts()) {
                buckets.merge(b.bucket(TimeUnit.MILLISECONDS), b.count(), Double::sum);
            }
            for (ValueAtPercentile v : h.percentileValues()) {
                double ms = v.value(TimeUnit.MILLISECONDS);
                if (Math.abs(v.percentile() - 0.5) < 1e-9) p50 = Math.max(p50, ms);
                if (Math.abs(v.percentile() - 0.95) < 1e-9) p95 = Math.max(p95, ms);
                if (Math.abs(v.percentile() - 0.99) < 1e-9) p99 = Math.max(p99, ms);
            }
        }
        Double rate = lastRequests < 0 ? null : Math.max(0, requests - lastRequests) / seconds;
        Double[] latency = buckets.isEmpty()
                ? new Double[] {nullIfZero(p50), nullIfZero(p95), nullIfZero(p99)}
                : intervalPercentiles(lastBuckets, buckets);
        lastRequests = requests;
        lastBuckets = buckets;

        Double scanBytesRate = null;
        Double scanFilesRate = null;
        Double scanQueue;
        Double scansRunning = null;
        if (scans != null) {
            // live: the stored progress of running scans (ScanActivity), not only the bytes of completed ones
            ScanActivity.Sample s = scans.sample();
            scanBytesRate = s.bytesPerSecond();
            scanFilesRate = s.filesPerSecond();
            scanQueue = s.queued() == null ? null : s.queued().doubleValue();
            scansRunning = s.running() == null ? null : s.running().doubleValue();
        } else {
            double scanBytes = sum(SCAN_BYTES);
            if (scanBytes >= 0) {
                scanBytesRate = lastScanBytes < 0 ? null : Math.max(0, scanBytes - lastScanBytes) / seconds;
                lastScanBytes = scanBytes;
            }
            scanQueue = gauge(SCAN_QUEUE);
        }

        return new DashboardSnapshot(System.currentTimeMillis(),
                db.meanQueryMillis(), db.queriesPerSecond(),
                db.pool().active(), db.pool().idle(), db.pool().pending(), db.pool().max(),
                lookups == 0 ? null : hits / lookups, keys, hitRates,
                gauge(SESSIONS_ACTIVE), gauge(SESSIONS_PEAK),
                heapUsed, heapMax, heapRatio, cpu, systemCpu, gc,
                rate, latency[0], latency[1], latency[2],
                scanBytesRate, scanFilesRate, scansRunning, scanQueue,
                monitor == null ? 0 : monitor.alerts().active().size());
    }

    /** p50/p95/p99 (upper bucket bounds, ms) of the requests between two cumulative bucket snapshots. */
    static Double[] intervalPercentiles(Map<Double, Double> before, Map<Double, Double> after) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        after.forEach((bound, count) -> delta.put(bound, Math.max(0, count - before.getOrDefault(bound, 0.0))));
        double total = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
        if (total <= 0) {
            return new Double[] {null, null, null};
        }
        double[] qs = {0.5, 0.95, 0.99};
        Double[] out = new Double[3];
        for (int i = 0; i < qs.length; i++) {
            for (Map.Entry<Double, Double> e : delta.entrySet()) {
                if (e.getValue() >= qs[i] * total) {
                    out[i] = e.getKey();
                    break;
                }
            }
        }
        return out;
    }

    private Double gauge(String name) {
        Gauge g = registry.find(name).gauge();
        if (g == null) {
            return null;
        }
        double v = g.value();
        return Double.isNaN(v) ? null : v;
    }

    /** Sum of the counters of that name, or -1 when none is registered. */
    private double sum(String name) {
        double total = 0;
        boolean found = false;
        for (Counter c : registry.find(name).counters()) {
            total += c.count();
            found = true;
        }
        for (FunctionCounter c : registry.find(name).functionCounters()) {
            total += c.count();
            found = true;
        }
        return found ? total : -1;
    }

    private static Double nullIfZero(double v) {
        return v == 0 ? null : v;
    }
}
