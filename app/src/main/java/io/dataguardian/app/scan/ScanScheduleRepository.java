package io.dataguardian.app.scan;

import io.dataguardian.app.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code scan_schedules}. Reads and deletes by users are scoped by organisation; {@link #due} is the firing task's. */
@Repository
public class ScanScheduleRepository {

    private static final String COLUMNS = "id, organisation_id, owner_id, source, path, db_url, db_user, db_password_enc,"
            + " db_mode, target, cron, zone, enabled, next_run_at, last_run_at, last_scan_id, last_outcome, created_at";

    private final JdbcClient jdbc;

    public ScanScheduleRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public long insert(long orgId, Long ownerId, ScanSchedule.Source source, String path, String dbUrl, String dbUser,
                       String dbPasswordEncrypted, String dbMode, String target, String cron, String zone,
                       Instant nextRunAt, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into scan_schedules (organisation_id, owner_id, source, path, db_url, db_user, db_password_enc,"
                        + " db_mode, target, cron, zone, enabled, next_run_at, created_at)"
                        + " values (:org, :owner, :source, :path, :url, :user, :pw, :mode, :target, :cron, :zone, true,"
                        + " :next, :now)")
                .param("org", orgId).param("owner", ownerId).param("source", source.name()).param("path", path)
                .param("url", dbUrl).param("user", dbUser).param("pw", dbPasswordEncrypted).param("mode", dbMode)
                .param("target", target).param("cron", cron).param("zone", zone)
                .param("next", Timestamps.toDb(nextRunAt)).param("now", Timestamps.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<ScanSchedule> find(long orgId, long id) {
        return jdbc.sql("select " + COLUMNS + " from scan_schedules where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", id).query(ScanScheduleRepository::map).optional();
    }

    public List<ScanSchedule> list(long orgId) {
        return jdbc.sql("select " + COLUMNS + " from scan_schedules where organisation_id = :org order by id")
                .param("org", orgId).query(ScanScheduleRepository::map).list();
    }

    public boolean delete(long orgId, long id) {
        return jdbc.sql("delete from scan_schedules where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", id).update() == 1;
    }

    public boolean setEnabled(long orgId, long id, boolean enabled, Instant nextRunAt) {
        return jdbc.sql("update scan_schedules set enabled = :on, next_run_at = :next"
                        + " where organisation_id = :org and id = :id")
                .param("on", enabled).param("next", Timestamps.toDb(nextRunAt))
                .param("org", orgId).param("id", id).update() == 1;
    }

    /** Enabled schedules whose time has come, across organisations (the firing task only). */
    List<ScanSchedule> due(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from scan_schedules where enabled = true and next_run_at <= :now"
                        + " order by next_run_at, id limit :limit")
                .param("now", Timestamps.toDb(now)).param("limit", limit)
                .query(ScanScheduleRepository::map).list();
    }

    /**
     * Moves the schedule on to its next run, only if nobody else did since {@code seen} was read: true for exactly
     * one caller, so a firing happens once even if two nodes look at the same moment.
     */
    boolean advance(ScanSchedule seen, Instant next, Instant now) {
        return jdbc.sql("update scan_schedules set next_run_at = :next, last_run_at = :now"
                        + " where id = :id and enabled = true and next_run_at = :seen")
                .param("next", Timestamps.toDb(next)).param("now", Timestamps.toDb(now))
                .param("id", seen.id()).param("seen", Timestamps.toDb(seen.nextRunAt())).update() == 1;
    }

    void recordRun(long id, Long scanId, String outcome) {
        String text = outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
        if (scanId == null) {
            jdbc.sql("update scan_schedules set last_outcome = :outcome where id = :id")
                    .param("outcome", text).param("id", id).update();
        } else {
            jdbc.sql("update scan_schedules set last_scan_id = :scan, last_outcome = :outcome where id = :id")
                    .param("scan", scanId).param("outcome", text).param("id", id).update();
        }
    }

    private static ScanSchedule map(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        long last = rs.getLong("last_scan_id");
        Long lastScan = rs.wasNull() ? null : last;
        return new ScanSchedule(rs.getLong("id"), rs.getLong("organisation_id"), ownerId,
                ScanSchedule.Source.valueOf(rs.getString("source")), rs.getString("path"), rs.getString("db_url"),
                rs.getString("db_user"), rs.getString("db_password_enc"), rs.getString("db_mode"),
                rs.getString("target"), rs.getString("cron"), rs.getString("zone"), rs.getBoolean("enabled"),
                Timestamps.fromDb(rs, "next_run_at"), Timestamps.fromDb(rs, "last_run_at"), lastScan,
                rs.getString("last_outcome"), Timestamps.fromDb(rs, "created_at"));
    }
}
