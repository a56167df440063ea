package io.dataguardian.engine.scan;

import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.score.Scores;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a scan.
 *
 * @param baseDirectory the directory location paths are relative to (the root directory, the parent of
 *                      a single file, or the common ancestor of several roots)
 * @param findings      in a deterministic order: by path, then offset, then detector id (see {@link #ORDER})
 * @param errors        per-file errors, by path then kind
 */
public record ScanResult(Path baseDirectory, List<Finding> findings, List<FileError> errors, ScanStats stats,
                         Scores scores) {

    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().path())
            .thenComparing(f -> f.location().section() == null ? "" : f.location().section())
            .thenComparingLong(f -> f.location().offset())
            .thenComparing(Finding::detectorId)
            .thenComparingInt(f -> f.location().length())
            .thenComparing(Finding::fingerprint, Comparator.nullsFirst(Comparator.naturalOrder()));

    public static final Comparator<FileError> ERROR_ORDER = Comparator
            .comparing(FileError::path).thenComparing(FileError::kind).thenComparing(FileError::message);

    public ScanResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }
}
