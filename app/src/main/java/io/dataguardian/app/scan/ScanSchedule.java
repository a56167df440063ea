package io.dataguardian.app.scan;

import java.time.Instant;

/**
 * A scheduled rescan: one target (a server path or a database) scanned again whenever its cron expression
 * fires. The database password stays encrypted ({@code dbPasswordEncrypted}); {@link #toString()} never shows it.
 */
public record ScanSchedule(long id, long orgId, Long ownerId, Source source, String path, String dbUrl, String dbUser,
                           String dbPasswordEncrypted, String dbMode, String target, String cron, String zone,
                           boolean enabled, Instant nextRunAt, Instant lastRunAt, Long lastScanId, String lastOutcome,
                           Instant createdAt) {

    /** What the schedule scans; an upload has nothing to scan again. */
    public enum Source { PATH, DATABASE }

    public ScanType scanType() {
        return source == Source.PATH ? ScanType.FILES : ScanType.DATABASE;
    }

    @Override
    public String toString() {
        return "ScanSchedule[id=" + id + ", org=" + orgId + ", source=" + source + ", cron=" + cron + "]";
    }
}
