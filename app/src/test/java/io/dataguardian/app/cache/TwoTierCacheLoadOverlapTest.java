package io.dataguardian.app.cache;

import static io.dataguardian.app.cache.CacheNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A load that a write or delete overtakes (L1 only, one node): readers that come after the write never
 * get the older load's value, and that value never lands in L1 over the newer one. Loads in progress
 * live beside the L1, not in it, so this is the guarantee that the L1's placeholder used to give.
 */
class TwoTierCacheLoadOverlapTest {

    private static final String NS = CacheNamespaces.SCAN_RESULTS;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final TwoTierCache cache = new TwoTierCache(new CacheProperties(), new CacheCodec(), null);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Starts a load of {@code key} that returns {@code value} once {@code release} opens. */
    private CompletableFuture<String> slowLoad(String key, String value, CountDownLatch release) {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> cache.get(NS, "org1", key, String.class, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }), threads);
        await("load started", () -> started.getCount() == 0);
        return f;
    }

    @Test
    void aReaderAfterADeleteDoesNotShareALoadThatBeganBefore() {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> old = slowLoad("scan-1", "before delete", release);

        cache.evict(NS, "org1", "scan-1");
        CompletableFuture<String> after = CompletableFuture.supplyAsync(
                () -> cache.get(NS, "org1", "scan-1", String.class, () -> "after delete"), threads);
        await("the reader after the delete loaded by itself", after::isDone);
        assertThat(after.join()).isEqualTo("after delete");

        release.countDown();
        assertThat(old.join()).isEqualTo("before delete"); // that caller asked before the delete
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get(NS, "org1", "scan-1", String.class, () -> {
            loads.incrementAndGet();
            return "reloaded";
        })).isEqualTo("after delete");
        assertThat(loads).hasValue(0);
    }

    @Test
    void aPutDuringALoadIsWhatL1Keeps() {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> old = slowLoad("scan-2", "loaded before the put", release);

        cache.put(NS, "org1", "scan-2", "put");
        release.countDown();
        old.join();

        assertThat(cache.get(NS, "org1", "scan-2", String.class, () -> "reloaded")).isEqualTo("put");
    }

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        CompletableFuture<String> first = slowLoad("scan-3", "value", release);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(
                () -> cache.get(NS, "org1", "scan-3", String.class, () -> {
                    loads.incrementAndGet();
                    return "second load";
                }), threads);

        release.countDown();
        assertThat(first.join()).isEqualTo("value");
        assertThat(second.join()).isEqualTo("value");
        assertThat(loads).hasValue(0);
    }
}
