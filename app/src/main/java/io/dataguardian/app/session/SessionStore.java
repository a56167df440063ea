package io.dataguardian.app.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.session.Session;

/**
 * What the session features need from the store, Redis or JDBC: one user's live sessions (through
 * {@code FindByIndexNameSessionRepository.findByPrincipalName}, so sessions made by any node are seen), deletion,
 * a short per-user lock that holds across nodes, and counts for the meters.
 */
public interface SessionStore {

    /** The user's unexpired sessions by id; stale index entries found on the way are removed. */
    Map<String, ? extends Session> sessionsOf(String username);

    /**
     * {@link #sessionsOf} for several users at once (an organisation's members), by username in the order given.
     * This default asks once per user; a store where each ask is a network round trip reads them together.
     */
    default Map<String, Map<String, ? extends Session>> sessionsByUser(List<String> usernames) {
        Map<String, Map<String, ? extends Session>> all = new LinkedHashMap<>();
        for (String username : usernames) {
            all.put(username, sessionsOf(username));
        }
        return all;
    }

    void delete(String sessionId);

    /** Runs {@code action} while no other node or thread runs one for the same user. */
    <T> T withUserLock(String username, Supplier<T> action);

    /** Live sessions and distinct users in the whole store (approximate for Redis, see docs/sessions.md). */
    Counts count();

    /** "redis" or "jdbc". */
    String kind();

    record Counts(long sessions, long users) {
    }
}
