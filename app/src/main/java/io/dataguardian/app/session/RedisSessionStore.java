package io.dataguardian.app.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionMapper;

import io.dataguardian.app.account.Tokens;

/**
 * Sessions in Redis (Spring Session's indexed repository). Handles its known problems:
 * <ul>
 * <li>the per-user index set keeps ids of sessions that expired without their expiry event being handled: every
 * read of a user's sessions removes ids whose session no longer exists ({@code SREM});</li>
 * <li>two logins of one user racing: a per-user lock {@code SET key token NX PX 5000}, released only by its
 * holder (compare-and-delete script).</li>
 * </ul>
 */
class RedisSessionStore implements SessionStore {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);
    private static final RedisSessionMapper MAPPER = new RedisSessionMapper();
    private static final Duration LOCK_TTL = Duration.ofSeconds(5);
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final RedisIndexedSessionRepository sessions;
    private final StringRedisTemplate redis;
    private final String namespace;

    RedisSessionStore(RedisIndexedSessionRepository sessions, StringRedisTemplate redis, String namespace) {
        this.sessions = sessions;
        this.redis = redis;
        this.namespace = namespace.endsWith(":") ? namespace : namespace + ":";
    }

    String indexKey(String username) {
        return namespace + "index:" + FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME + ":" + username;
    }

    @Override
    public Map<String, ? extends Session> sessionsOf(String username) {
        String key = indexKey(username);
        // the index holds ids in Spring Session's own value encoding: read and prune it through its template
        Set<Object> ids = sessions.getSessionRedisOperations().opsForSet().members(key);
        Map<String, Session> live = new LinkedHashMap<>();
        if (ids == null || ids.isEmpty()) {
            return live;
        }
        List<Object> stale = new ArrayList<>();
        for (Object member : ids) {
            String id = String.valueOf(member);
            Session s = sessions.findById(id);
            if (s == null || s.isExpired()) {
                stale.add(member);
            } else {
                live.put(id, s);
            }
        }
        if (!stale.isEmpty()) {
            sessions.getSessionRedisOperations().opsForSet().remove(key, stale.toArray());
            log.debug("Removed {} stale ids from the session index of user #{}", stale.size(), Tokens.shortHash(username));
        }
        return live;
    }

    /**
     * Several users' sessions in at most three round trips, however many users and sessions (the administrator's list
     * of an organisation; {@link #sessionsOf} per user costs one per user and one per session): a pipeline of SMEMBERS
     * over their index sets, a pipeline of HGETALL over the sessions these name, read as Spring Session reads them
     * ({@link RedisSessionMapper}; an expired or missing one is stale), and only when stale ids turned up a pipeline
     * of SREM removing them.
     */
    @Override
    public Map<String, Map<String, ? extends Session>> sessionsByUser(List<String> usernames) {
        RedisOperations<String, Object> ops = sessions.getSessionRedisOperations();
        List<Object> indexes = ops.executePipelined(pipeline(o -> usernames.forEach(u -> o.opsForSet().members(indexKey(u)))));
        List<String> ids = new ArrayList<>();
        indexes.forEach(index -> members(index).forEach(member -> ids.add(String.valueOf(member))));
        List<Object> hashes = ids.isEmpty() ? List.of()
                : ops.executePipelined(pipeline(o -> ids.forEach(id -> o.opsForHash().entries(sessionKey(id)))));
        Map<String, Map<String, ? extends Session>> byUser = new LinkedHashMap<>();
        Map<String, List<Object>> stale = new LinkedHashMap<>();
        Iterator<Object> hash = hashes.iterator();
        for (int i = 0; i < usernames.size(); i++) {
            Map<String, Session> live = new LinkedHashMap<>();
            for (Object member : members(indexes.get(i))) {
                String id = String.valueOf(member);
                @SuppressWarnings("unchecked")
                Map<String, Object> entries = (Map<String, Object>) hash.next();
                MapSession session = entries == null || entries.isEmpty() ? null : MAPPER.apply(id, entries);
                if (session == null || session.isExpired()) {
                    stale.computeIfAbsent(indexKey(usernames.get(i)), k -> new ArrayList<>()).add(member);
                } else {
                    live.put(id, session);
                }
            }
            byUser.put(usernames.get(i), live);
        }
        if (!stale.isEmpty()) {
            ops.executePipelined(pipeline(o -> stale.forEach((key, members) -> o.opsForSet().remove(key, members.toArray()))));
            log.debug("Removed stale ids from the session indexes of {} users", stale.size());
        }
        return byUser;
    }

    private String sessionKey(String sessionId) {
        return namespace + "sessions:" + sessionId;
    }

    private static Collection<?> members(Object index) {
        return index == null ? List.of() : (Collection<?>) index;
    }

    /** Commands queued on the session template inside {@code executePipelined}, their results read together. */
    private static SessionCallback<Object> pipeline(Consumer<RedisOperations<String, Object>> commands) {
        return new SessionCallback<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                commands.accept((RedisOperations<String, Object>) operations);
                return null;
            }
        };
    }

    @Override
    public void delete(String sessionId) {
        sessions.deleteById(sessionId);
    }

    @Override
    public <T> T withUserLock(String username, Supplier<T> action) {
        String key = namespace + "lock:user:" + username;
        String token = UUID.randomUUID().toString();
        long until = System.nanoTime() + LOCK_TTL.toNanos();
        boolean held = false;
        while (!held && System.nanoTime() < until) {
            held = Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, LOCK_TTL));
            if (!held) {
                sleep();
            }
        }
        if (!held) {
            // the holder died mid-way: its lock expires by itself; trimming twice is harmless (deletes are idempotent)
            log.warn("Session lock of user #{} not acquired within {}; going on without it", Tokens.shortHash(username), LOCK_TTL);
        }
        try {
            return action.get();
        } finally {
            if (held) {
                redis.execute(RELEASE, List.of(key), token);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * SCANs the session and index keys (never KEYS): cost grows with the number of sessions, so it runs once a
     * minute, not per request. Counts sessions whose hash still exists, which includes for up to five minutes those
     * that just expired (Spring Session keeps the hash a little longer than the session).
     */
    @Override
    public Counts count() {
        long count = 0;
        String sessionPrefix = namespace + "sessions:";
        try (Cursor<String> c = redis.scan(ScanOptions.scanOptions().match(sessionPrefix + "*").count(1000).build())) {
            while (c.hasNext()) {
                if (!c.next().startsWith(sessionPrefix + "expires:")) {
                    count++;
                }
            }
        }
        Set<String> users = new HashSet<>();
        String indexPrefix = namespace + "index:" + FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME + ":";
        try (Cursor<String> c = redis.scan(ScanOptions.scanOptions().match(indexPrefix + "*").count(1000).build())) {
            while (c.hasNext()) {
                users.add(c.next());
            }
        }
        return new Counts(count, users.size());
    }

    /** Once a minute across all nodes: whoever takes the lock first runs Spring Session's cleanup. */
    boolean cleanUpIfFirst() {
        Boolean first = redis.opsForValue().setIfAbsent(namespace + "lock:cleanup", "1", Duration.ofSeconds(55));
        if (Boolean.TRUE.equals(first)) {
            sessions.cleanUpExpiredSessions();
            return true;
        }
        return false;
    }

    @Override
    public String kind() {
        return "redis";
    }
}
