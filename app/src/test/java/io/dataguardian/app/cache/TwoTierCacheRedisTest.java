package io.dataguardian.app.cache;

import static io.dataguardian.app.cache.CacheNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/** Correctness against the real Redis at 127.0.0.1:6379, with two cache instances standing for two nodes. */
class TwoTierCacheRedisTest {

    /** A typical cached value: a masked summary, never raw personal data. */
    record ScoreView(String scanId, int score, List<String> maskedSamples) {
    }

    private static final String NS = CacheNamespaces.COMPLIANCE_SCORES;

    private CacheNodes nodes;
    private TwoTierCache a;
    private TwoTierCache b;
    /** Stands for the database behind the cache. */
    private final Map<String, ScoreView> db = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeEach
    void setUp() {
        nodes = new CacheNodes(System.getProperty("dataguardian.test.redis-url", "redis://127.0.0.1:6379"));
        a = nodes.node();
        b = nodes.node();
    }

    @AfterEach
    void tearDown() {
        nodes.close();
    }

    private ScoreView load(String org, String key) {
        loads.incrementAndGet();
        return db.get(org + "/" + key);
    }

    private ScoreView read(TwoTierCache node, String org, String key) {
        return node.get(NS, org, key, ScoreView.class, () -> load(org, key));
    }

    /**
     * Found by the 200-thread load run (bench CacheLoad): on a busy machine single commands pass the
     * 50 ms budget, the breaker opens and closes every second or so, and each close used to drop all of
     * L1, so the hit rate collapsed onto the database. A breaker opened by a slow command while the
     * connections stayed up has missed no invalidation: L1 stays, and deletes still arrive.
     */
    @Test
    void aBreakerOpenedBySlownessKeepsL1AndStillHearsDeletes() {
        // subscribed() turns true once the subscription's L1 flush is done. Not l1Flushes() > 0: the first
        // subscription can come before the cache installs its flush hook (L1 is empty then), and never count
        await("A is subscribed and its subscription flush is done", () -> a.redis().orElseThrow().subscribed());
        db.put("org1/kept", new ScoreView("kept", 1, List.of()));
        db.put("org1/gone", new ScoreView("gone", 2, List.of()));
        read(a, "org1", "kept");
        read(a, "org1", "gone");
        RedisCircuitBreaker breaker = a.redis().orElseThrow().breaker();
        long flushes = a.l1Flushes();
        long closed = breaker.closedCount();
        long invalidations = a.stats(NS).l1Invalidations();

        breaker.trip(); // what a burst of slow commands does; no connection is lost
        assertThat(breaker.allowsRequests()).isFalse();
        db.remove("org1/gone");
        b.evict(NS, "org1", "gone");
        await("A hears B's delete while its breaker is open or just closed",
                () -> a.stats(NS).l1Invalidations() > invalidations);
        await("breaker closes by itself", () -> breaker.closedCount() > closed && breaker.allowsRequests());

        assertThat(a.l1Flushes()).isEqualTo(flushes);
        long l1Hits = a.stats(NS).l1Hits();
        long l2Hits = a.stats(NS).l2Hits();
        assertThat(read(a, "org1", "kept").score()).isEqualTo(1);
        assertThat(a.stats(NS).l1Hits()).isEqualTo(l1Hits + 1);
        assertThat(a.stats(NS).l2Hits()).isEqualTo(l2Hits);
        assertThat(read(a, "org1", "gone")).isNull();
    }

    @Test
    void aValueLoadedOnOneNodeIsServedFromRedisOnTheOther() {
        db.put("org1/s1", new ScoreView("s1", 82, List.of("j***@example.com")));

        assertThat(read(a, "org1", "s1").score()).isEqualTo(82);
        assertThat(read(b, "org1", "s1").score()).isEqualTo(82);
        assertThat(read(b, "org1", "s1").score()).isEqualTo(82);

        assertThat(loads).hasValue(1);
        assertThat(b.stats(NS).l2Hits()).isEqualTo(1);
        assertThat(b.stats(NS).l1Hits()).isEqualTo(1);
        assertThat(nodes.keys()).containsExactly(nodes.prefix + ":" + NS + ":org1:s1");
    }

    @Test
    void anEvictOnOneNodeLeavesNoStaleCopyOnTheOther() {
        db.put("org1/s1", new ScoreView("s1", 82, List.of()));
        read(a, "org1", "s1");
        read(b, "org1", "s1");
        assertThat(b.l1Size(NS)).isEqualTo(1);

        // the row changes, the writer evicts on node A
        db.put("org1/s1", new ScoreView("s1", 40, List.of()));
        long before = b.stats(NS).l1Invalidations();
        a.evict(NS, "org1", "s1");
        await("B hears A's invalidation", () -> b.stats(NS).l1Invalidations() > before);

        assertThat(read(b, "org1", "s1").score()).isEqualTo(40);
        assertThat(read(a, "org1", "s1").score()).isEqualTo(40);
        assertThat(nodes.rawGet(nodes.prefix + ":" + NS + ":org1:s1")).isNotNull();
    }

    @Test
    void aPutOnOneNodeReplacesTheOtherNodesCopy() {
        db.put("org1/s1", new ScoreView("s1", 1, List.of()));
        read(a, "org1", "s1");
        read(b, "org1", "s1");

        long before = b.stats(NS).l1Invalidations();
        a.put(NS, "org1", "s1", new ScoreView("s1", 2, List.of()));
        await("B hears A's put", () -> b.stats(NS).l1Invalidations() > before);

        assertThat(read(b, "org1", "s1").score()).isEqualTo(2);
        assertThat(loads).hasValue(1);
    }

    @Test
    void entriesExpireInBothTiersAfterTheNamespaceTtl() {
        String ns = CacheNodes.SHORT;
        AtomicInteger version = new AtomicInteger();
        assertThat(a.get(ns, "org1", "k", Integer.class, version::incrementAndGet)).isEqualTo(1);
        assertThat(b.get(ns, "org1", "k", Integer.class, version::incrementAndGet)).isEqualTo(1);
        String key = nodes.prefix + ":" + ns + ":org1:k";
        assertThat(nodes.rawConnection.sync().pttl(key.getBytes())).isBetween(1L, CacheNodes.SHORT_TTL.toMillis());

        await("the Redis entry expires", () -> nodes.rawGet(key) == null);
        await("A's L1 copy expires", () -> a.get(ns, "org1", "k", Integer.class, version::incrementAndGet) > 1);
        assertThat(b.get(ns, "org1", "k", Integer.class, version::incrementAndGet)).isGreaterThan(1);
    }

    @Test
    void oneOrganisationNeverReadsAnothersEntry() {
        db.put("org-a/s1", new ScoreView("s1", 90, List.of("A***")));
        db.put("org-b/s1", new ScoreView("s1", 10, List.of("B***")));

        assertThat(read(a, "org-a", "s1").score()).isEqualTo(90);
        assertThat(read(b, "org-b", "s1").score()).isEqualTo(10);
        assertThat(read(a, "org-b", "s1").score()).isEqualTo(10);
        assertThat(read(b, "org-a", "s1").score()).isEqualTo(90);
        assertThat(loads).hasValue(2);
        assertThat(nodes.keys()).containsExactlyInAnyOrder(
                nodes.prefix + ":" + NS + ":org-a:s1", nodes.prefix + ":" + NS + ":org-b:s1");

        // an organisation id cannot smuggle in a second key segment
        assertThatThrownBy(() -> read(a, "org-a:s1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrgKey("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileEntriesAreRejectedNotExecuted(@TempDir Path tmp) throws Exception {
        Path marker = tmp.resolve("pwned");
        String cmd = "[\"touch\",\"" + marker + "\"]";
        long exp = System.currentTimeMillis() + 60_000;
        ByteArrayOutputStream javaSerialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(javaSerialized)) {
            out.writeObject(new HashMap<>(Map.of("scanId", "s")));
        }
        List<byte[]> hostile = List.of(
                // default-typing style: a class name to instantiate
                ("[\"java.lang.ProcessBuilder\",{\"command\":" + cmd + "}]").getBytes(StandardCharsets.UTF_8),
                // our envelope, with a type hint inside the value
                ("{\"exp\":" + exp + ",\"v\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":" + cmd + "}}")
                        .getBytes(StandardCharsets.UTF_8),
                // a Java-serialised blob
                javaSerialized.toByteArray());

        for (int i = 0; i < hostile.size(); i++) {
            String key = "s" + i;
            db.put("org1/" + key, new ScoreView(key, 50, List.of()));
            nodes.rawSet(nodes.prefix + ":" + NS + ":org1:" + key, hostile.get(i));

            assertThat(read(a, "org1", key)).isEqualTo(new ScoreView(key, 50, List.of()));
        }

        assertThat(a.stats(NS).l2Rejected()).isEqualTo(3);
        assertThat(a.stats(NS).l2Errors()).isEqualTo(3);
        assertThat(loads).hasValue(3);
        assertThat(Files.exists(marker)).isFalse();
        // the hostile entries were replaced by good ones, which the other node reads
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(read(b, "org1", "s" + i).score()).isEqualTo(50);
        }
        assertThat(b.stats(NS).l2Rejected()).isZero();
    }

    @Test
    void genericTypesRoundTripThroughRedis() {
        TypeReference<List<ScoreView>> type = new TypeReference<>() { };
        List<ScoreView> list = List.of(new ScoreView("a", 1, List.of()), new ScoreView("b", 2, List.of("x")));
        a.get(CacheNamespaces.DASHBOARD, "org1", "recent", type, () -> list);
        List<ScoreView> fromRedis = b.get(CacheNamespaces.DASHBOARD, "org1", "recent", type, List::of);
        assertThat(fromRedis).isEqualTo(list);
        assertThat(b.stats(CacheNamespaces.DASHBOARD).l2Hits()).isEqualTo(1);
    }

    @Test
    void aBurstOfMissesLoadsOncePerNode() throws Exception {
        db.put("org1/hot", new ScoreView("hot", 7, List.of()));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ScoreView>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> a.get(NS, "org1", "hot", ScoreView.class, () -> {
                    calls.incrementAndGet();
                    awaitQuietly(release);
                    return db.get("org1/hot");
                })));
            }
            await("the first load started", () -> calls.get() == 1);
            await("the other readers are waiting on it", () -> a.stats(NS).l1Misses() == 16);
            release.countDown();
            for (Future<ScoreView> f : results) {
                assertThat(f.get().score()).isEqualTo(7);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void expensiveLoadsRunOnceAcrossNodes() throws Exception {
        String ns = CacheNamespaces.LARGE_DATASETS;
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> onA = pool.submit(() -> a.get(ns, "org1", "big", String.class, () -> {
                calls.incrementAndGet();
                awaitQuietly(release);
                return "summary";
            }));
            await("A holds the load lock", () -> calls.get() == 1);
            Future<String> onB = pool.submit(() -> b.get(ns, "org1", "big", String.class, () -> {
                calls.incrementAndGet();
                return "summary";
            }));
            // B's L2 miss comes before its lock attempt: wait for the attempt itself, or on a busy machine
            // A may finish and unlock first and B rightly load by itself
            await("B is waiting for A", () -> b.stats(ns).lockWaits() >= 1);
            release.countDown();
            assertThat(onA.get()).isEqualTo("summary");
            assertThat(onB.get()).isEqualTo("summary");
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
        assertThat(b.stats(ns).l2Hits()).isEqualTo(1);
    }

    @Test
    void administratorsClearANamespaceEverywhereAndSeeRedisMemory() {
        for (int i = 0; i < 1200; i++) {
            a.put(NS, "org1", "k" + i, new ScoreView("k" + i, i, List.of()));
        }
        a.put(CacheNamespaces.DASHBOARD, "org1", "cards", "kept");
        // a late invalidation of A's put of k1 would drop B's copy: let B hear all of them first
        await("B heard A's writes", () -> b.stats(NS).l1Invalidations() >= 1200);
        read(b, "org1", "k1");
        assertThat(b.l1Size(NS)).isEqualTo(1);

        CacheAdminService admin = new CacheAdminService(a);
        CacheAdminService.ClearResult result = admin.clearNamespace(NS);

        assertThat(result.redisKeysDeleted()).isEqualTo(1200);
        assertThat(nodes.keys()).containsExactly(nodes.prefix + ":" + CacheNamespaces.DASHBOARD + ":org1:cards");
        assertThat(a.l1Size(NS)).isZero();
        await("B drops its copies", () -> b.l1Size(NS) == 0);

        CacheAdminService.RedisMemory memory = admin.redisMemory();
        assertThat(memory.available()).isTrue();
        assertThat(memory.usedBytes()).isPositive();
        assertThat(admin.breakerState()).isEqualTo("CLOSED");
        assertThat(admin.statistics()).containsKeys(CacheNamespaces.SCAN_RESULTS, CacheNamespaces.COMPLIANCE_SCORES,
                CacheNamespaces.DASHBOARD, CacheNamespaces.LARGE_DATASETS, CacheNamespaces.DEFAULT);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
