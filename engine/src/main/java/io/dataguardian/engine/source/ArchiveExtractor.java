package io.dataguardian.engine.source;

import io.dataguardian.engine.finding.FileError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Zip (jar, war, ear), tar, tar.gz / tgz and gz archives, read as streams: nothing is extracted to
 * disk, and every entry goes back to the engine through {@link ExtractionContext#nested}, which
 * picks the extractor for it. Guards (each a per-archive {@link FileError}, the rest of the scan
 * goes on): nesting depth, entry count, compression ratio and total expansion counted on the bytes
 * actually read, entry names that climb out of the archive, encrypted entries.
 */
public final class ArchiveExtractor implements ContentExtractor {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};

    enum Kind { ZIP, TAR, GZIP }

    @Override
    public int priority() {
        // after the document extractor, which claims zip-based office formats (docx, odt, epub)
        return 50;
    }

    @Override
    public boolean supports(String name, byte[] head) {
        return kind(name, head) != null;
    }

    static Kind kind(String name, byte[] head) {
        String n = name.toLowerCase(Locale.ROOT);
        if (FileSignature.startsWith(head, ZIP_MAGIC) || FileSignature.startsWith(head, ZIP_EMPTY)) {
            return DocumentExtractor.isDocumentName(n) ? null : Kind.ZIP;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Kind.GZIP;
        }
        if (isTar(head)) {
            return Kind.TAR;
        }
        if (head.length == 0) {
            return null;
        }
        if (n.endsWith(".zip") || n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear")) {
            return Kind.ZIP;
        }
        return null;
    }

    private static boolean isTar(byte[] head) {
        return head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't'
                && head[260] == 'a' && head[261] == 'r';
    }

    @Override
    public void extract(InputStream in, String path, ExtractionContext context) throws IOException {
        ScanLimits limits = context.limits();
        if (context.depth() >= limits.maxArchiveDepth()) {
            context.error(new FileError(path, "too-deep", "archive nested " + (context.depth() + 1)
                    + " levels deep; the limit is " + limits.maxArchiveDepth() + " (maxArchiveDepth): not opened"));
            return;
        }
        BufferedInputStream buffered = new BufferedInputStream(CloseShield.of(in), 8192);
        buffered.mark(8192);
        byte[] head = buffered.readNBytes(512);
        buffered.reset();
        Kind kind = kind(fileName(path), head);
        if (kind == null) {
            context.error(new FileError(path, "corrupt", "not a recognisable zip, tar or gzip archive"));
            return;
        }
        ExpansionBudget outer = ExpansionBudget.current();
        ExpansionBudget budget = outer != null ? outer : ExpansionBudget.open(limits.maxUncompressedBytes());
        try {
            switch (kind) {
                case ZIP -> extractZip(buffered, path, context, budget);
                case TAR -> extractTar(new TarArchiveInputStream(buffered), () -> 0, path, context, budget, false);
                case GZIP -> extractGzip(buffered, path, context, budget);
                default -> throw new IllegalStateException();
            }
        } finally {
            if (outer == null) {
                ExpansionBudget.close(budget);
            }
        }
    }

    private void extractZip(InputStream in, String path, ExtractionContext context, ExpansionBudget budget)
            throws IOException {
        // allowStoredEntriesWithDataDescriptor=true: some tools write those; skipSplitSig=true
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true, true)) {
            int entries = 0;
            while (!context.cancelled()) {
                ZipArchiveEntry entry;
                try {
                    entry = zip.getNextEntry();
                } catch (IOException e) {
                    damaged("zip", entries, path, e, context);
                    return;
                }
                if (entry == null || !withinEntryLimit(++entries, path, context)) {
                    return;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String entryPath = path + "!/" + entry.getName();
                if (!checkName(entry.getName(), path, context)) {
                    continue;
                }
                if (entry.getGeneralPurposeBit().usesEncryption() || entry.getGeneralPurposeBit().usesStrongEncryption()) {
                    context.error(new FileError(entryPath, "encrypted",
                            "entry is encrypted; skipped (no password is tried)"));
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    context.error(new FileError(entryPath, "unsupported",
                            "entry uses an unsupported zip compression method (" + entry.getMethod() + "); skipped"));
                    continue;
                }
                if (!scanEntry(zip, zip::getCompressedCount, entryPath, path, context, budget)) {
                    return;
                }
            }
        }
    }

    private void extractTar(TarArchiveInputStream tar, LongSupplier compressed, String path,
                            ExtractionContext context, ExpansionBudget budget, boolean gzipped) throws IOException {
        int entries = 0;
        while (!context.cancelled()) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry entry;
            try {
                entry = tar.getNextEntry();
            } catch (ArchiveLimitException e) {
                context.error(new FileError(path, e.kind(), e.getMessage()));
                return;
            } catch (IOException e) {
                damaged("tar", entries, path, e, context);
                return;
            }
            if (entry == null || !withinEntryLimit(++entries, path, context)) {
                return;
            }
            if (!entry.isFile()) {
                continue;
            }
            if (!checkName(entry.getName(), path, context)) {
                continue;
            }
            String entryPath = path + "!/" + entry.getName();
            // inside a tar.gz the gzip guard already counts every byte against the budget
            if (!scanEntry(tar, compressed, entryPath, path, context, gzipped ? null : budget)) {
                return;
            }
        }
    }

    private void extractGzip(InputStream in, String path, ExtractionContext context, ExpansionBudget budget)
            throws IOException {
        CountingStream raw = new CountingStream(in);
        GzipCompressorInputStream gz;
        try {
            gz = new GzipCompressorInputStream(raw, true);
        } catch (IOException e) {
            context.error(new FileError(path, "corrupt", "gzip header is damaged: " + safeMessage(e)));
            return;
        }
        // one guard over the whole decompressed stream: for a tar.gz the ratio is the gzip ratio
        GuardedEntryStream guarded = new GuardedEntryStream(gz, raw::count, context.limits(), budget, path);
        BufferedInputStream body = new BufferedInputStream(guarded, 8192);
        body.mark(8192);
        byte[] head;
        try {
            head = body.readNBytes(512);
            body.reset();
        } catch (ArchiveLimitException e) {
            context.error(new FileError(path, e.kind(), e.getMessage()));
            return;
        } catch (IOException e) {
            context.error(new FileError(path, "corrupt", "gzip data is damaged: " + safeMessage(e)));
            return;
        }
        try {
            if (isTar(head)) {
                extractTar(new TarArchiveInputStream(body), raw::count, path, context, budget, true);
            } else {
                String inner = fileName(path);
                String lower = inner.toLowerCase(Locale.ROOT);
                inner = lower.endsWith(".gz") ? inner.substring(0, inner.length() - 3)
                        : lower.endsWith(".tgz") ? inner.substring(0, inner.length() - 4) + ".tar" : inner;
                String entryPath = path + "!/" + inner;
                try {
                    context.nested(body, entryPath);
                    guarded.drain();
                } catch (ArchiveLimitException e) {
                    context.error(new FileError(path, e.kind(), e.getMessage()));
                    return;
                }
                if (guarded.tripped() != null) {
                    context.error(new FileError(path, guarded.tripped().kind(), guarded.tripped().getMessage()));
                }
            }
        } catch (IOException e) {
            if (guarded.tripped() != null) {
                context.error(new FileError(path, guarded.tripped().kind(), guarded.tripped().getMessage()));
            } else {
                context.error(new FileError(path, "corrupt", "gzip data is damaged: " + safeMessage(e)));
            }
        }
    }

    /**
     * Hands one entry to the engine behind a guard.
     *
     * @return false when the archive must not be read further (a limit tripped or it is damaged)
     */
    private boolean scanEntry(ArchiveInputStream<? extends ArchiveEntry> archive, LongSupplier compressed,
                              String entryPath, String archivePath, ExtractionContext context,
                              ExpansionBudget budget) {
        GuardedEntryStream guarded = new GuardedEntryStream(archive, compressed, context.limits(), budget, entryPath);
        try {
            context.nested(guarded, entryPath);
            guarded.drain();
        } catch (ArchiveLimitException e) {
            context.error(new FileError(archivePath, e.kind(), e.getMessage() + " (at " + entryPath + ")"));
            return false;
        } catch (IOException e) {
            if (context.cancelled()) {
                return false;
            }
            if (guarded.tripped() == null) {
                context.error(new FileError(archivePath, "corrupt", "archive is damaged at " + entryPath + ": "
                        + safeMessage(e)));
                return false;
            }
        }
        if (guarded.tripped() != null) {
            // the nested extractor caught it and reported something else; the archive-level reason counts
            ArchiveLimitException t = guarded.tripped();
            context.error(new FileError(archivePath, t.kind(), t.getMessage() + " (at " + entryPath + ")"));
            return false;
        }
        return true;
    }

    /** Reports an archive whose next entry could not be read; what came before it was scanned. */
    private static void damaged(String format, int entriesRead, String path, IOException e, ExtractionContext context) {
        context.error(new FileError(path, "corrupt", format + " archive is damaged after " + entriesRead
                + " entries: " + safeMessage(e)));
    }

    /** Whether the {@code entries}-th entry is within maxArchiveEntries; past it, reports the archive once. */
    private static boolean withinEntryLimit(int entries, String path, ExtractionContext context) {
        int max = context.limits().maxArchiveEntries();
        if (entries > max) {
            context.error(new FileError(path, "too-many-entries", "archive has more than "
                    + max + " entries (maxArchiveEntries); the rest is skipped"));
            return false;
        }
        return true;
    }

    /** Entry names are only ever labels here, but a climbing or absolute name marks a hostile archive. */
    private static boolean checkName(String name, String archivePath, ExtractionContext context) {
        String n = name.replace('\\', '/');
        boolean absolute = n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':');
        boolean climbs = n.equals("..") || n.startsWith("../") || n.contains("/../") || n.endsWith("/..");
        if (absolute || climbs) {
            context.error(new FileError(archivePath + "!/" + name, "unsafe-entry-name",
                    "entry name '" + name + "' " + (absolute ? "is an absolute path" : "climbs out of the archive with '..'")
                            + " (path traversal); entry skipped"));
            return false;
        }
        return true;
    }

    static String fileName(String path) {
        int bang = path.lastIndexOf("!/");
        String last = bang >= 0 ? path.substring(bang + 2) : path;
        int slash = last.lastIndexOf('/');
        return slash >= 0 ? last.substring(slash + 1) : last;
    }

    static String safeMessage(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /** Counts compressed bytes read from the archive file (the engine's stream stays open: its owner closes it). */
    private static final class CountingStream extends CountingInputStream {
        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        protected void beforeRead() {
        }

        @Override
        protected void afterRead(int n) {
        }
    }

    /** Keeps the engine's stream open when a wrapping archive stream, reader or parser is closed. */
    static final class CloseShield extends java.io.FilterInputStream {
        private CloseShield(InputStream in) {
            super(in);
        }

        static InputStream of(InputStream in) {
            return new CloseShield(in);
        }

        @Override
        public void close() {
        }
    }

}
