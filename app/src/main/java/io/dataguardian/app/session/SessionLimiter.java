package io.dataguardian.app.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.Session;

import io.dataguardian.app.account.Tokens;

/**
 * At most {@code maxPerUser} sessions per user: after a login has been stored, the user's sessions are read from
 * the shared store (all nodes' sessions) and the oldest logins beyond the limit are deleted. It runs under the
 * per-user lock, after the new session is committed, so two racing logins see each other: the second to take the
 * lock counts both. Deleting is idempotent, so even a lock that timed out cannot over-trim.
 */
public class SessionLimiter {

    private static final Logger log = LoggerFactory.getLogger(SessionLimiter.class);

    private final SessionStore store;
    private final SessionSettings settings;
    private final SessionMetrics metrics;

    public SessionLimiter(SessionStore store, SessionSettings settings, SessionMetrics metrics) {
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Returns the ids it ended. */
    public List<String> enforce(String username, String keepSessionId) {
        return store.withUserLock(username, () -> {
            Map<String, ? extends Session> sessions = store.sessionsOf(username);
            int excess = sessions.size() - settings.maxPerUser();
            if (excess <= 0) {
                return List.of();
            }
            List<Session> oldestFirst = new ArrayList<>(sessions.values());
            oldestFirst.sort(Comparator.comparingLong(SessionLimiter::loginAt).thenComparing(Session::getId));
            List<String> ended = new ArrayList<>();
            for (Session s : oldestFirst) {
                if (ended.size() == excess) {
                    break;
                }
                if (s.getId().equals(keepSessionId)) {
                    continue;
                }
                store.delete(s.getId());
                metrics.ended(s, "evicted");
                ended.add(s.getId());
            }
            log.info("User #{} over {} sessions: ended the {} oldest", Tokens.shortHash(username), settings.maxPerUser(),
                    ended.size());
            return ended;
        });
    }

    static long loginAt(Session s) {
        Long at = s.getAttribute(SessionAttributes.LOGIN_AT);
        return at != null ? at : s.getCreationTime().toEpochMilli();
    }
}
