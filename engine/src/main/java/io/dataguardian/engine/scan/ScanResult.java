package io.dataguardian.engine.scan;

import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.score.Scores;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a scan. The findings are held by a {@link FindingStore}: in memory for a small
 * scan, spilled to private temporary files past a bound. Report writers read them as a stream
 * ({@link #sortedFindings()}); {@link #findings()} copies them all into a list, for small scans.
 * {@link #close()} deletes any spill files; a result that spilled must be closed.
 *
 * <p>{@code baseDirectory} is the directory location paths are relative to (the root directory, the
 * parent of a single file, or the common ancestor of several roots); the findings come in a
 * deterministic order: by path, then section, offset and detector id (see {@link #ORDER}); errors
 * by path then kind.
 */
public final class ScanResult implements AutoCloseable {

    /**
     * By path, then section (none first, as ""), offset, detector id, length and fingerprint (none
     * first). Written out rather than chained: it runs for every finding when sorting and merging.
     */
    public static final Comparator<Finding> ORDER = ScanResult::compareFindings;

    private static int compareFindings(Finding a, Finding b) {
        Location la = a.location();
        Location lb = b.location();
        int c = compareText(la.path(), lb.path());
        if (c != 0) {
            return c;
        }
        c = compareText(la.section() == null ? "" : la.section(), lb.section() == null ? "" : lb.section());
        if (c != 0) {
            return c;
        }
        c = Long.compare(la.offset(), lb.offset());
        if (c != 0) {
            return c;
        }
        c = compareText(a.detectorId(), b.detectorId());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(la.length(), lb.length());
        if (c != 0) {
            return c;
        }
        String fa = a.fingerprint();
        String fb = b.fingerprint();
        if (fa == null || fb == null) {
            return fa == null ? (fb == null ? 0 : -1) : 1;
        }
        return compareText(fa, fb);
    }

    /** String order; the same instance (common: one path for many findings) is equal at once. */
    private static int compareText(String a, String b) {
        return a == b ? 0 : a.compareTo(b);
    }

    public static final Comparator<FileError> ERROR_ORDER = Comparator
            .comparing(FileError::path).thenComparing(FileError::kind).thenComparing(FileError::message);

    private final Path baseDirectory;
    private final FindingStore findings;
    private final List<FileError> errors;
    private final ScanStats stats;
    private final Scores scores;
    private final boolean streamed;

    /** A result over findings already in memory, kept in the order given. */
    public ScanResult(Path baseDirectory, List<Finding> findings, List<FileError> errors, ScanStats stats,
                      Scores scores) {
        this(baseDirectory, FindingStore.inOrderGiven(findings), errors, stats, scores);
    }

    /** A result over a finished store. */
    public ScanResult(Path baseDirectory, FindingStore findings, List<FileError> errors, ScanStats stats,
                      Scores scores) {
        this(baseDirectory, findings, errors, stats, scores, false);
    }

    /**
     * The engine's form: a result over a finished store, or, when {@code streamed}, over the findings a
     * {@link FindingStream} took during the scan (the store is then empty; the stats count them).
     */
    public ScanResult(Path baseDirectory, FindingStore findings, List<FileError> errors, ScanStats stats,
                      Scores scores, boolean streamed) {
        this.streamed = streamed;
        this.baseDirectory = baseDirectory;
        this.findings = Objects.requireNonNull(findings, "findings").finish();
        this.errors = List.copyOf(errors);
        this.stats = stats;
        this.scores = scores;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    /** True when the findings went to a {@link FindingStream} during the scan and are not held here. */
    public boolean streamed() {
        return streamed;
    }

    /**
     * The findings in {@link #ORDER}, streamed (from disk when the scan spilled): iterate, do not collect.
     *
     * @throws IllegalStateException when they were {@linkplain #streamed() streamed} during the scan
     */
    public FindingStore sortedFindings() {
        if (streamed) {
            throw new IllegalStateException("the findings went to a stream during the scan");
        }
        return findings;
    }

    /** Every finding in a list. Memory grows with the number of findings: for small scans and tests. */
    public List<Finding> findings() {
        return List.copyOf(sortedFindings().toList());
    }

    public long findingCount() {
        return streamed ? stats.findings() : findings.size();
    }

    public List<FileError> errors() {
        return errors;
    }

    public ScanStats stats() {
        return stats;
    }

    public Scores scores() {
        return scores;
    }

    /** Deletes the spill files, if any. */
    @Override
    public void close() {
        findings.close();
    }

    @Override
    public String toString() {
        return "ScanResult[baseDirectory=" + baseDirectory + ", findings=" + findingCount() + ", errors="
                + errors.size() + ", stats=" + stats + "]";
    }
}
