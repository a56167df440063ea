package io.dataguardian.app.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;

/**
 * API tokens: {@code dgp_} + 256 random bits, shown once at creation, stored as SHA-256 (a fast hash is enough for
 * a high-entropy secret: nothing to brute-force), scoped, expiring (default 90 days, at most 1 year), revocable.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "dgp_";
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    static final Duration MAX_LIFETIME = Duration.ofDays(366);
    /** last_used_at is written at most once a minute per token, not on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** What POST /api/tokens answers: the only time the secret is shown. */
    public record CreatedToken(long id, String name, String token, String prefix, List<String> scopes, Instant expiresAt) {
        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", prefix=" + prefix + "]";
        }
    }

    /** A token as listed (no secret). */
    public record TokenView(long id, String name, String prefix, List<String> scopes, Instant createdAt,
                            Instant expiresAt, Instant revokedAt, Instant lastUsedAt, boolean active) {
    }

    /** A token that authenticated a request. */
    public record TokenPrincipal(ApiTokenRepository.ApiToken token, String username, Role role) {
    }

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final SecurityAudit audit;
    private final Clock clock;

    public ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, SecurityAudit audit,
                           ObjectProvider<Clock> clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public CreatedToken create(ApiUser user, String name, List<String> scopeNames, Integer expiresInDays) {
        String label = name == null || name.isBlank() ? "token" : name.trim();
        if (label.length() > 100) {
            throw ApiException.badRequest("name: at most 100 characters");
        }
        if (scopeNames == null || scopeNames.isEmpty()) {
            throw ApiException.badRequest("scopes: name at least one of scans:read, scans:write");
        }
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String s : scopeNames) {
            try {
                scopes.add(TokenScope.parse(s));
            } catch (IllegalArgumentException ex) {
                throw ApiException.badRequest(ex.getMessage());
            }
        }
        if (scopes.contains(TokenScope.SCANS_WRITE) && !user.canSubmit()) {
            throw ApiException.forbidden("a viewer cannot create a token with scans:write");
        }
        Duration lifetime = expiresInDays == null ? DEFAULT_LIFETIME : Duration.ofDays(expiresInDays);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw ApiException.badRequest("expiresInDays: 1 to 366");
        }
        String secret = PREFIX + Tokens.random(32);
        String prefix = secret.substring(0, 12);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        long id = tokens.insert(user.orgId(), user.userId(), label, Tokens.sha256Hex(secret), prefix, scopes, now, expires);
        List<String> names = scopes.stream().map(TokenScope::value).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", label);
        details.put("prefix", prefix);
        details.put("scopes", names);
        details.put("expiresAt", expires.toString());
        audit.event(user.orgId(), user.userId(), user.username(), "token.created", "token:" + id, details);
        return new CreatedToken(id, label, secret, prefix, names, expires);
    }

    public List<TokenView> list(ApiUser user) {
        Instant now = clock.instant();
        return tokens.listForUser(user.orgId(), user.userId()).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.prefix(), t.scopes().stream().map(TokenScope::value).toList(),
                        t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt(), t.usableAt(now)))
                .toList();
    }

    public void revoke(ApiUser user, long id) {
        if (!tokens.revoke(user.orgId(), user.userId(), id, clock.instant())) {
            throw ApiException.notFound("token", id);
        }
        audit.event(user.orgId(), user.userId(), user.username(), "token.revoked", "token:" + id, Map.of());
    }

    /** The token's principal when it is known, unrevoked, unexpired and its user enabled and still a member. */
    public Optional<TokenPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiTokenRepository.ApiToken> found = tokens.findByHash(Tokens.sha256Hex(secret));
        if (found.isEmpty() || !found.get().usableAt(now)) {
            return Optional.empty();
        }
        ApiTokenRepository.ApiToken token = found.get();
        Optional<AccountRepository.MemberRow> member = accounts.member(token.orgId(), token.userId());
        if (member.isEmpty() || !member.get().enabled()) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            tokens.touch(token.id(), now);
        }
        return Optional.of(new TokenPrincipal(token, member.get().username(), member.get().role()));
    }
}
