package io.dataguardian.app.job;

import io.dataguardian.app.db.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code scan_jobs} and the queue counts the limits need. Counts read {@code scans} directly (never a cache),
 * because every node decides on them.
 */
@Repository
public class ScanJobStore {

    private final JdbcClient jdbc;

    public ScanJobStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void insert(ScanJob job) {
        jdbc.sql("insert into scan_jobs (scan_id, organisation_id, owner_id, source, path, db_url, db_user,"
                        + " db_password_enc, db_mode, attempts, created_at)"
                        + " values (:scan, :org, :owner, :source, :path, :url, :user, :pw, :mode, 0, :now)")
                .param("scan", job.scanId()).param("org", job.orgId()).param("owner", job.ownerId())
                .param("source", job.source().name()).param("path", job.path()).param("url", job.dbUrl())
                .param("user", job.dbUser()).param("pw", job.dbPasswordEncrypted()).param("mode", job.dbMode())
                .param("now", Timestamps.toDb(Timestamps.now(Clock.systemUTC())))
                .update();
    }

    public Optional<ScanJob> find(long scanId) {
        return jdbc.sql("select scan_id, organisation_id, owner_id, source, path, db_url, db_user, db_password_enc,"
                        + " db_mode, attempts from scan_jobs where scan_id = :scan")
                .param("scan", scanId)
                .query((rs, i) -> {
                    long owner = rs.getLong("owner_id");
                    return new ScanJob(rs.getLong("scan_id"), rs.getLong("organisation_id"), rs.wasNull() ? null : owner,
                            ScanJob.Source.valueOf(rs.getString("source")), rs.getString("path"), rs.getString("db_url"),
                            rs.getString("db_user"), rs.getString("db_password_enc"), rs.getString("db_mode"),
                            rs.getInt("attempts"));
                }).optional();
    }

    /** Counts one more run of the job; returns the new count. */
    public int countAttempt(long scanId) {
        jdbc.sql("update scan_jobs set attempts = attempts + 1 where scan_id = :scan").param("scan", scanId).update();
        return jdbc.sql("select attempts from scan_jobs where scan_id = :scan").param("scan", scanId)
                .query(Integer.class).optional().orElse(0);
    }

    /** Once the scan has ended the password is not needed any more: forget it. */
    public void forgetCredential(long scanId) {
        jdbc.sql("update scan_jobs set db_password_enc = null where scan_id = :scan").param("scan", scanId).update();
    }

    /**
     * Removes what an earlier, interrupted run of the scan stored (findings, file errors, progress), so a
     * restarted run starts clean and stores each finding once. Call inside one transaction.
     */
    public void resetPartialResults(long orgId, long scanId) {
        jdbc.sql("delete from findings where organisation_id = :org and scan_id = :scan")
                .param("org", orgId).param("scan", scanId).update();
        jdbc.sql("delete from scan_file_errors where organisation_id = :org and scan_id = :scan")
                .param("org", orgId).param("scan", scanId).update();
        jdbc.sql("update scans set files_done = 0, bytes_done = 0, findings_count = 0, current_item = null"
                        + " where organisation_id = :org and id = :scan and status = 'RUNNING'")
                .param("org", orgId).param("scan", scanId).update();
    }

    /** A user's queued plus running scans (the queue limit). */
    public long activeByOwner(long ownerId) {
        return jdbc.sql("select count(*) from scans where owner_id = :owner and status in ('QUEUED', 'RUNNING')")
                .param("owner", ownerId).query(Long.class).single();
    }

    public long runningByOwner(long ownerId) {
        return jdbc.sql("select count(*) from scans where owner_id = :owner and status = 'RUNNING'")
                .param("owner", ownerId).query(Long.class).single();
    }

    public long runningByOrg(long orgId) {
        return jdbc.sql("select count(*) from scans where organisation_id = :org and status = 'RUNNING'")
                .param("org", orgId).query(Long.class).single();
    }

    /** All queued scans of the installation (the {@code dataguardian.scan.queue} gauge). */
    public long queued() {
        return jdbc.sql("select count(*) from scans where status = 'QUEUED'").query(Long.class).single();
    }

    /** 1 for the next scan to start, counted over the whole installation in submission order. */
    public long queuePosition(Instant createdAt, long scanId) {
        return 1 + jdbc.sql("select count(*) from scans where status = 'QUEUED' and created_at <= :at"
                        + " and (created_at < :at or id < :id)")
                .param("at", Timestamps.toDb(createdAt)).param("id", scanId).query(Long.class).single();
    }

    /** Whether the scan exists and has not ended (its upload is still needed). */
    public boolean isActive(long scanId) {
        return jdbc.sql("select count(*) from scans where id = :id and status in ('QUEUED', 'RUNNING')")
                .param("id", scanId).query(Long.class).single() > 0;
    }

    /** A scan by organisation and id. */
    public record ScanRef(long orgId, long scanId) {
    }

    /** Up to {@code limit} finished scans that ended before the cut-off, oldest first. */
    public java.util.List<ScanRef> finishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("select organisation_id, id from scans where status in ('COMPLETED', 'FAILED', 'CANCELLED')"
                        + " and finished_at < :cutoff order by finished_at, id limit :limit")
                .param("cutoff", Timestamps.toDb(cutoff)).param("limit", limit)
                .query((rs, i) -> new ScanRef(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Deletes these scans if they are still finished (findings, errors, jobs and uploads cascade). */
    public int delete(java.util.List<ScanRef> refs) {
        int deleted = 0;
        for (ScanRef ref : refs) {
            deleted += jdbc.sql("delete from scans where organisation_id = :org and id = :id"
                            + " and status in ('COMPLETED', 'FAILED', 'CANCELLED')")
                    .param("org", ref.orgId()).param("id", ref.scanId()).update();
        }
        return deleted;
    }
}
