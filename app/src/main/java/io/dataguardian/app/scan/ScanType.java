package io.dataguardian.app.scan;

/** What a scan reads. Stored by name; the column is open so a new type needs no migration. */
public enum ScanType {
    FILES,
    ARCHIVE,
    DOCUMENTS,
    SOURCE,
    DATABASE
}
