package io.dataguardian.app.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Activity of signed-in sessions not yet written to the store: per session id, when it was last seen on this node
 * and its recent actions since the last write. {@link ThrottledSessionRepository} moves the actions into the session
 * whenever it writes the session anyway (at most once per write interval), so a browse request costs one store read
 * instead of a read and a write. What this node has not written yet is merged in when sessions are listed here; a
 * node that dies loses at most one interval of "recent actions" (never the session).
 */
final class PendingActivity {

    /** Immutable, replaced on each request (at most {@code max} short strings: cheap to copy). */
    record Entry(long lastSeen, List<String> actions) {
    }

    private final int max;
    private final Cache<String, Entry> pending;

    PendingActivity(int maxActions, Duration keepFor) {
        this.max = Math.max(0, maxActions);
        this.pending = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(keepFor.toNanos(), TimeUnit.NANOSECONDS)
                .build();
    }

    void record(String sessionId, long now, String action) {
        pending.asMap().compute(sessionId, (id, old) -> {
            List<String> actions = old == null ? new ArrayList<>(1) : new ArrayList<>(old.actions());
            actions.add(action);
            return new Entry(now, List.copyOf(tail(actions, max)));
        });
    }

    /** Removes and returns what is pending for the session (actions oldest first), or null. */
    Entry drain(String sessionId) {
        return pending.asMap().remove(sessionId);
    }

    /** What is pending for the session, left in place (for listings), or null. */
    Entry peek(String sessionId) {
        return pending.getIfPresent(sessionId);
    }

    void forget(String sessionId) {
        pending.invalidate(sessionId);
    }

    int maxActions() {
        return max;
    }

    /** Stored actions followed by pending ones, the newest {@code max} of them, as a new list. */
    static ArrayList<String> merge(List<String> stored, List<String> pendingActions, int max) {
        ArrayList<String> all = new ArrayList<>((stored == null ? 0 : stored.size()) + pendingActions.size());
        if (stored != null) {
            all.addAll(stored);
        }
        all.addAll(pendingActions);
        return new ArrayList<>(tail(all, max));
    }

    static Instant lastSeen(Instant stored, Entry pending) {
        if (pending == null) {
            return stored;
        }
        Instant local = Instant.ofEpochMilli(pending.lastSeen());
        return local.isAfter(stored) ? local : stored;
    }

    private static List<String> tail(List<String> list, int max) {
        return list.size() <= max ? list : list.subList(list.size() - max, list.size());
    }
}
