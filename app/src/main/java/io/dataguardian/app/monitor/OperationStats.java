package io.dataguardian.app.monitor;

/**
 * One timed operation as the operations view and the export show it. Times in milliseconds; a
 * percentile is null when the meter keeps no histogram; {@code allocatedBytesPerCall} is null for
 * operations not timed by the {@link Profiler} (HTTP requests, database statements).
 */
public record OperationStats(String name, String family, String operation, long count, double totalMillis,
                             double meanMillis, double maxMillis, Double p50Millis, Double p95Millis,
                             Double p99Millis, long errors, Double allocatedBytesPerCall) {

    static OperationStats of(OperationSnapshot s) {
        return new OperationStats(s.name(), s.family(), s.operation(), s.count(), s.totalNanos() / 1e6,
                s.count() == 0 ? 0 : s.totalNanos() / s.count() / 1e6, s.maxNanos() / 1e6,
                millis(s.percentile(0.50)), millis(s.percentile(0.95)), millis(s.percentile(0.99)), s.errors(),
                s.allocatedCount() == 0 ? null : s.allocatedBytes() / s.allocatedCount());
    }

    private static Double millis(Double nanos) {
        return nanos == null ? null : nanos / 1e6;
    }
}
