package io.dataguardian.app.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.dataguardian.app.db.Timestamps;

/** The {@code api_tokens} table of V2: only the SHA-256 of a token is stored. */
@Repository
public class ApiTokenRepository {

    /** A token as stored (never the secret). */
    public record ApiToken(long id, long orgId, long userId, String name, String prefix, Set<TokenScope> scopes,
                           Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private static final String COLUMNS =
            "id, organisation_id, user_id, name, token_prefix, scopes, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long orgId, long userId, String name, String hash, String prefix, Set<TokenScope> scopes,
                       Instant createdAt, Instant expiresAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_tokens (organisation_id, user_id, name, token_hash, token_prefix, scopes, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(orgId, userId, name, hash, prefix,
                        scopes.stream().map(TokenScope::value).sorted().collect(Collectors.joining(" ")),
                        Timestamps.toDb(createdAt), Timestamps.toDb(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<ApiToken> findByHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from api_tokens where token_hash = ?").param(hash).query(this::map).optional();
    }

    public List<ApiToken> listForUser(long orgId, long userId) {
        return jdbc.sql("select " + COLUMNS + " from api_tokens where organisation_id = ? and user_id = ? order by id desc")
                .params(orgId, userId).query(this::map).list();
    }

    /** Revokes a token of this user in this organisation; false when there is none (another user's id). */
    public boolean revoke(long orgId, long userId, long id, Instant now) {
        return jdbc.sql("update api_tokens set revoked_at = coalesce(revoked_at, ?) where id = ? and organisation_id = ? and user_id = ?")
                .params(Timestamps.toDb(now), id, orgId, userId).update() > 0;
    }

    public void touch(long id, Instant now) {
        jdbc.sql("update api_tokens set last_used_at = ? where id = ?").params(Timestamps.toDb(now), id).update();
    }

    private ApiToken map(ResultSet rs, int n) throws SQLException {
        Set<TokenScope> scopes = Arrays.stream(rs.getString("scopes").split(" ")).filter(s -> !s.isBlank())
                .map(TokenScope::parse).collect(Collectors.toCollection(TreeSet::new));
        return new ApiToken(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("user_id"), rs.getString("name"),
                rs.getString("token_prefix"), scopes, Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "expires_at"), Timestamps.fromDb(rs, "revoked_at"), Timestamps.fromDb(rs, "last_used_at"));
    }
}
