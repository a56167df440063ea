package io.dataguardian.engine.source;

import java.time.Duration;

/**
 * Limits that protect a scan from hostile or oversized input. Each breach is a per-item error.
 *
 * @param maxFileBytes          largest file or entry scanned (bigger ones are skipped with an error)
 * @param maxArchiveDepth       archives nested deeper than this are not opened (default 3)
 * @param maxArchiveEntries     entries per archive
 * @param maxUncompressedBytes  total bytes one archive (with its nested archives) may expand to
 * @param maxCompressionRatio   uncompressed / compressed bytes of one entry before it counts as a bomb
 * @param documentTimeout       time limit for extracting one document (default 30 s)
 */
public record ScanLimits(long maxFileBytes, int maxArchiveDepth, int maxArchiveEntries,
                         long maxUncompressedBytes, double maxCompressionRatio, Duration documentTimeout) {

    public static ScanLimits defaults() {
        return new ScanLimits(4L << 30, 3, 100_000, 8L << 30, 200.0, Duration.ofSeconds(30));
    }
}
