package io.dataguardian.app.account;

import java.util.List;
import java.util.Optional;

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
}
