package io.dataguardian.app.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Test nodes sharing one Redis: each {@link #node()} is a TwoTierCache with its own RedisTier and node
 * id, as two application instances would be. Keys use a prefix unique to the test run and are deleted
 * by {@link #close()}.
 */
final class CacheNodes implements AutoCloseable {

    static final String SHORT = "short-ttl";
    static final Duration SHORT_TTL = Duration.ofSeconds(3);

    final String url;
    final String prefix = "dgtest-" + UUID.randomUUID().toString().substring(0, 8);
    final CacheProperties props = new CacheProperties();
    private final List<RedisTier> tiers = new ArrayList<>();
    private final RedisClient raw;
    final StatefulRedisConnection<byte[], byte[]> rawConnection;

    CacheNodes(String url) {
        this.url = url;
        props.setKeyPrefix(prefix);
        props.setBreakerProbeInterval(Duration.ofMillis(100));
        // Correctness tests must not flip into fallback because a shared CI machine stalls for 50 ms;
        // the fault test sets the production default back.
        props.setRedisTimeout(Duration.ofSeconds(1));
        // long enough that a loaded machine reaches the second node before the entry expires (700 ms was not)
        props.getNamespaces().put(SHORT, new CacheProperties.Namespace(SHORT_TTL));
        raw = RedisClient.create(url);
        rawConnection = raw.connect(ByteArrayCodec.INSTANCE);
    }

    TwoTierCache node() {
        RedisTier tier = new RedisTier(url, props, UUID.randomUUID().toString());
        tiers.add(tier);
        TwoTierCache cache = new TwoTierCache(props, new CacheCodec(), tier);
        await("node subscribed to invalidations", tier::subscribed);
        return cache;
    }

    byte[] rawGet(String key) {
        return rawConnection.sync().get(key.getBytes());
    }

    void rawSet(String key, byte[] value) {
        rawConnection.sync().set(key.getBytes(), value);
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(rawConnection.sync(), ScanArgs.Builder.matches(prefix + ":*").limit(500))
                .forEachRemaining(k -> keys.add(new String(k)));
        return keys;
    }

    /** Waits for a condition that depends on another node or on Redis; fails after a generous deadline. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        tiers.forEach(RedisTier::close);
        try {
            for (String k : keys()) {
                rawConnection.sync().unlink(k.getBytes());
            }
        } finally {
            rawConnection.close();
            raw.shutdown();
        }
    }
}
