package io.dataguardian.app.cache;

/**
 * A frequency filter in front of one namespace's L1: a count-min sketch (4 rows of saturating counters up to 15)
 * that counts every read of a key, hit or miss, and halves all counts every {@code 10 x} the L1's entry count
 * (at least {@link #MIN_PERIOD}) reads, so it remembers recent popularity only.
 *
 * <p>Why: Caffeine's W-TinyLFU learns frequencies only from hits and inserts, and sizes its sketch from the
 * entry count, so with many more distinct keys than entries the counts of keys near the cache's edge are mostly
 * collision noise and one-hit wonders get in. While the L1 is full, a loaded value is therefore put into it only
 * once its key has been read {@link #THRESHOLD} times recently; below {@link TwoTierCache#PRESSURE} of its budget
 * everything is admitted as before. On the Zipf benchmark (skew 0.99, 1 M keys, L1 = 1 %) this takes the L1 from
 * ~2.5 to ~0.5 percentage points below the optimum (docs/cache.md).
 *
 * <p>Counts are updated without locks: concurrent increments of one counter may lose one, and the halving may
 * race with increments. That is tolerated on purpose: the filter estimates popularity, and a lost count costs at
 * most one later admission. Memory: 4 x width bytes, width = 8 x (L1 budget / 128 B) rounded up to a power of two,
 * between 4,096 and 262,144 (16 KB to 1 MB per namespace), outside the L1's byte budget.
 */
final class AdmissionGate {

    /** Recent reads a key needs before a loaded value may displace others in a full L1. */
    static final int THRESHOLD = 3;
    static final int MIN_PERIOD = 10_000;
    static final int MIN_WIDTH = 1 << 12;
    static final int MAX_WIDTH = 1 << 18;
    /** The smallest entry weight worth sizing for: key, envelope and a small JSON value. */
    static final long TYPICAL_MIN_ENTRY_BYTES = 128;

    private final byte[] counts;
    private final int mask;
    private int samples;

    AdmissionGate(int width) {
        if (Integer.bitCount(width) != 1) {
            throw new IllegalArgumentException("width must be a power of two: " + width);
        }
        this.counts = new byte[4 * width];
        this.mask = width - 1;
    }

    /** Sized for an L1 of this many bytes. */
    static AdmissionGate forBudget(long l1Bytes) {
        long wanted = 8 * Math.max(1, l1Bytes / TYPICAL_MIN_ENTRY_BYTES);
        int width = (int) Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Long.highestOneBit(wanted - 1) << 1));
        return new AdmissionGate(width);
    }

    int width() {
        return mask + 1;
    }

    /**
     * Counts one read of the key and returns its recent count including this read (an over-estimate at worst).
     *
     * @param entries the L1's current entry count, which sets how long counts are remembered
     */
    int record(Object key, long entries) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L;
        int min = Integer.MAX_VALUE;
        for (int row = 0; row < 4; row++) {
            h = next(h, row);
            int i = index(h, row);
            int c = counts[i];
            if (c < 15) {
                counts[i] = (byte) ++c;
            }
            min = Math.min(min, c);
        }
        long period = Math.max(MIN_PERIOD, 10 * entries);
        if (++samples >= period) {
            age(period);
        }
        return min;
    }

    /** Halves every count; threads that reach the period together halve once. */
    private synchronized void age(long period) {
        if (samples < period) {
            return; // another thread has just halved
        }
        samples = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (byte) (counts[i] >>> 1);
        }
    }

    /** The key's recent count, without counting a read. */
    int estimate(Object key) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L;
        int min = Integer.MAX_VALUE;
        for (int row = 0; row < 4; row++) {
            h = next(h, row);
            min = Math.min(min, counts[index(h, row)]);
        }
        return min;
    }

    /** The hash for the next row: one independent-enough counter position per row from one key hash. */
    private static long next(long h, int row) {
        return (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + row;
    }

    private int index(long h, int row) {
        return row * (mask + 1) + ((int) (h >>> 40) & mask);
    }
}
