package io.dataguardian.app.scan;

import io.dataguardian.app.account.Role;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@link ApiUser} of the current request from the security context: the user and its first membership
 * (by organisation name) in one query, read on every API request so a changed role or membership applies at once.
 */
@Component
public class ApiUsers {

    /** One row per membership, or one row with a null organisation for a user without one; none for an unknown user. */
    static final String SQL = """
            SELECT u.id, u.username, m.organisation_id, m.role FROM users u
            LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN organisations o ON o.id = m.organisation_id
            WHERE u.username = ? ORDER BY o.name, o.id LIMIT 1""";

    private record Row(long userId, String username, Long orgId, String role) {
    }

    private final JdbcClient jdbc;

    public ApiUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ApiUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "sign in first");
        }
        List<Row> rows = jdbc.sql(SQL).param(auth.getName())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4)))
                .list();
        if (rows.isEmpty()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unknown user");
        }
        Row row = rows.get(0);
        if (row.orgId() == null) {
            throw ApiException.forbidden("the user belongs to no organisation");
        }
        return new ApiUser(row.userId(), row.username(), row.orgId(), Role.valueOf(row.role()));
    }
}
