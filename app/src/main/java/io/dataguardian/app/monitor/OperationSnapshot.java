package io.dataguardian.app.monitor;

import java.util.Arrays;

/**
 * What the meters say about one operation at one moment, cumulative since start-up (or, after
 * {@link #minus}, over a window): counts and totals add up across the outcome/exception timers of the
 * operation and percentiles come from their merged histogram buckets; nothing is an average of averages.
 *
 * @param bounds            histogram bucket upper bounds in nanoseconds (ascending), empty without histogram
 * @param cumulativeCounts  calls at or under each bound
 * @param percentiles       p50/p95/p99 in nanoseconds published by the registry when there is no histogram
 */
record OperationSnapshot(String family, String operation, long count, double totalNanos, double maxNanos,
                         long errors, double[] bounds, double[] cumulativeCounts, double[] percentiles,
                         long allocatedCount, double allocatedBytes) {

    /** This snapshot less an earlier one of the same operation: what happened in between. */
    OperationSnapshot minus(OperationSnapshot earlier) {
        if (earlier == null || earlier.count > count) {
            return this; // new operation, or the meter was re-created
        }
        double[] counts = cumulativeCounts.clone();
        if (Arrays.equals(bounds, earlier.bounds)) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = Math.max(0, counts[i] - earlier.cumulativeCounts[i]);
            }
        }
        return new OperationSnapshot(family, operation, count - earlier.count, totalNanos - earlier.totalNanos,
                maxNanos, errors - earlier.errors, bounds, counts, null,
                allocatedCount - earlier.allocatedCount, allocatedBytes - earlier.allocatedBytes);
    }

    String name() {
        return family + "." + operation;
    }

    /** The q-quantile in nanoseconds, interpolated within its histogram bucket; null when unknown. */
    Double percentile(double q) {
        if (count <= 0) {
            return null;
        }
        if (bounds.length == 0) {
            if (percentiles == null) {
                return null;
            }
            return q <= 0.5 ? percentiles[0] : q <= 0.95 ? percentiles[1] : percentiles[2];
        }
        double rank = q * count;
        double previousBound = 0;
        double previousCount = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulativeCounts[i] >= rank) {
                double inBucket = cumulativeCounts[i] - previousCount;
                double fraction = inBucket <= 0 ? 1 : (rank - previousCount) / inBucket;
                double value = previousBound + (bounds[i] - previousBound) * fraction;
                return maxNanos > 0 ? Math.min(value, maxNanos) : value;
            }
            previousBound = bounds[i];
            previousCount = cumulativeCounts[i];
        }
        return maxNanos > 0 ? maxNanos : previousBound; // beyond the last bucket
    }

    /** Share of calls slower than {@code nanos}, from the bucket bounded by it (exact when it is a bound). */
    Double shareOver(double nanos) {
        if (count <= 0 || bounds.length == 0) {
            return null;
        }
        double atOrUnder = 0;
        double previousBound = 0;
        double previousCount = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] >= nanos) {
                double fraction = bounds[i] == previousBound ? 1 : (nanos - previousBound) / (bounds[i] - previousBound);
                atOrUnder = previousCount + (cumulativeCounts[i] - previousCount) * fraction;
                return Math.max(0, 1 - atOrUnder / count);
            }
            previousBound = bounds[i];
            previousCount = cumulativeCounts[i];
        }
        return Math.max(0, 1 - previousCount / count);
    }
}
