package io.dataguardian.engine.detect;

import java.util.Arrays;

/**
 * The order in which a window's hits are resolved: start ascending, then the longer first, then as found (a
 * stable sort), computed without a {@link java.util.Comparator}.
 *
 * <p>Why not {@code List.sort(comparator)}: TimSort's methods are shared by every sort of objects in the JVM,
 * and the report's sort of findings ({@code ScanResult.ORDER}) ran through the same compiled code with another
 * comparator and element class; C2 compiled and recompiled {@code countRunAndMakeAscending} and {@code binarySort}
 * 3-4 times a scan of the benchmark tree as the two took turns. Here the hits are usually already in order
 * (checked in one pass), and otherwise sorted as packed {@code long} keys, which use no comparator at all.
 */
final class PositionOrder {

    /** Positions and counts below this fit a packed key; larger windows fall back to the comparator. */
    static final int KEY_LIMIT = 1 << 21;
    private static final long MASK = KEY_LIMIT - 1;

    private PositionOrder() {
    }

    /**
     * The indexes of n items with the given starts and ends in that order, or null when they already are in it
     * (the common case), or -- when a position or n does not fit a packed key -- a result of {@code fallback}.
     */
    static int[] order(int[] starts, int[] ends, int n) {
        boolean sorted = true;
        for (int k = 1; k < n && sorted; k++) {
            sorted = starts[k - 1] < starts[k] || starts[k - 1] == starts[k] && ends[k - 1] >= ends[k];
        }
        if (sorted) {
            return null;
        }
        if (n >= KEY_LIMIT) {
            return fallback(starts, ends, n);
        }
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            int s = starts[k];
            int e = ends[k];
            if (s < 0 || e < 0 || s >= KEY_LIMIT || e >= KEY_LIMIT) {
                return fallback(starts, ends, n);
            }
            // start ascending, then end descending (MASK - end ascending), then the index: unique keys, stable
            keys[k] = (long) s << 42 | (MASK - e) << 21 | k;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & MASK);
        }
        return order;
    }

    /** The same order by a stable comparator sort, for windows too large for a packed key. */
    static int[] fallback(int[] starts, int[] ends, int n) {
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        Arrays.sort(idx, (a, b) -> starts[a] != starts[b] ? Integer.compare(starts[a], starts[b])
                : Integer.compare(ends[b], ends[a]));
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = idx[k];
        }
        return order;
    }
}
