package io.dataguardian.engine.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one scan.
 *
 * @param filesScanned files read (plain text or through an extractor)
 * @param filesSkipped files not read, any reason
 * @param skippedByReason {@code binary-skipped}, {@code too-large}, {@code excluded}, {@code gitignored},
 *                        {@code allow-listed}, {@code symlink-loop}, ...
 * @param filesWithErrors files with at least one per-file error
 * @param bytesScanned bytes of the files read
 * @param findings     findings reported
 * @param cancelled    true when the scan was cancelled before the end
 */
public record ScanStats(Instant started, Duration duration, long filesScanned, long filesSkipped,
                        Map<String, Long> skippedByReason, long filesWithErrors, long bytesScanned,
                        long findings, boolean cancelled) {

    public ScanStats {
        skippedByReason = Map.copyOf(new TreeMap<>(skippedByReason));
    }

    /** Throughput in MB/s (10^6 bytes), 0 when too quick to measure. */
    public double megabytesPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytesScanned / 1e6 / seconds;
    }
}
