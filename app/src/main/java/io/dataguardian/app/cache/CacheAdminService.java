package io.dataguardian.app.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** What administrators may do with the cache: see its statistics and Redis memory, clear a namespace. */
public class CacheAdminService {

    /** Result of clearing a namespace; {@code redisKeysDeleted} is -1 when Redis was unavailable. */
    public record ClearResult(String namespace, long l1EntriesDropped, long redisKeysDeleted, boolean redisAvailable) {
    }

    /** From {@code INFO memory}; {@code available} false when Redis is not configured or unreachable. */
    public record RedisMemory(boolean available, long usedBytes, long peakBytes, long maxBytes,
                              double fragmentationRatio, String usedHuman, String policy) {
        static RedisMemory unavailable() {
            return new RedisMemory(false, 0, 0, 0, 0, "", "");
        }
    }

    public record NamespaceView(String namespace, long ttlSeconds, long l1Entries, long l1Bytes,
                                long l1Hits, long l1Misses, long l2Hits, long l2Misses, long puts,
                                long evictions, long errors, long loads, double hitRate) {
    }

    private final TwoTierCache cache;

    public CacheAdminService(TwoTierCache cache) {
        this.cache = cache;
    }

    public ClearResult clearNamespace(String namespace) {
        if (!cache.namespaceNames().contains(namespace)) {
            throw new IllegalArgumentException("unknown cache namespace: " + namespace);
        }
        long l1 = cache.l1Size(namespace);
        long deleted = cache.clearNamespace(namespace);
        return new ClearResult(namespace, l1, deleted, cache.redis().isPresent() && deleted >= 0);
    }

    public RedisMemory redisMemory() {
        return cache.redis().map(r -> {
            try {
                Properties p = r.infoMemory();
                return new RedisMemory(true, longOf(p, "used_memory"), longOf(p, "used_memory_peak"),
                        longOf(p, "maxmemory"), doubleOf(p, "mem_fragmentation_ratio"),
                        p.getProperty("used_memory_human", ""), p.getProperty("maxmemory_policy", ""));
            } catch (RuntimeException e) {
                return RedisMemory.unavailable();
            }
        }).orElseGet(RedisMemory::unavailable);
    }

    public Map<String, NamespaceView> statistics() {
        Map<String, NamespaceView> out = new LinkedHashMap<>();
        for (String ns : cache.namespaceNames().stream().sorted().toList()) {
            NamespaceStats s = cache.stats(ns);
            out.put(ns, new NamespaceView(ns, cache.ttl(ns).toSeconds(), cache.l1Size(ns), cache.l1WeightBytes(ns),
                    s.l1Hits(), s.l1Misses(), s.l2Hits(), s.l2Misses(), s.l1Puts(),
                    s.l1Evictions() + s.l1Invalidations(), s.l2Errors(), s.loads(), s.hitRate()));
        }
        return out;
    }

    /** CLOSED, OPEN or HALF_OPEN; "DISABLED" without Redis. */
    public String breakerState() {
        return cache.redis().map(r -> r.breaker().state().name()).orElse("DISABLED");
    }

    private static long longOf(Properties p, String name) {
        try {
            return Long.parseLong(p.getProperty(name, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double doubleOf(Properties p, String name) {
        try {
            return Double.parseDouble(p.getProperty(name, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
