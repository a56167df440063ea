package io.dataguardian.app.scan;

import java.time.Instant;

/**
 * One row of {@code scans}. {@code target} describes what was scanned and never holds a credential
 * (a database target is stored as {@code postgresql://host:5432/db}, without user or password).
 */
public record Scan(long id, long orgId, Long ownerId, ScanType type, String target, ScanStatus status,
                   Progress progress, SeverityCounts counts, long fileErrorCount, Double riskScore,
                   Double complianceScore, Instant createdAt, Instant updatedAt, Instant startedAt,
                   Instant finishedAt, Long durationMs, String errorMessage) {

    /** How far a running scan has got. */
    public record Progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long findings,
                           String currentItem) {

        public static final Progress NONE = new Progress(0, 0, 0, 0, 0, null);
    }

    /** Findings per severity. */
    public record SeverityCounts(long critical, long high, long medium, long low) {

        public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0, 0);

        public long total() {
            return critical + high + medium + low;
        }
    }

    /** Keyset cursor of the scan list (newest first). */
    public record Cursor(Instant createdAt, long id) {
    }

    public Cursor cursor() {
        return new Cursor(createdAt, id);
    }
}
