package io.dataguardian.bench.cache;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.dataguardian.app.cache.CacheCodec;
import io.dataguardian.app.cache.CacheProperties;
import io.dataguardian.app.cache.NamespaceStats;
import io.dataguardian.app.cache.RedisTier;
import io.dataguardian.app.cache.TwoTierCache;
import io.dataguardian.bench.cache.BenchPostgres.Item;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.util.unit.DataSize;

/**
 * Latency of the real {@link TwoTierCache} read paths (one thread):
 * <ul>
 * <li>{@code l1Hit}: {@code get} of an entry in L1;</li>
 * <li>{@code l2Hit}: {@code get} that misses L1 (a namespace whose L1 budget is 64 KB, 20,000 keys read
 *     round robin) and finds the entry in Redis: GET, strict JSON decode, L1 insert;</li>
 * <li>{@code missLoad}: {@code get} of a key in neither tier: Redis GET (miss), the loader (a JDBC
 *     primary-key select on a seeded 100,000-row table in a throw-away PostgreSQL schema), Redis SET
 *     with TTL, L1 insert;</li>
 * <li>{@code pgOnly}: the loader's select alone, for reference.</li>
 * </ul>
 * Redis at {@code -Dredis.url} (default redis://127.0.0.1:6379), keys under a random {@code dgbench-*}
 * prefix, deleted at tear-down, as is the PostgreSQL schema. The Redis command timeout is
 * {@code -Dbench.redis-timeout-ms} (default 1000: this measures latency, not the 50 ms budget); the
 * tear-down prints the cache's own counters so a run whose breaker opened (L2 not really hit) shows.
 *
 * <pre>java -jar bench/target/benchmarks.jar TwoTierCacheBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TwoTierCacheBenchmark {

    static final String L1 = "bench-l1";
    static final String L2 = "bench-l2";
    static final String MISS = "bench-miss";
    static final String ORG = "org1";
    static final int L2_KEYS = 20_000;

    private BenchPostgres pg;
    private BenchPostgres.Lookup lookup;
    private RedisTier tier;
    private TwoTierCache cache;
    private int l2Next;
    private long missNext;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pg = new BenchPostgres(100_000);
        lookup = pg.lookup();
        CacheProperties props = new CacheProperties();
        props.setKeyPrefix("dgbench-" + UUID.randomUUID().toString().substring(0, 8));
        props.setRedisTimeout(Duration.ofMillis(Long.getLong("bench.redis-timeout-ms", 1000)));
        props.getNamespaces().put(L1, new CacheProperties.Namespace(Duration.ofHours(1)));
        CacheProperties.Namespace small = new CacheProperties.Namespace(Duration.ofHours(1));
        small.setL1MaxSize(DataSize.ofKilobytes(64));
        props.getNamespaces().put(L2, small);
        CacheProperties.Namespace miss = new CacheProperties.Namespace(Duration.ofMinutes(5));
        miss.setL1MaxSize(DataSize.ofKilobytes(64));
        props.getNamespaces().put(MISS, miss);
        tier = new RedisTier(System.getProperty("redis.url", "redis://127.0.0.1:6379"), props,
                UUID.randomUUID().toString());
        cache = new TwoTierCache(props, new CacheCodec(), tier);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!tier.subscribed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (int i = 0; i < 10_000; i++) {
            cache.put(L1, ORG, "k" + i, lookup.byId(i + 1));
        }
        for (int i = 0; i < L2_KEYS; i++) {
            cache.put(L2, ORG, "k" + i, lookup.byId(i + 1));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            for (String ns : new String[] {L1, L2, MISS}) {
                NamespaceStats s = cache.stats(ns);
                System.out.printf("%n%s: l1 hits %,d misses %,d; l2 hits %,d misses %,d errors %,d; loads %,d%n", ns,
                        s.l1Hits(), s.l1Misses(), s.l2Hits(), s.l2Misses(), s.l2Errors(), s.loads());
            }
            System.out.printf("breaker opened %d times; load average %s%n", tier.breaker().openedCount(),
                    CacheLoad.loadAverage());
            for (String ns : new String[] {L1, L2, MISS}) {
                cache.clearNamespace(ns);
            }
        } finally {
            tier.close();
            lookup.close();
            pg.close();
        }
    }

    @Benchmark
    public Item l1Hit() {
        return cache.get(L1, ORG, "k4242", Item.class, () -> lookup.byId(4243));
    }

    @Benchmark
    public Item l2Hit() {
        int i = l2Next;
        l2Next = i + 1 == L2_KEYS ? 0 : i + 1;
        return cache.get(L2, ORG, "k" + i, Item.class, () -> lookup.byId(i + 1));
    }

    @Benchmark
    public Item missLoad() {
        long i = missNext++;
        return cache.get(MISS, ORG, "m" + i, Item.class, () -> lookup.byId(i % pg.rows + 1));
    }

    @Benchmark
    public Item pgOnly() {
        long i = missNext++;
        return lookup.byId(i % pg.rows + 1);
    }
}
