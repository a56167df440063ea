package io.dataguardian.app.audit;

import io.dataguardian.app.db.Page;
import io.dataguardian.app.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only {@code audit_log}. Scoped by organisation; listed newest first with a keyset cursor. */
@Repository
public class AuditLogRepository {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() { };
    private static final String COLUMNS = "id, organisation_id, actor_user_id, actor, action, target, occurred_at, details";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired // the constructor Spring uses (two exist)
    public AuditLogRepository(DataSource dataSource, JsonMapper json, ObjectProvider<Clock> clock) {
        this(dataSource, json, clock.getIfAvailable(Clock::systemUTC));
    }

    public AuditLogRepository(DataSource dataSource, JsonMapper json, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
        this.clock = clock;
    }

    public AuditEntry append(long orgId, Long actorUserId, String actor, String action, String target,
                             Map<String, ?> details) {
        Instant now = Timestamps.now(clock);
        String detailsJson = json.writeValueAsString(details == null ? Map.of() : details);
        if (detailsJson.length() > 8000) {
            throw new IllegalArgumentException("audit details too large: " + detailsJson.length() + " characters");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into audit_log (organisation_id, actor_user_id, actor, action, target, occurred_at, details)"
                        + " values (:org, :user, :actor, :action, :target, :at, :details)")
                .param("org", orgId).param("user", actorUserId).param("actor", actor).param("action", action)
                .param("target", target).param("at", Timestamps.toDb(now)).param("details", detailsJson)
                .update(keys, "id");
        return findById(orgId, keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    public Optional<AuditEntry> findById(long orgId, long id) {
        return jdbc.sql("select " + COLUMNS + " from audit_log where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", id).query(this::map).optional();
    }

    /** A page of the organisation's log, newest first; {@code after} is the previous page's next cursor. */
    public Page<AuditEntry, AuditEntry.Cursor> list(long orgId, AuditEntry.Cursor after, int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        JdbcClient.StatementSpec spec;
        if (after == null) {
            spec = jdbc.sql("select " + COLUMNS + " from audit_log where organisation_id = :org"
                    + " order by occurred_at desc, id desc limit :limit");
        } else {
            // the redundant "occurred_at <=" bounds the index range; the OR only breaks ties
            spec = jdbc.sql("select " + COLUMNS + " from audit_log where organisation_id = :org and occurred_at <= :at"
                            + " and (occurred_at < :at or id < :id) order by occurred_at desc, id desc limit :limit")
                    .param("at", Timestamps.toDb(after.occurredAt())).param("id", after.id());
        }
        List<AuditEntry> rows = spec.param("org", orgId).param("limit", size + 1).query(this::map).list();
        return Page.of(rows, size, AuditEntry::cursor);
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        long user = rs.getLong("actor_user_id");
        Long actorUserId = rs.wasNull() ? null : user;
        return new AuditEntry(rs.getLong("id"), rs.getLong("organisation_id"), actorUserId, rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), Timestamps.fromDb(rs, "occurred_at"),
                json.readValue(rs.getString("details"), DETAILS));
    }
}
