package io.dataguardian.app.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

/**
 * The two-tier cache: per namespace a Caffeine L1 (bounded by estimated bytes, W-TinyLFU) in front of
 * Redis (optional). Reads: L1, then Redis, then the loader, which runs once per key and node (and,
 * for namespaces with {@code lock-loads}, once across nodes). Writes and deletes go to both tiers and
 * are broadcast so other nodes drop their L1 copies. Redis trouble never reaches the caller.
 */
public class TwoTierCache implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(TwoTierCache.class);
    /** Per-entry heap overhead on top of the JSON size (node, key objects, futures). */
    private static final int ENTRY_OVERHEAD = 96;
    /** Share of its byte budget from which an L1 admits loaded values through its {@link AdmissionGate} only. */
    static final double PRESSURE = 0.9;
    private static final long LOCK_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    record L1Key(String org, String key) {
    }

    /** value may be any object; ttlNanos is at most the namespace TTL and the L2 entry's remaining life. */
    record L1Entry(Object value, int weight, long ttlNanos) {
    }

    /** One namespace's settings, L1 and counters. */
    final class Namespace {
        final String name;
        final Duration ttl;
        final boolean lockLoads;
        final Cache<L1Key, L1Entry> l1;
        /**
         * Loads in progress, one per key (single flight). Kept out of the L1 on purpose: a placeholder in
         * Caffeine that is completed later counts as a second access (an update re-weighs the entry and
         * bumps its frequency), so every miss looked twice as popular to W-TinyLFU's admission.
         */
        final Map<L1Key, CompletableFuture<L1Entry>> loading = new ConcurrentHashMap<>();
        final NamespaceStats stats = new NamespaceStats();
        /** Bumped on every invalidation, so a load that overlaps one neither fills L2 nor stays in L1. */
        final AtomicLong generation = new AtomicLong();
        /** Recent reads per key, consulted before a loaded value may displace others in a full L1; null when off. */
        final AdmissionGate gate;
        final long l1Budget;

        Namespace(String name, CacheProperties.Namespace cfg) {
            this.name = name;
            this.ttl = cfg.getTtl();
            this.lockLoads = cfg.isLockLoads();
            this.l1Budget = cfg.getL1MaxSize().toBytes();
            this.gate = cfg.isAdmissionGate() ? AdmissionGate.forBudget(l1Budget) : null;
            this.l1 = Caffeine.newBuilder()
                    .maximumWeight(l1Budget)
                    .weigher((L1Key k, L1Entry e) -> e.weight())
                    .executor(Runnable::run)
                    .expireAfter(new Expiry<L1Key, L1Entry>() {
                        @Override
                        public long expireAfterCreate(L1Key k, L1Entry e, long now) {
                            return e.ttlNanos();
                        }

                        @Override
                        public long expireAfterUpdate(L1Key k, L1Entry e, long now, long current) {
                            return e.ttlNanos();
                        }

                        @Override
                        public long expireAfterRead(L1Key k, L1Entry e, long now, long current) {
                            return current;
                        }
                    })
                    .removalListener((L1Key k, L1Entry e, RemovalCause cause) -> {
                        if (cause.wasEvicted()) {
                            stats.l1Evictions.increment();
                        }
                    })
                    .build();
        }

        /** Drops the L1 copy and lets later readers start a new load instead of sharing one begun before. */
        void drop(L1Key k) {
            loading.remove(k);
            l1.invalidate(k);
        }

        /** Whether a loaded value read this often recently may go into L1: always while it has room. */
        boolean admits(int recentReads) {
            return recentReads >= AdmissionGate.THRESHOLD || l1WeightBytes() < PRESSURE * l1Budget;
        }

        void dropAll() {
            loading.clear();
            l1.invalidateAll();
        }

        long l1Size() {
            return l1.estimatedSize();
        }

        long l1WeightBytes() {
            return l1.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
        }
    }

    private final CacheProperties props;
    private final CacheCodec codec;
    private final RedisTier redis;
    private final String nodeId;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private final AtomicLong l1Flushes = new AtomicLong();

    /** @param redis null: L1 only (the embedded default) */
    public TwoTierCache(CacheProperties props, CacheCodec codec, RedisTier redis) {
        this.props = props;
        this.codec = codec;
        this.redis = redis;
        this.nodeId = redis != null ? redis.nodeId() : UUID.randomUUID().toString();
        props.getNamespaces().forEach((name, cfg) -> namespaces.put(name,
                new Namespace(CacheNamespaces.requireValidName(name), cfg)));
        if (redis != null) {
            redis.onInvalidation(this::applyRemote);
            redis.onL1Flush(this::flushL1);
        }
    }

    // ---- typed API ----

    public <T> T get(String ns, String org, String key, Class<T> type, Supplier<? extends T> loader) {
        return get(ns, org, key, codec.type(type), loader);
    }

    public <T> T get(String ns, String org, String key, TypeReference<T> type, Supplier<? extends T> loader) {
        return get(ns, org, key, codec.type(type), loader);
    }

    public <T> Optional<T> getIfPresent(String ns, String org, String key, Class<T> type) {
        return Optional.ofNullable(get(ns, org, key, codec.type(type), () -> null));
    }

    /**
     * @param type the value's type, used to decode Redis entries; null keeps this value in L1 only
     * @return the cached or loaded value; null if the loader returned null (nothing is cached then)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String ns, String org, String key, JavaType type, Supplier<? extends T> loader) {
        Namespace n = namespace(ns);
        L1Key k = new L1Key(CacheNamespaces.requireValidOrg(org), key);
        int recentReads = n.gate == null ? AdmissionGate.THRESHOLD : n.gate.record(k, n.l1.estimatedSize());
        L1Entry present = n.l1.getIfPresent(k);
        if (present != null) {
            if (fits(present, type)) {
                n.stats.l1Hits.increment();
                return (T) present.value();
            }
            n.l1.invalidate(k);
        }
        n.stats.l1Misses.increment();
        CompletableFuture<L1Entry> mine = new CompletableFuture<>();
        CompletableFuture<L1Entry> prior = n.loading.putIfAbsent(k, mine);
        if (prior != null) {
            // Another thread of this node is loading this key: share its result.
            L1Entry e = join(prior);
            if (e == null || fits(e, type)) {
                return e == null ? null : (T) e.value();
            }
            L1Entry own = loadThroughL2(n, k, type, loader, n.generation.get());
            return own == null ? null : (T) own.value();
        }
        long gen = n.generation.get();
        try {
            // A load that finished between our L1 miss and taking the slot has put its value already.
            L1Entry e = n.l1.policy().getIfPresentQuietly(k);
            if (e == null || !fits(e, type)) {
                e = loadThroughL2(n, k, type, loader, gen);
                if (e != null) {
                    L1Entry loaded = e;
                    // Into L1 only while this load still holds the key's slot: a write, delete or
                    // invalidation meanwhile dropped the slot (under the same map lock), so the value
                    // may be stale and must neither replace a newer entry nor be seen by later readers.
                    n.loading.computeIfPresent(k, (held, slot) -> {
                        if (slot == mine && n.generation.get() == gen) {
                            if (n.admits(recentReads)) {
                                n.l1.put(k, loaded);
                            } else {
                                n.stats.l1Declined.increment();
                            }
                        }
                        return slot;
                    });
                }
            }
            mine.complete(e);
            return e == null ? null : (T) e.value();
        } catch (RuntimeException | Error t) {
            mine.completeExceptionally(t);
            throw t;
        } finally {
            n.loading.remove(k, mine);
        }
    }

    /** Stores a value in both tiers and tells other nodes to drop their copies. */
    public void put(String ns, String org, String key, Object value) {
        put(ns, org, key, value, true);
    }

    void put(String ns, String org, String key, Object value, boolean toL2) {
        Namespace n = namespace(ns);
        L1Key k = new L1Key(CacheNamespaces.requireValidOrg(org), key);
        if (value == null) {
            evict(ns, org, key);
            return;
        }
        n.generation.incrementAndGet();
        long exp = System.currentTimeMillis() + n.ttl.toMillis();
        byte[] bytes = codec.encode(value, exp);
        n.loading.remove(k); // a load that started before this write must not be shared any more
        n.l1.put(k, new L1Entry(value, weight(k, bytes), n.ttl.toNanos()));
        n.stats.l1Puts.increment();
        if (redis != null) {
            if (toL2 && redis.set(redis.key(ns, org, key), bytes, n.ttl, n.stats)) {
                n.stats.l2Puts.increment();
                redis.publish(new Invalidation(nodeId, ns, org, key), n.stats);
            } else {
                // not in L2 (or the write failed and Redis may hold the old value): delete + broadcast,
                // remembered and replayed if Redis cannot take it now; until then L2 is not read for this key
                redis.evict(ns, org, key, n.stats);
            }
        }
    }

    /** Deletes the entry in both tiers and on every node; while Redis is away, remembered and replayed. */
    public void evict(String ns, String org, String key) {
        Namespace n = namespace(ns);
        L1Key k = new L1Key(CacheNamespaces.requireValidOrg(org), key);
        n.generation.incrementAndGet();
        if (redis != null) {
            redis.evict(ns, org, key, n.stats);
            n.stats.l2Evictions.increment();
        }
        n.generation.incrementAndGet();
        n.drop(k);
        n.stats.l1Invalidations.increment();
    }

    /**
     * Drops a whole namespace on every node and in Redis (SCAN + UNLINK).
     * @return Redis keys deleted, or -1 if Redis is unavailable (then remembered and done on reconnect)
     */
    public long clearNamespace(String ns) {
        Namespace n = namespace(ns);
        n.generation.incrementAndGet();
        long deleted = 0;
        if (redis != null) {
            try {
                deleted = redis.clearNamespace(ns);
                redis.publishNamespaceCleared(ns);
            } catch (RuntimeException e) {
                redis.publish(new Invalidation(nodeId, ns, null, null), n.stats);
                deleted = -1;
            }
        }
        n.generation.incrementAndGet();
        n.dropAll();
        return deleted;
    }

    // ---- internals ----

    private L1Entry loadThroughL2(Namespace n, L1Key k, JavaType type, Supplier<?> loader, long gen) {
        String rkey = redis == null ? null : redis.key(n.name, k.org(), k.key());
        boolean useL2 = redis != null && type != null;
        if (useL2) {
            L1Entry hit = readL2(n, rkey, k, type);
            if (hit != null) {
                return hit;
            }
        }
        String lockKey = null;
        String token = null;
        Boolean locked = null;
        if (useL2 && n.lockLoads) {
            lockKey = redis.lockKey(n.name, k.org(), k.key());
            token = nodeId + ":" + UUID.randomUUID();
            locked = redis.tryLock(lockKey, token, props.getLoadLockTtl(), n.stats);
            if (Boolean.FALSE.equals(locked)) {
                n.stats.lockWaits.increment();
                L1Entry other = awaitOtherNode(n, rkey, k, type);
                if (other != null) {
                    return other;
                }
            }
        }
        try {
            long start = System.nanoTime();
            Object value = loader.get();
            n.stats.recordLoad(System.nanoTime() - start);
            if (value == null) {
                return null;
            }
            long exp = System.currentTimeMillis() + n.ttl.toMillis();
            byte[] bytes = codec.encode(value, exp);
            if (useL2 && n.generation.get() == gen && redis.fill(rkey, bytes, n.ttl, n.stats)) {
                n.stats.l2Puts.increment();
            }
            n.stats.l1Puts.increment();
            return new L1Entry(value, weight(k, bytes), n.ttl.toNanos());
        } finally {
            if (Boolean.TRUE.equals(locked)) {
                redis.unlock(lockKey, token, n.stats);
            }
        }
    }

    private L1Entry readL2(Namespace n, String rkey, L1Key k, JavaType type) {
        boolean[] unavailable = new boolean[1];
        byte[] bytes = redis.get(n.name, k.org(), k.key(), n.stats, unavailable);
        if (bytes == null) {
            if (!unavailable[0]) {
                n.stats.l2Misses.increment();
            }
            return null;
        }
        try {
            CacheCodec.Envelope<Object> env = codec.decode(bytes, type);
            long remaining = TimeUnit.MILLISECONDS.toNanos(env.exp() - System.currentTimeMillis());
            if (remaining <= 0) {
                n.stats.l2Misses.increment();
                return null;
            }
            n.stats.l2Hits.increment();
            return new L1Entry(env.v(), weight(k, bytes), Math.min(remaining, n.ttl.toNanos()));
        } catch (CacheCodec.CorruptEntryException e) {
            // Never the entry's content in the log: it might be anything.
            log.warn("rejected a Redis cache entry in namespace {} that is not a {}; deleting it", n.name, type);
            n.stats.l2Errors.increment();
            n.stats.l2Rejected.increment();
            n.stats.l2Misses.increment();
            redis.delete(rkey, n.stats);
            return null;
        }
    }

    /** Another node holds the load lock: wait (bounded) for its value to appear in Redis. */
    private L1Entry awaitOtherNode(Namespace n, String rkey, L1Key k, JavaType type) {
        long deadline = System.nanoTime() + props.getLoadLockWait().toNanos();
        while (System.nanoTime() < deadline && redis.available()) {
            LockSupport.parkNanos(LOCK_POLL_NANOS);
            boolean[] unavailable = new boolean[1];
            byte[] bytes = redis.get(n.name, k.org(), k.key(), n.stats, unavailable);
            if (bytes != null) {
                return readL2(n, rkey, k, type);
            }
        }
        return null;
    }

    private void applyRemote(Invalidation inv) {
        Namespace n = namespaces.get(inv.ns());
        if (n == null) {
            return;
        }
        n.generation.incrementAndGet();
        if (inv.wholeNamespace()) {
            n.dropAll();
        } else if (inv.org() != null) {
            n.drop(new L1Key(inv.org(), inv.key()));
        }
        n.stats.l1Invalidations.increment();
    }

    /** Drops every L1 entry of this node (Redis reconnected: some invalidations may have been missed). */
    void flushL1() {
        for (Namespace n : namespaces.values()) {
            n.generation.incrementAndGet();
            n.dropAll();
        }
        l1Flushes.incrementAndGet();
    }

    private static boolean fits(L1Entry e, JavaType type) {
        return type == null || type.getRawClass().isInstance(e.value())
                || (type.isPrimitive() && e.value() != null);
    }

    private static int weight(L1Key k, byte[] bytes) {
        return ENTRY_OVERHEAD + 2 * (k.org().length() + k.key().length()) + bytes.length;
    }

    private static L1Entry join(CompletableFuture<L1Entry> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    Namespace namespace(String ns) {
        Namespace n = namespaces.get(ns);
        if (n != null) {
            return n;
        }
        CacheNamespaces.requireValidName(ns);
        CacheProperties.Namespace cfg = props.getNamespaces().getOrDefault(CacheNamespaces.DEFAULT,
                new CacheProperties.Namespace());
        return namespaces.computeIfAbsent(ns, name -> {
            Namespace created = new Namespace(name, cfg);
            MeterRegistry r = registry;
            if (r != null) {
                CacheMetrics.register(r, created);
            }
            return created;
        });
    }

    // ---- read side for metrics, admin and tests ----

    public NamespaceStats stats(String ns) {
        return namespace(ns).stats;
    }

    public java.util.Set<String> namespaceNames() {
        return java.util.Collections.unmodifiableSet(namespaces.keySet());
    }

    public long l1Size(String ns) {
        Namespace n = namespace(ns);
        n.l1.cleanUp();
        return n.l1Size();
    }

    public long l1WeightBytes(String ns) {
        return namespace(ns).l1WeightBytes();
    }

    /** Times this node dropped all of L1 because Redis came back. */
    public long l1Flushes() {
        return l1Flushes.get();
    }

    public String nodeId() {
        return nodeId;
    }

    public Optional<RedisTier> redis() {
        return Optional.ofNullable(redis);
    }

    public Duration ttl(String ns) {
        return namespace(ns).ttl;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        namespaces.values().forEach(n -> CacheMetrics.register(registry, n));
        if (redis != null) {
            CacheMetrics.registerBreaker(registry, redis.breaker());
        }
    }
}
