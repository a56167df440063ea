package io.dataguardian.bench.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.dataguardian.app.cache.CacheCodec;
import io.dataguardian.app.cache.CacheProperties;
import io.dataguardian.app.cache.NamespaceStats;
import io.dataguardian.app.cache.RedisCircuitBreaker;
import io.dataguardian.app.cache.RedisTier;
import io.dataguardian.app.cache.TwoTierCache;
import io.dataguardian.bench.cache.BenchPostgres.Item;

/**
 * Load on the real {@link TwoTierCache} with its production settings (50 ms Redis timeout, breaker
 * opening at 50 % failed calls of at least 20 in a 2 s window, at most 128 Redis reads in flight, probe
 * every 500 ms, 16 MB L1): {@code threads} closed-loop threads read Zipf(0.99)
 * keys out of {@code keys}; a miss in both tiers loads the row from PostgreSQL (primary-key select on a
 * seeded throw-away schema, a pool of 10 connections). Redis is a private {@code redis-server} on a free
 * port, killed at the end whatever happens.
 *
 * <pre>
 * java -Xmx1g -cp bench/target/benchmarks.jar io.dataguardian.bench.cache.CacheLoad throughput [seconds=30] [threads=200] [keys=200000] [max-in-flight]
 * java -Xmx1g -cp bench/target/benchmarks.jar io.dataguardian.bench.cache.CacheLoad outage [seconds=90] [threads=200] [keys=200000] [max-in-flight]
 * </pre>
 * {@code max-in-flight}: {@code dataguardian.cache.redis-max-in-flight} for this run (default: the product's).

 * {@code outage}: Redis is stopped (SIGTERM) at one third of the run and started again on the same
 * port 30 s later (or at two thirds); reports operations, errors (an exception out of {@code get} or
 * a wrong value) and latency percentiles before, during and after the outage, and whether the
 * breaker closed by itself. Every run starts with a 10 s warm-up that is not measured. Latency is
 * measured per call in a closed loop (no correction for coordinated omission).
 */
public final class CacheLoad {

    static final String NS = "load";
    static final String ORG = "org1";
    static final int PHASES = 4;
    static final String[] PHASE_NAMES = {"before", "outage", "after (until breaker closed)", "after (breaker closed)"};

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        boolean outage = mode.equals("outage");
        int seconds = arg(args, 1, outage ? 90 : 30);
        int threads = arg(args, 2, 200);
        int keys = arg(args, 3, 200_000);
        int maxInFlight = arg(args, 4, new CacheProperties().getRedisMaxInFlight());
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds + 60L));
                System.err.println("watchdog: run exceeded its bound, exiting");
                System.exit(3); // the shutdown hooks kill redis-server
            } catch (InterruptedException done) {
                // normal end
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (RedisServer redis = new RedisServer(); BenchPostgres pg = new BenchPostgres(keys)) {
            redis.start();
            run(redis, pg, outage, seconds, threads, keys, maxInFlight);
        } finally {
            watchdog.interrupt();
        }
        System.exit(0);
    }

    static void run(RedisServer redis, BenchPostgres pg, boolean outage, int seconds, int threads, int keys,
                    int maxInFlight) throws Exception {
        BlockingQueue<BenchPostgres.Lookup> pool = new ArrayBlockingQueue<>(10);
        for (int i = 0; i < 10; i++) {
            pool.add(pg.lookup());
        }
        CacheProperties props = new CacheProperties(); // production defaults (see the class comment)
        props.setKeyPrefix("dgload-" + UUID.randomUUID().toString().substring(0, 8));
        props.setRedisMaxInFlight(maxInFlight);
        props.getNamespaces().put(NS, new CacheProperties.Namespace(Duration.ofHours(1)));
        RedisTier tier = new RedisTier(redis.url(), props, UUID.randomUUID().toString());
        TwoTierCache cache = new TwoTierCache(props, new CacheCodec(), tier);
        RedisCircuitBreaker breaker = tier.breaker();
        NamespaceStats stats = cache.stats(NS);
        double[] cdf = zipfCdf(keys, 0.99);

        Volatile current = new Volatile();
        LongAdder[] ops = adders();
        LongAdder[] errors = adders();
        LatencyHistogram[][] latency = new LatencyHistogram[threads][PHASES];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LatencyHistogram[] mine = latency[t];
            for (int p = 0; p < PHASES; p++) {
                mine[p] = new LatencyHistogram();
            }
            long seed = t;
            Thread w = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (current.phase < PHASES) {
                    int rank = sample(cdf, random.nextDouble());
                    long id = rank + 1;
                    int p = current.phase;
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        Item item = cache.get(NS, ORG, "i" + id, Item.class, () -> load(pool, id));
                        ok = item != null && item.id() == id;
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    long nanos = System.nanoTime() - start;
                    if (p >= 0 && p < PHASES) {
                        mine[p].record(nanos);
                        ops[p].increment();
                        if (!ok) {
                            errors[p].increment();
                        }
                    }
                }
            }, "load-" + t);
            w.setDaemon(true);
            workers.add(w);
        }
        workers.forEach(Thread::start);
        System.out.printf("%d threads, Zipf 0.99 over %,d keys, L1 16 MB, Redis %s, redis-max-in-flight %d,"
                + " PostgreSQL pool 10; warm-up 10 s%n", threads, keys, redis.url(), maxInFlight);
        Thread.sleep(10_000);

        long[] phaseNanos = new long[PHASES];
        String[] load = new String[PHASES];
        long[] l2ErrorsAt = new long[PHASES + 1];
        long[] loadsAt = new long[PHASES + 1];
        long t0 = System.nanoTime();
        long openedBefore = breaker.openedCount();
        long closedBefore = breaker.closedCount();
        long breakerOpenedAt = -1;
        long breakerClosedAt = -1;
        if (!outage) {
            current.phase = 0;
            l2ErrorsAt[0] = stats.l2Errors();
            loadsAt[0] = stats.loads();
            Thread.sleep(seconds * 1000L);
            current.phase = PHASES;
            phaseNanos[0] = System.nanoTime() - t0;
            load[0] = loadAverage();
            l2ErrorsAt[1] = stats.l2Errors();
            loadsAt[1] = stats.loads();
        } else {
            long stopAt = t0 + TimeUnit.SECONDS.toNanos(seconds / 3);
            long restartAt = stopAt + TimeUnit.SECONDS.toNanos(Math.min(30, seconds / 3));
            long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
            long mark = t0;
            current.phase = 0;
            l2ErrorsAt[0] = stats.l2Errors();
            loadsAt[0] = stats.loads();
            sleepUntil(stopAt);
            redis.stop();
            long now = System.nanoTime();
            phaseNanos[0] = now - mark;
            load[0] = loadAverage();
            l2ErrorsAt[1] = stats.l2Errors();
            loadsAt[1] = stats.loads();
            mark = now;
            current.phase = 1;
            while (System.nanoTime() < restartAt) {
                if (breakerOpenedAt < 0 && breaker.state() != RedisCircuitBreaker.State.CLOSED) {
                    breakerOpenedAt = System.nanoTime();
                }
                Thread.sleep(5);
            }
            redis.start();
            now = System.nanoTime();
            phaseNanos[1] = now - mark;
            load[1] = loadAverage();
            l2ErrorsAt[2] = stats.l2Errors();
            loadsAt[2] = stats.loads();
            mark = now;
            long redisBackAt = now;
            current.phase = 2;
            while (System.nanoTime() < end && breaker.state() != RedisCircuitBreaker.State.CLOSED) {
                Thread.sleep(5);
            }
            now = System.nanoTime();
            if (breaker.state() == RedisCircuitBreaker.State.CLOSED) {
                breakerClosedAt = now;
            }
            phaseNanos[2] = now - mark;
            load[2] = loadAverage();
            l2ErrorsAt[3] = stats.l2Errors();
            loadsAt[3] = stats.loads();
            mark = now;
            current.phase = 3;
            sleepUntil(end);
            current.phase = PHASES;
            now = System.nanoTime();
            phaseNanos[3] = now - mark;
            load[3] = loadAverage();
            l2ErrorsAt[4] = stats.l2Errors();
            loadsAt[4] = stats.loads();
            System.out.printf("Redis stopped at %.1f s, restarted at %.1f s; breaker opened %.0f ms after the stop,"
                            + " closed %s after the restart; breaker opened %d time(s), closed %d time(s) by itself;"
                            + " L1 flushes %d; breaker now %s%n",
                    (stopAt - t0) / 1e9, (redisBackAt - t0) / 1e9,
                    breakerOpenedAt < 0 ? -1 : (breakerOpenedAt - stopAt) / 1e6,
                    breakerClosedAt < 0 ? "NOT" : String.format("%.0f ms", (breakerClosedAt - redisBackAt) / 1e6),
                    breaker.openedCount() - openedBefore, breaker.closedCount() - closedBefore, cache.l1Flushes(),
                    breaker.state());
        }
        for (Thread w : workers) {
            w.join(5_000);
        }
        System.out.printf("%-30s %8s %11s %9s %8s %8s %8s %8s %8s %8s %9s %s%n", "phase", "seconds", "operations",
                "ops/s", "errors", "p50 us", "p90 us", "p99 us", "p99.9 us", "max ms", "DB loads", "L2 errors / load avg");
        for (int p = 0; p < PHASES; p++) {
            if (phaseNanos[p] == 0) {
                continue;
            }
            LatencyHistogram h = new LatencyHistogram();
            for (LatencyHistogram[] perThread : latency) {
                h.add(perThread[p]);
            }
            double secs = phaseNanos[p] / 1e9;
            System.out.printf("%-30s %8.1f %,11d %,9.0f %8d %8.1f %8.1f %8.1f %8.1f %8.1f %,9d %d / %s%n",
                    outage ? PHASE_NAMES[p] : "steady", secs, ops[p].sum(), ops[p].sum() / secs, errors[p].sum(),
                    h.percentile(50) / 1e3, h.percentile(90) / 1e3,
                    h.percentile(99) / 1e3, h.percentile(99.9) / 1e3, h.max() / 1e6,
                    loadsAt[p + 1] - loadsAt[p], l2ErrorsAt[p + 1] - l2ErrorsAt[p], load[p]);
        }
        System.out.printf("cache totals: l1 hits %,d misses %,d; l2 hits %,d misses %,d errors %,d; loads %,d; L1 %,d entries;"
                        + " breaker opened %d, closed %d (%d / %d before measuring); L1 flushes %d;"
                        + " Redis reads and fills skipped by the in-flight bound %,d%n",
                stats.l1Hits(), stats.l1Misses(), stats.l2Hits(), stats.l2Misses(), stats.l2Errors(), stats.loads(),
                cache.l1Size(NS), breaker.openedCount(), breaker.closedCount(), openedBefore, closedBefore,
                cache.l1Flushes(), tier.saturatedSkips());
        tier.close();
        for (BenchPostgres.Lookup l : pool) {
            l.close();
        }
    }

    private static final class Volatile {
        volatile int phase = -1;
    }

    private static Item load(BlockingQueue<BenchPostgres.Lookup> pool, long id) {
        BenchPostgres.Lookup l;
        try {
            l = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return l.byId(id);
        } finally {
            pool.add(l);
        }
    }

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[PHASES];
        for (int i = 0; i < PHASES; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    static double[] zipfCdf(int keys, double skew) {
        double[] cdf = new double[keys];
        double sum = 0;
        for (int i = 0; i < keys; i++) {
            sum += 1.0 / Math.pow(i + 1, skew);
            cdf[i] = sum;
        }
        for (int i = 0; i < keys; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    static int sample(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
