package io.dataguardian.bench.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dataguardian.app.cache.CacheNamespaces;
import io.dataguardian.app.cache.NamespaceStats;
import io.dataguardian.app.cache.TwoTierCache;
import io.dataguardian.app.cache.TwoTierCacheConfiguration;
import io.dataguardian.app.db.QueryCacheConfiguration;
import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.app.finding.FindingPage;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanCacheKeys;
import io.dataguardian.app.scan.ScanFilter;
import io.dataguardian.app.scan.ScanPage;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hit rate of the query result cache in the product's browse mix, through the real repositories and
 * their {@code @Cacheable}/{@code @CacheEvict} annotations, {@link ScanCacheKeys}, the two-tier cache
 * manager (one node, L1 only: the conservative case) and PostgreSQL (throw-away schema, the app's
 * Flyway migrations, dropped at the end).
 *
 * <p>Visits arrive at {@code rate}/s (Poisson), each for an organisation drawn Zipf(1.0) over
 * {@code orgs} (a few big tenants, a long tail). A visit: dashboard aggregates (half the visits), scan
 * list page 1, page 2 (30 %), page 3 (10 % of those), open one scan's summary (70 %, the newest scans
 * most likely), its findings page 1 (60 % of those), page 2 (50 %), page 3 (25 %). Meanwhile
 * {@code running} scans run at any time in orgs drawn with the same skew: create, start, a progress
 * update every 500 ms (as ScanJobRunner does) for {@code scanSeconds}, findings insert, complete.
 *
 * <p>A read counts as a hit when the repository call took no database connection. Measured after a
 * warm-up, in real time; the 5 min dashboard TTL does not run out within the run (see docs/cache.md).
 *
 * <pre>java -Xmx1g -cp bench/target/benchmarks.jar io.dataguardian.bench.cache.BrowseMixHitRate [seconds=60] [warmup=30] [orgs=50] [rate=40] [running=5] [scanSeconds=60] [progressMs=500]</pre>
 */
public final class BrowseMixHitRate {

    static final String[] KINDS = {"dashboard", "list p1", "list p2", "list p3", "summary", "findings p1",
            "findings p2", "findings p3"};

    /** Counts connections taken by the current thread, so a read that reached the database shows. */
    static final class CountingDataSource extends DelegatingDataSource {
        static final ThreadLocal<int[]> TAKEN = ThreadLocal.withInitial(() -> new int[1]);

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            TAKEN.get()[0]++;
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            TAKEN.get()[0]++;
            return super.getConnection(username, password);
        }
    }

    private final LongAdder[] reads = adders();
    private final LongAdder[] hits = adders();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        int seconds = arg(args, 0, 60);
        int warmup = arg(args, 1, 30);
        int orgs = arg(args, 2, 50);
        int rate = arg(args, 3, 40);
        int running = arg(args, 4, 5);
        int scanSeconds = arg(args, 5, 60);
        int progressMs = arg(args, 6, 500);
        new BrowseMixHitRate().run(seconds, warmup, orgs, rate, running, scanSeconds, progressMs);
        System.exit(0);
    }

    void run(int seconds, int warmup, int orgs, int rate, int running, int scanSeconds, int progressMs)
            throws Exception {
        String url = System.getProperty("dataguardian.bench.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("dataguardian.bench.pg-user", "postgres");
        String password = System.getProperty("dataguardian.bench.pg-password", "");
        String schema = "bench_browse_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        HikariDataSource pool = null;
        try {
            Flyway.configure().dataSource(url, user, password).schemas(schema).defaultSchema(schema)
                    .locations("classpath:db/migration").load().migrate();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url + "?currentSchema=" + schema);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(10);
            config.setPoolName("browse-mix");
            pool = new HikariDataSource(config);
            DataSource counting = new CountingDataSource(pool);
            long t0 = System.nanoTime();
            long[] orgIds = new long[orgs];
            List<List<Long>> scansByOrg = new ArrayList<>();
            seed(pool, orgIds, scansByOrg);
            System.out.printf("seeded %d orgs, %d scans in %.1f s%n", orgs,
                    scansByOrg.stream().mapToInt(List::size).sum(), (System.nanoTime() - t0) / 1e9);
            try (AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext()) {
                ctx.registerBean(DataSource.class, () -> counting);
                ctx.registerBean(ScanRepository.class, () -> new ScanRepository(counting, Clock.systemUTC()));
                ctx.registerBean(FindingRepository.class, () -> new FindingRepository(counting, JsonMapper.builder().build()));
                ctx.register(TwoTierCacheConfiguration.class, QueryCacheConfiguration.class, ScanCacheKeys.class);
                ctx.refresh();
                drive(ctx.getBean(ScanRepository.class), ctx.getBean(FindingRepository.class),
                        ctx.getBean(TwoTierCache.class), orgIds, scansByOrg, seconds, warmup, rate, running, scanSeconds, progressMs);
            }
        } finally {
            if (pool != null) {
                pool.close();
            }
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private void drive(ScanRepository scans, FindingRepository findings, TwoTierCache cache, long[] orgIds,
                       List<List<Long>> scansByOrg, int seconds, int warmup, int rate, int running, int scanSeconds,
                       int progressMs)
            throws Exception {
        double[] orgCdf = CacheLoad.zipfCdf(orgIds.length, 1.0);
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder writes = new LongAdder();
        LongAdder visits = new LongAdder();
        Map<Long, Boolean> busyOrgs = new ConcurrentHashMap<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Finding> batch = findingsBatch(100);

        // writers: `running` scans at any time
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < running; w++) {
            long seed = 1000 + w;
            Thread t = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try {
                    while (!stop.get()) {
                        int o = CacheLoad.sample(orgCdf, random.nextDouble());
                        long org = orgIds[o];
                        Scan scan = scans.create(org, null, ScanType.FILES, "live scan");
                        writes.increment();
                        scansByOrg.get(o).add(scan.id());
                        scans.start(org, scan.id());
                        writes.increment();
                        // stagger: the first scans of each writer end at different times
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(scanSeconds / 2 + random.nextInt(scanSeconds));
                        long files = 0;
                        while (System.nanoTime() < end && !stop.get()) {
                            Thread.sleep(progressMs);
                            files += 7;
                            scans.updateProgress(org, scan.id(), new Scan.Progress(files, 1000, files * 4096, 4_096_000, files / 3, "dir/file" + files));
                            writes.increment();
                        }
                        findings.insertAll(org, scan.id(), batch);
                        scans.complete(org, scan.id(), new Scan.SeverityCounts(25, 25, 25, 25), 0, 40.0, 60.0);
                        writes.add(2);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "writer-" + w);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }

        // readers: Poisson arrivals of visits, served by 8 threads
        ExecutorService readers = Executors.newFixedThreadPool(8);
        Thread arrivals = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(7);
            long next = System.nanoTime();
            while (!stop.get()) {
                next += (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                long visitSeed = random.nextLong();
                if (stop.get()) {
                    break;
                }
                readers.execute(() -> {
                    try {
                        visit(scans, findings, orgIds, scansByOrg, orgCdf, new SplittableRandom(visitSeed));
                        visits.increment();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
            }
        }, "arrivals");
        arrivals.setDaemon(true);
        arrivals.start();

        Thread.sleep(warmup * 1000L);
        Map<String, long[]> before = snapshot(cache);
        long writesBefore = writes.sum();
        long visitsBefore = visits.sum();
        String loadStart = CacheLoad.loadAverage();
        measuring = true;
        Thread.sleep(seconds * 1000L);
        measuring = false;
        Map<String, long[]> after = snapshot(cache);
        String loadEnd = CacheLoad.loadAverage();
        stop.set(true);
        arrivals.join(2_000);
        readers.shutdown();
        readers.awaitTermination(10, TimeUnit.SECONDS);
        for (Thread t : writers) {
            t.interrupt();
            t.join(5_000);
        }

        System.out.printf("browse mix: %d orgs (Zipf 1.0), %d visits/s, %d scans running (progress every %d ms,"
                        + " %d s mean), %d s warm-up, %d s measured; load average %s -> %s%n", orgIds.length, rate,
                running, progressMs, scanSeconds, warmup, seconds, loadStart, loadEnd);
        System.out.printf("measured: %,d visits, %,d writes (create/start/progress/insert/complete)%n",
                visits.sum() - visitsBefore, writes.sum() - writesBefore);
        long allReads = 0;
        long allHits = 0;
        for (int k = 0; k < KINDS.length; k++) {
            long r = reads[k].sum();
            long h = hits[k].sum();
            allReads += r;
            allHits += h;
            System.out.printf("  %-12s %,8d reads  hit rate %6.2f%%%n", KINDS[k], r, r == 0 ? 0 : 100.0 * h / r);
        }
        System.out.printf("  %-12s %,8d reads  hit rate %6.2f%%  (repository calls that took no connection)%n", "ALL",
                allReads, allReads == 0 ? 0 : 100.0 * allHits / allReads);
        for (String ns : after.keySet()) {
            long[] a = after.get(ns);
            long[] b = before.get(ns);
            long h = a[0] - b[0];
            long m = a[1] - b[1];
            System.out.printf("  cache %-17s L1 gets %,8d  hit rate %6.2f%%  (includes version-entry lookups)%n", ns,
                    h + m, h + m == 0 ? 0 : 100.0 * h / (h + m));
        }
        if (!failures.isEmpty()) {
            System.out.printf("FAILURES: %d, first: %s%n", failures.size(), failures.get(0));
        }
    }

    private void visit(ScanRepository scans, FindingRepository findings, long[] orgIds, List<List<Long>> scansByOrg,
                       double[] orgCdf, SplittableRandom random) {
        int o = CacheLoad.sample(orgCdf, random.nextDouble());
        long org = orgIds[o];
        if (random.nextDouble() < 0.5) {
            read(0, () -> scans.statistics(org));
        }
        ScanPage page = read(1, () -> scans.list(org, ScanFilter.ALL, null, 20));
        if (page.hasNext() && random.nextDouble() < 0.3) {
            ScanPage p1 = page;
            ScanPage p2 = read(2, () -> scans.list(org, ScanFilter.ALL, p1.next(), 20));
            if (p2.hasNext() && random.nextDouble() < 0.1) {
                read(3, () -> scans.list(org, ScanFilter.ALL, p2.next(), 20));
            }
        }
        if (random.nextDouble() < 0.7) {
            List<Long> ids = scansByOrg.get(o);
            // newest scans most likely: geometric over recency
            int back = Math.min(ids.size() - 1, (int) (-Math.log(1 - random.nextDouble()) * 3));
            long scanId = ids.get(ids.size() - 1 - back);
            read(4, () -> scans.summary(org, scanId));
            if (random.nextDouble() < 0.6) {
                FindingPage f = read(5, () -> findings.page(org, scanId, FindingFilter.ALL, null, 50));
                if (f.hasNext() && random.nextDouble() < 0.5) {
                    FindingPage f1 = f;
                    FindingPage f2 = read(6, () -> findings.page(org, scanId, FindingFilter.ALL, f1.next(), 50));
                    if (f2.hasNext() && random.nextDouble() < 0.25) {
                        read(7, () -> findings.page(org, scanId, FindingFilter.ALL, f2.next(), 50));
                    }
                }
            }
        }
    }

    private <T> T read(int kind, Supplier<T> call) {
        int[] taken = CountingDataSource.TAKEN.get();
        int before = taken[0];
        T result = call.get();
        if (measuring) {
            reads[kind].increment();
            if (taken[0] == before) {
                hits[kind].increment();
            }
        }
        return result;
    }

    private static Map<String, long[]> snapshot(TwoTierCache cache) {
        Map<String, long[]> m = new java.util.TreeMap<>();
        for (String ns : List.of(CacheNamespaces.SCAN_RESULTS, CacheNamespaces.SCAN_PROGRESS,
                CacheNamespaces.LARGE_DATASETS, CacheNamespaces.DASHBOARD)) {
            NamespaceStats s = cache.stats(ns);
            m.put(ns, new long[] {s.l1Hits(), s.l1Misses()});
        }
        return m;
    }

    /** Orgs with 5-40 finished scans (bigger tenants more), 100 findings each, through the repositories. */
    private static void seed(DataSource pool, long[] orgIds, List<List<Long>> scansByOrg) throws SQLException {
        ScanRepository scans = new ScanRepository(pool, Clock.systemUTC());
        FindingRepository findings = new FindingRepository(pool, JsonMapper.builder().build());
        List<Finding> batch = findingsBatch(100);
        for (int o = 0; o < orgIds.length; o++) {
            try (Connection c = pool.getConnection();
                 PreparedStatement ps = c.prepareStatement("insert into organisations (name) values (?)", new String[] {"id"})) {
                ps.setString(1, "browse-" + o);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    orgIds[o] = keys.getLong(1);
                }
            }
            List<Long> ids = new CopyOnWriteArrayList<>();
            int n = Math.max(5, 40 / (o + 1));
            for (int s = 0; s < n; s++) {
                Scan scan = scans.create(orgIds[o], null, ScanType.FILES, "target " + s);
                scans.start(orgIds[o], scan.id());
                findings.insertAll(orgIds[o], scan.id(), batch);
                scans.complete(orgIds[o], scan.id(), new Scan.SeverityCounts(25, 25, 25, 25), 0, 40.0, 60.0);
                ids.add(scan.id());
            }
            scansByOrg.add(ids);
        }
    }

    static List<Finding> findingsBatch(int n) {
        List<Finding> list = new ArrayList<>(n);
        String[] types = {"EMAIL", "IBAN", "BSN", "PHONE", "API_KEY", "NAME"};
        for (int k = 0; k < n; k++) {
            String type = types[k % types.length];
            list.add(new Finding("detector." + type.toLowerCase(), type, Severity.values()[k % 4], 0.5 + (k % 5) / 10.0,
                    List.of("GDPR Art. 6"), new Location("dir" + (k % 50) + "/file" + (k % 997) + ".csv",
                    k % 2 == 0 ? null : "column email", 1 + k % 5000, 1 + k % 80, 1 + k % 5000, 20 + k % 80,
                    1000L * k, 14),
                    "j***@e***.nl", String.format("%064x", k * 2654435761L),
                    "contact: j***@e***.nl, tel 06-****5678", 1 + k % 3, Map.of("method", "regex")));
        }
        return list;
    }

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[KINDS.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
