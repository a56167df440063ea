package io.dataguardian.app.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dataguardian.app.db.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Users, organisations and memberships (tables of V1). */
@Repository
public class AccountRepository {

    /** A user row with the roles it holds in its organisations. */
    public record UserRow(long id, String username, String passwordHash, boolean enabled) {
        @Override
        public String toString() {
            return "UserRow[id=" + id + ", username=" + username + ", enabled=" + enabled + "]";
        }
    }

    /** One membership of a user, for display. */
    public record MembershipRow(long organisationId, String organisationName, Role role) {
    }

    /** The lockout state of a user (V4 columns). */
    public record LoginState(long id, String username, String passwordHash, boolean enabled, int failedLogins,
                             Instant lockedUntil) {
        @Override
        public String toString() {
            return "LoginState[id=" + id + ", username=" + username + ", failedLogins=" + failedLogins + "]";
        }
    }

    /** A member of an organisation as an administrator sees it. */
    public record MemberRow(long id, String username, Role role, boolean enabled, Instant createdAt,
                            Instant lastLoginAt, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long countUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    public Optional<UserRow> findUser(String username) {
        return jdbc.sql("SELECT id, username, password_hash, enabled FROM users WHERE username = ?")
                .param(username)
                .query((rs, n) -> new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    public List<MembershipRow> memberships(long userId) {
        return jdbc.sql("""
                SELECT o.id, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                WHERE m.user_id = ? ORDER BY o.name""")
                .param(userId)
                .query((rs, n) -> new MembershipRow(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .list();
    }

    public long createOrganisation(String name) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO organisations (name) VALUES (?)").param(name).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public long createUser(String username, String passwordHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO users (username, password_hash) VALUES (?, ?)")
                .params(username, passwordHash)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void addMembership(long userId, long organisationId, Role role) {
        jdbc.sql("INSERT INTO memberships (user_id, organisation_id, role) VALUES (?, ?, ?)")
                .params(userId, organisationId, role.name())
                .update();
    }

    public void recordLogin(String username) {
        jdbc.sql("UPDATE users SET last_login_at = CURRENT_TIMESTAMP WHERE username = ?").param(username).update();
    }

    public Optional<LoginState> findLoginState(String username) {
        return jdbc.sql("SELECT id, username, password_hash, enabled, failed_logins, locked_until FROM users WHERE username = ?")
                .param(username)
                .query((rs, n) -> new LoginState(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), Timestamps.fromDb(rs, "locked_until")))
                .optional();
    }

    /**
     * Counts one failed login in a single statement (safe when several nodes count at once); at {@code maxFailures}
     * the account is locked until {@code lockUntil} and the count restarts. Returns true when this failure locked it.
     */
    public boolean recordFailedLogin(long userId, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                UPDATE users SET
                  locked_until = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END,
                  failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
                WHERE id = :id""")
                .param("max", maxFailures).param("until", Timestamps.toDb(lockUntil)).param("id", userId)
                .update();
        Instant locked = jdbc.sql("SELECT locked_until FROM users WHERE id = ?").param(userId)
                .query((rs, n) -> Timestamps.fromDb(rs, "locked_until")).optional().orElse(null);
        return lockUntil.truncatedTo(java.time.temporal.ChronoUnit.MICROS).equals(locked);
    }

    /** After a successful login: no failures, no lock. Writes only when something is set. */
    public void clearFailedLogins(long userId) {
        jdbc.sql("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)")
                .param(userId).update();
    }

    /** The members of one organisation, by user name. */
    public List<MemberRow> members(long organisationId) {
        return jdbc.sql("""
                SELECT u.id, u.username, m.role, u.enabled, u.created_at, u.last_login_at, u.locked_until
                FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.organisation_id = ? ORDER BY u.username""")
                .param(organisationId)
                .query((rs, n) -> new MemberRow(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getBoolean(4), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "last_login_at"),
                        Timestamps.fromDb(rs, "locked_until")))
                .list();
    }

    /** One member of the organisation; empty for a user of another organisation. */
    public Optional<MemberRow> member(long organisationId, long userId) {
        return jdbc.sql("""
                SELECT u.id, u.username, m.role, u.enabled, u.created_at, u.last_login_at, u.locked_until
                FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.organisation_id = ? AND u.id = ?""")
                .params(organisationId, userId)
                .query((rs, n) -> new MemberRow(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getBoolean(4), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "last_login_at"),
                        Timestamps.fromDb(rs, "locked_until")))
                .optional();
    }

    public void setRole(long organisationId, long userId, Role role) {
        jdbc.sql("UPDATE memberships SET role = ? WHERE organisation_id = ? AND user_id = ?")
                .params(role.name(), organisationId, userId).update();
    }

    public void setEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE users SET enabled = ? WHERE id = ?").params(enabled, userId).update();
    }

    public long countAdmins(long organisationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.organisation_id = ? AND m.role = 'ADMIN' AND u.enabled""")
                .param(organisationId).query(Long.class).single();
    }

    /** Row lock on the user, held until the surrounding transaction ends (serialises one user's logins). */
    public void lockUserRow(String username) {
        jdbc.sql("SELECT id FROM users WHERE username = ? FOR UPDATE").param(username).query(Long.class).optional();
    }
}
