package io.dataguardian.bench.sources;

import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.scan.ScanEngine;
import io.dataguardian.engine.scan.ScanRequest;
import io.dataguardian.engine.scan.ScanResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Scans a document set (see {@link DocumentSetGenerator}) through the engine and prints MB/s,
 * documents/s and the peak heap. Run with the heap the claim is about, e.g. {@code -Xmx512m}.
 */
public final class DocumentScanBench {

    private DocumentScanBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/docset");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        ScanResult r = new ScanEngine().scan(ScanRequest.builder(
                DetectionSettings.withKey("bench-fingerprint-key-0123456789".getBytes(StandardCharsets.UTF_8)))
                .root(dir).threads(threads).build());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double s = r.stats().duration().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%d files, %.1f MB in %.1f s: %.1f MB/s, %.1f documents/s; %d findings, %d errors;"
                        + " peak heap %d MB (max %d MB), %d threads%n",
                r.stats().filesScanned(), r.stats().bytesScanned() / 1e6, s, r.stats().megabytesPerSecond(),
                r.stats().filesScanned() / s, r.findings().size(), r.errors().size(), peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, threads);
    }
}
