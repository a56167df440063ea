package io.dataguardian.app.cache;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one namespace, per tier; {@link CacheMetrics} publishes them as Micrometer meters. */
public final class NamespaceStats {

    final LongAdder l1Hits = new LongAdder();
    final LongAdder l1Misses = new LongAdder();
    final LongAdder l2Hits = new LongAdder();
    final LongAdder l2Misses = new LongAdder();
    final LongAdder l1Puts = new LongAdder();
    final LongAdder l2Puts = new LongAdder();
    /** Entries dropped by Caffeine for size or expiry. */
    final LongAdder l1Evictions = new LongAdder();
    /** Explicit deletes: local evicts and invalidations received from other nodes. */
    final LongAdder l1Invalidations = new LongAdder();
    final LongAdder l2Evictions = new LongAdder();
    /** Redis failures, timeouts, and entries that would not decode. */
    final LongAdder l2Errors = new LongAdder();
    final LongAdder l2Rejected = new LongAdder();
    final LongAdder loads = new LongAdder();
    final LongAdder loadNanos = new LongAdder();
    /** Loads this node left to another node holding the cross-node load lock ({@code lock-loads}). */
    final LongAdder lockWaits = new LongAdder();
    /** Loaded values kept out of a full L1 because their key was not read often enough recently. */
    final LongAdder l1Declined = new LongAdder();

    void recordLoad(long nanos) {
        loads.increment();
        loadNanos.add(nanos);
    }

    public long l1Hits() { return l1Hits.sum(); }
    public long l1Misses() { return l1Misses.sum(); }
    public long l2Hits() { return l2Hits.sum(); }
    public long l2Misses() { return l2Misses.sum(); }
    public long l1Puts() { return l1Puts.sum(); }
    public long l2Puts() { return l2Puts.sum(); }
    public long l1Evictions() { return l1Evictions.sum(); }
    public long l1Invalidations() { return l1Invalidations.sum(); }
    public long l2Evictions() { return l2Evictions.sum(); }
    public long l2Errors() { return l2Errors.sum(); }
    /** Entries rejected because they did not decode as the expected type (also counted in errors). */
    public long l2Rejected() { return l2Rejected.sum(); }
    public long loads() { return loads.sum(); }
    public long lockWaits() { return lockWaits.sum(); }
    public long l1Declined() { return l1Declined.sum(); }

    public double loadMillisTotal() {
        return loadNanos.sum() / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    public double l1HitRate() {
        return rate(l1Hits(), l1Misses());
    }

    public double l2HitRate() {
        return rate(l2Hits(), l2Misses());
    }

    /** Share of reads answered by either tier, i.e. without a load. */
    public double hitRate() {
        long hits = l1Hits() + l2Hits();
        return rate(hits, l1Misses() - l2Hits());
    }

    private static double rate(long hits, long misses) {
        long total = hits + Math.max(0, misses);
        return total == 0 ? 0.0 : hits / (double) total;
    }
}
