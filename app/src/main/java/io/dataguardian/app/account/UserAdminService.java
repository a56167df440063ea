package io.dataguardian.app.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.session.SessionService;

/**
 * Administrators manage the users of their own organisation: list, create, change role, disable/enable. A user of
 * another organisation is "not found" (404), never "forbidden", so ids do not leak membership. The last enabled
 * administrator can be neither demoted nor disabled. Disabling a user ends their sessions at once; their API tokens
 * stop working because token authentication checks {@code enabled}.
 */
@Service
public class UserAdminService {

    public static final int MIN_PASSWORD_LENGTH = 12;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final SecurityAudit audit;
    private final SessionService sessions;

    public UserAdminService(AccountRepository accounts, PasswordEncoder encoder, TransactionTemplate transaction,
                            SecurityAudit audit, SessionService sessions) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.transaction = transaction;
        this.audit = audit;
        this.sessions = sessions;
    }

    public List<AccountRepository.MemberRow> list(ApiUser admin) {
        requireAdmin(admin);
        return accounts.members(admin.orgId());
    }

    public AccountRepository.MemberRow get(ApiUser admin, long userId) {
        requireAdmin(admin);
        return accounts.member(admin.orgId(), userId).orElseThrow(() -> ApiException.notFound("user", userId));
    }

    public AccountRepository.MemberRow create(ApiUser admin, String username, String password, Role role) {
        requireAdmin(admin);
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw ApiException.badRequest("username: 2 to 100 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw ApiException.badRequest("password: " + MIN_PASSWORD_LENGTH + " to 200 characters");
        }
        if (role == null) {
            throw ApiException.badRequest("role: one of ADMIN, ANALYST, VIEWER");
        }
        String hash = encoder.encode(password);
        long id;
        try {
            id = transaction.execute(status -> {
                long user = accounts.createUser(name, hash);
                accounts.addMembership(user, admin.orgId(), role);
                return user;
            });
        } catch (DuplicateKeyException ex) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "that user name is taken");
        }
        audit.event(admin.orgId(), admin.userId(), admin.username(), "user.created", "user:" + id,
                Map.of("username", name, "role", role.name()));
        return accounts.member(admin.orgId(), id).orElseThrow();
    }

    /** Changes the role and/or the enabled flag (null leaves it as it is). */
    public AccountRepository.MemberRow change(ApiUser admin, long userId, Role role, Boolean enabled) {
        requireAdmin(admin);
        AccountRepository.MemberRow before = get(admin, userId);
        Map<String, Object> details = new LinkedHashMap<>();
        transaction.executeWithoutResult(status -> {
            boolean losesAdmin = before.role() == Role.ADMIN && before.enabled()
                    && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(enabled));
            if (losesAdmin && accounts.countAdmins(admin.orgId()) <= 1) {
                throw new ApiException(org.springframework.http.HttpStatus.CONFLICT,
                        "the organisation needs at least one enabled administrator");
            }
            if (role != null && role != before.role()) {
                accounts.setRole(admin.orgId(), userId, role);
                details.put("role", Map.of("from", before.role().name(), "to", role.name()));
            }
            if (enabled != null && enabled != before.enabled()) {
                accounts.setEnabled(userId, enabled);
                details.put("enabled", Map.of("from", before.enabled(), "to", enabled));
            }
        });
        if (!details.isEmpty()) {
            details.put("username", before.username());
            audit.event(admin.orgId(), admin.userId(), admin.username(), "user.changed", "user:" + userId, details);
            // a changed role or a disabled account must not keep running on an old session's authorities
            sessions.revokeAllOf(before.username());
        }
        return accounts.member(admin.orgId(), userId).orElseThrow();
    }

    private static void requireAdmin(ApiUser user) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("only an administrator manages users");
        }
    }
}
