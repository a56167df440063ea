package io.dataguardian.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Wraps the decompressed bytes of one archive entry: counts them as they are actually read (headers
 * are not trusted), and trips on the entry size limit, the per-entry compression ratio and the
 * archive's total expansion budget. Once tripped every further read fails again with the same
 * reason, so a nested extractor that swallows the first exception cannot read on. {@link #close()}
 * does not close the archive stream underneath.
 */
final class GuardedEntryStream extends CountingInputStream {

    /** Below this many uncompressed bytes the ratio is not judged (tiny files compress extremely). */
    static final long RATIO_GRACE_BYTES = 1L << 20;

    private final LongSupplier compressedCount;
    private final ScanLimits limits;
    private final ExpansionBudget budget;
    private final String path;
    private ArchiveLimitException tripped;

    GuardedEntryStream(InputStream in, LongSupplier compressedCount, ScanLimits limits,
                       ExpansionBudget budget, String path) {
        super(in);
        this.compressedCount = compressedCount;
        this.limits = limits;
        this.budget = budget;
        this.path = path;
    }

    ArchiveLimitException tripped() {
        return tripped;
    }

    @Override
    protected void beforeRead() throws ArchiveLimitException {
        if (tripped != null) {
            throw tripped;
        }
    }

    @Override
    protected void afterRead(int n) throws ArchiveLimitException {
        check(n);
    }

    private void check(int n) throws ArchiveLimitException {
        if (count() > limits.maxFileBytes()) {
            trip("too-large", "entry expands beyond the size limit of " + limits.maxFileBytes() + " bytes; not scanned further");
        }
        if (budget != null && !budget.consume(n)) {
            trip("zip-bomb", "archive expands beyond " + limits.maxUncompressedBytes()
                    + " uncompressed bytes in total (limit maxUncompressedBytes); rest of the archive skipped");
        }
        long count = count();
        if (count > RATIO_GRACE_BYTES) {
            long compressed = Math.max(1, compressedCount.getAsLong());
            double ratio = (double) count / compressed;
            if (ratio > limits.maxCompressionRatio()) {
                trip("zip-bomb", String.format(java.util.Locale.ROOT,
                        "compression ratio above %.0f:1 (%d bytes from %d compressed): looks like a zip bomb; rest of the archive skipped",
                        limits.maxCompressionRatio(), count, compressed));
            }
        }
    }

    private void trip(String kind, String message) throws ArchiveLimitException {
        tripped = new ArchiveLimitException(kind, message);
        throw tripped;
    }

    /** Reads what the nested extractor left unread, so the guard sees every byte of the entry. */
    void drain() throws IOException {
        byte[] buf = new byte[16384];
        while (read(buf, 0, buf.length) >= 0) {
            // counting only
        }
    }
}
