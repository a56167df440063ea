package io.dataguardian.app.scan;

import io.dataguardian.engine.finding.FileError;

/** A {@link FileError} as stored with its scan. */
public record ScanFileError(long id, long orgId, long scanId, FileError error) {
}
