package io.dataguardian.app.job;

/**
 * What a queued scan reads: one row of {@code scan_jobs}. The database password stays encrypted here and is
 * decrypted only on the node that runs the scan, for the length of the run; {@link #toString()} never shows it.
 */
public record ScanJob(long scanId, long orgId, Long ownerId, Source source, String path, String dbUrl,
                      String dbUser, String dbPasswordEncrypted, String dbMode, int attempts) {

    /** Where the scanned data comes from. */
    public enum Source { UPLOAD, PATH, DATABASE }

    @Override
    public String toString() {
        return "ScanJob[scan=" + scanId + ", org=" + orgId + ", source=" + source + ", attempts=" + attempts + "]";
    }
}
