package io.dataguardian.app.cache;

import static io.dataguardian.app.cache.CacheNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read bulkhead ({@code redis-max-in-flight}): with that many Redis reads stuck in flight, the next
 * read skips Redis and is served by the loader without an error, and the slots come back when the stuck
 * reads end, whether Redis answers, fails or never answers (timeout). A real Redis cannot hold reads on
 * demand, so {@link StallingRedis} stands in for it; the client side is the real Lettuce tier.
 */
class TwoTierCacheBulkheadTest {

    private static final String NS = CacheNamespaces.SCAN_RESULTS;
    private static final int IN_FLIGHT = 4;

    record Item(String key, String source) {
    }

    private StallingRedis redis;
    private RedisTier tier;
    private final List<CompletableFuture<Item>> stuck = new ArrayList<>();
    /** One thread per read: the common pool may have a single thread on a small machine. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        if (redis != null) {
            redis.release(StallingRedis.Answer.MISS);
        }
        threads.shutdownNow();
        if (tier != null) {
            tier.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private TwoTierCache cache(Duration redisTimeout) throws Exception {
        redis = new StallingRedis();
        CacheProperties props = new CacheProperties();
        props.setKeyPrefix("dgbulk");
        props.setRedisMaxInFlight(IN_FLIGHT);
        props.setRedisTimeout(redisTimeout);
        // this test is about the bulkhead: the breaker must not step in when the stuck reads fail
        props.setBreakerFailureThreshold(1_000);
        props.setBreakerMinimumCalls(1_000);
        tier = new RedisTier(redis.url(), props, UUID.randomUUID().toString());
        TwoTierCache cache = new TwoTierCache(props, new CacheCodec(), tier);
        await("subscribed to invalidations", tier::subscribed);
        return cache;
    }

    /** Starts {@link #IN_FLIGHT} reads of keys the fake Redis does not answer, and waits until all are in flight. */
    private void fillTheBulkhead(TwoTierCache cache, AtomicInteger loads) {
        for (int i = 0; i < IN_FLIGHT; i++) {
            String key = StallingRedis.STALL + "-" + i;
            stuck.add(CompletableFuture.supplyAsync(() -> cache.get(NS, "org1", key, Item.class, () -> {
                loads.incrementAndGet();
                return new Item(key, "database");
            }), threads));
        }
        await("all reads in flight", () -> tier.readsInFlight() == IN_FLIGHT && redis.stalledGets() >= 1);
    }

    @Test
    void aReadBeyondTheBoundSkipsRedisAndIsServedByTheLoader() throws Exception {
        TwoTierCache cache = cache(Duration.ofSeconds(30));
        AtomicInteger stuckLoads = new AtomicInteger();
        fillTheBulkhead(cache, stuckLoads);

        AtomicInteger loads = new AtomicInteger();
        Item item = cache.get(NS, "org1", "scan-7", Item.class, () -> {
            loads.incrementAndGet();
            return new Item("scan-7", "database");
        });

        assertThat(item).isEqualTo(new Item("scan-7", "database"));
        assertThat(loads).hasValue(1);
        assertThat(tier.saturatedSkips()).isEqualTo(2); // its GET, then its fill of Redis with the loaded value
        assertThat(cache.stats(NS).l2Errors()).isZero();
        assertThat(tier.breaker().state()).isEqualTo(RedisCircuitBreaker.State.CLOSED);
        // the skipped read neither waited for the stuck ones nor filled Redis behind their back
        assertThat(stuck).noneMatch(CompletableFuture::isDone);
        assertThat(redis.stored()).isEmpty();
        // and it is in L1 now
        assertThat(cache.get(NS, "org1", "scan-7", Item.class, () -> new Item("scan-7", "again"))).isEqualTo(item);

        redis.release(StallingRedis.Answer.MISS);
        for (CompletableFuture<Item> f : stuck) {
            assertThat(f.join().source()).isEqualTo("database");
        }
        assertThat(stuckLoads).hasValue(IN_FLIGHT);
        assertSlotsReleased(cache);
        assertThat(cache.stats(NS).l2Errors()).isZero();
    }

    @Test
    void slotsAreReleasedWhenTheStuckReadsFail() throws Exception {
        TwoTierCache cache = cache(Duration.ofSeconds(30));
        AtomicInteger loads = new AtomicInteger();
        fillTheBulkhead(cache, loads);

        redis.release(StallingRedis.Answer.ERROR);

        for (CompletableFuture<Item> f : stuck) {
            assertThat(f.join().source()).isEqualTo("database"); // the caller never sees the Redis error
        }
        assertThat(loads).hasValue(IN_FLIGHT);
        assertThat(cache.stats(NS).l2Errors()).isEqualTo(IN_FLIGHT);
        assertSlotsReleased(cache);
    }

    @Test
    void slotsAreReleasedWhenTheStuckReadsTimeOut() throws Exception {
        TwoTierCache cache = cache(Duration.ofMillis(300));
        AtomicInteger loads = new AtomicInteger();
        redis.release(StallingRedis.Answer.NEVER);
        fillTheBulkhead(cache, loads);

        for (CompletableFuture<Item> f : stuck) {
            assertThat(f.join().source()).isEqualTo("database");
        }
        assertThat(loads).hasValue(IN_FLIGHT);
        assertThat(cache.stats(NS).l2Errors()).isGreaterThanOrEqualTo(IN_FLIGHT);
        await("slots released after the timeouts", () -> tier.readsInFlight() == 0);
        long skipped = tier.saturatedSkips();
        // IN_FLIGHT more reads can take a slot again (they time out too: this Redis never answers)
        List<CompletableFuture<Item>> again = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            String key = "after-" + i;
            again.add(CompletableFuture.supplyAsync(() -> cache.get(NS, "org1", key, Item.class,
                    () -> new Item(key, "database")), threads));
        }
        again.forEach(f -> assertThat(f.join().source()).isEqualTo("database"));
        assertThat(tier.saturatedSkips()).isEqualTo(skipped);
        assertThat(tier.readsInFlight()).isZero();
    }

    /** No slot is held, and a new read goes to Redis again (an L2 miss, not a skip). */
    private void assertSlotsReleased(TwoTierCache cache) {
        await("slots released", () -> tier.readsInFlight() == 0);
        long skipped = tier.saturatedSkips();
        long l2Misses = cache.stats(NS).l2Misses();
        Item item = cache.get(NS, "org1", "scan-8", Item.class, () -> new Item("scan-8", "database"));
        assertThat(item.source()).isEqualTo("database");
        assertThat(tier.saturatedSkips()).isEqualTo(skipped);
        assertThat(cache.stats(NS).l2Misses()).isEqualTo(l2Misses + 1);
        assertThat(tier.readsInFlight()).isZero();
    }
}
