package io.dataguardian.app.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.session.Session;

import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.SecurityAudit;
import io.dataguardian.app.account.Tokens;
import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;

/**
 * Sessions as users and administrators see them. A session is shown by an opaque id (a SHA-256 of the real id):
 * the real id is the cookie value and is never sent back. Users see and end their own sessions; administrators
 * those of every member of their organisation. An id outside that reach is "not found".
 */
public class SessionService {

    /** One session as the API shows it. */
    public record SessionView(String id, String username, boolean current, Instant createdAt, Instant loginAt,
                              Instant lastSeen, Instant expiresAt, String clientAddress, String userAgent,
                              List<String> recentActions) {
    }

    private final SessionStore store;
    private final AccountRepository accounts;
    private final SecurityAudit audit;
    private final SessionMetrics metrics;
    private final PendingActivity activity;

    SessionService(SessionStore store, AccountRepository accounts, SecurityAudit audit, SessionMetrics metrics,
            PendingActivity activity) {
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.metrics = metrics;
        this.activity = activity;
    }

    public static String opaqueId(String sessionId) {
        return Tokens.sha256Hex(sessionId).substring(0, 32);
    }

    public List<SessionView> mine(ApiUser user, String currentSessionId) {
        return views(user.username(), store.sessionsOf(user.username()), currentSessionId);
    }

    public void revokeMine(ApiUser user, String opaqueId) {
        Session s = find(store.sessionsOf(user.username()), opaqueId);
        end(s, "revoked");
        audit.event(user.orgId(), user.userId(), user.username(), "session.revoked", "session:" + opaqueId, Map.of());
    }

    public List<SessionView> organisation(ApiUser admin, String currentSessionId) {
        requireAdmin(admin);
        List<SessionView> all = new ArrayList<>();
        sessionsOfMembers(admin).forEach((username, sessions) -> all.addAll(views(username, sessions, currentSessionId)));
        all.sort(Comparator.comparing(SessionView::lastSeen, Comparator.nullsLast(Comparator.reverseOrder())));
        return all;
    }

    public void revokeInOrganisation(ApiUser admin, String opaqueId) {
        requireAdmin(admin);
        for (Map.Entry<String, Map<String, ? extends Session>> member : sessionsOfMembers(admin).entrySet()) {
            for (Session s : member.getValue().values()) {
                if (opaqueId(s.getId()).equals(opaqueId)) {
                    end(s, "revoked");
                    audit.event(admin.orgId(), admin.userId(), admin.username(), "session.revoked",
                            "session:" + opaqueId, Map.of("username", member.getKey()));
                    return;
                }
            }
        }
        throw new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "no session " + opaqueId);
    }

    /** The sessions of every member of the administrator's organisation (and of no one else), read together. */
    private Map<String, Map<String, ? extends Session>> sessionsOfMembers(ApiUser admin) {
        return store.sessionsByUser(accounts.members(admin.orgId()).stream().map(AccountRepository.MemberRow::username)
                .toList());
    }

    /** Ends every session of the user (disabled or re-roled by an administrator). */
    public int revokeAllOf(String username) {
        Map<String, ? extends Session> sessions = store.sessionsOf(username);
        sessions.values().forEach(s -> end(s, "revoked"));
        return sessions.size();
    }

    private void end(Session s, String why) {
        store.delete(s.getId());
        metrics.ended(s, why);
    }

    private static Session find(Map<String, ? extends Session> sessions, String opaqueId) {
        return sessions.values().stream().filter(s -> opaqueId(s.getId()).equals(opaqueId)).findFirst()
                .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "no session " + opaqueId));
    }

    /** Store values, plus what this node has seen and not written yet ({@link PendingActivity}). */
    private List<SessionView> views(String username, Map<String, ? extends Session> sessions, String current) {
        List<SessionView> views = new ArrayList<>();
        for (Session s : sessions.values()) {
            Long loginAt = s.getAttribute(SessionAttributes.LOGIN_AT);
            List<String> stored = s.getAttribute(SessionAttributes.RECENT_ACTIONS);
            PendingActivity.Entry pending = activity.peek(s.getId());
            List<String> actions = pending == null ? (stored == null ? List.of() : List.copyOf(stored))
                    : PendingActivity.merge(stored, pending.actions(), activity.maxActions());
            views.add(new SessionView(opaqueId(s.getId()), username, s.getId().equals(current), s.getCreationTime(),
                    loginAt == null ? null : Instant.ofEpochMilli(loginAt), PendingActivity.lastSeen(s.getLastAccessedTime(), pending),
                    s.getLastAccessedTime().plus(s.getMaxInactiveInterval()),
                    s.getAttribute(SessionAttributes.CLIENT_ADDRESS), s.getAttribute(SessionAttributes.USER_AGENT),
                    actions));
        }
        views.sort(Comparator.comparing(SessionView::lastSeen).reversed());
        return views;
    }

    private static void requireAdmin(ApiUser user) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("only an administrator sees the organisation's sessions");
        }
    }
}
