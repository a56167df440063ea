package io.dataguardian.app.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.dataguardian.app.audit.AuditLogRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Security events into the audit log of the user's organisation, and the login counters
 * ({@code dataguardian.auth.logins{outcome}}). An attempt on an unknown user name has no organisation: it is only
 * counted, and logged with a short hash of the name. Addresses are always the truncated form.
 */
@Component
public class SecurityAudit {

    private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);

    private final AuditLogRepository audit;
    private final AccountRepository accounts;
    private final Counter success;
    private final Counter failure;
    private final Counter locked;
    private final Counter rateLimited;

    public SecurityAudit(AuditLogRepository audit, AccountRepository accounts, MeterRegistry meters) {
        this.audit = audit;
        this.accounts = accounts;
        this.success = logins(meters, "success");
        this.failure = logins(meters, "failure");
        this.locked = logins(meters, "locked");
        this.rateLimited = logins(meters, "rate_limited");
    }

    private static Counter logins(MeterRegistry meters, String outcome) {
        return Counter.builder("dataguardian.auth.logins").description("Login attempts by outcome")
                .tag("outcome", outcome).register(meters);
    }

    public void loginSucceeded(long userId, String username, String address) {
        success.increment();
        append(userId, username, "login", Map.of("address", address));
    }

    /** A wrong password (or a refused attempt on a locked or disabled account). */
    public void loginFailed(Long userId, String username, String address, String reason) {
        failure.increment();
        if (userId == null) {
            log.info("Failed login for an unknown user name (#{}) from {}", Tokens.shortHash(username), address);
            return;
        }
        append(userId, username, "login.failed", Map.of("address", address, "reason", reason));
    }

    public void lockedOut(long userId, String username, String address) {
        locked.increment();
        log.warn("Account '{}' locked after repeated failed logins (last from {})", username, address);
        append(userId, username, "login.lockout", Map.of("address", address));
    }

    public void addressLimited(String address) {
        rateLimited.increment();
        log.warn("Login failures from {} over the per-address limit: refusing logins from it for now", address);
    }

    public void logout(long userId, String username, String reason) {
        append(userId, username, "logout", Map.of("reason", reason));
    }

    /** An event done by {@code actor} in {@code orgId}. */
    public void event(long orgId, long actorId, String actor, String action, String target, Map<String, ?> details) {
        audit.append(orgId, actorId, actor, action, target, details);
    }

    private void append(long userId, String username, String action, Map<String, ?> details) {
        Optional<Long> org = accounts.memberships(userId).stream().map(AccountRepository.MembershipRow::organisationId).findFirst();
        if (org.isEmpty()) {
            return;
        }
        audit.append(org.get(), userId, username, action, "user:" + userId, new LinkedHashMap<>(details));
    }
}
