package io.dataguardian.bench.db;

import com.zaxxer.hikari.HikariDataSource;
import io.dataguardian.app.cache.TwoTierCacheConfiguration;
import io.dataguardian.app.db.QueryCacheConfiguration;
import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.app.finding.FindingPage;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanCacheKeys;
import io.dataguardian.app.scan.ScanFilter;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.engine.finding.Finding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read mix of the product's hot paths — list an organisation's scans, open a scan (summary with
 * counts), page its findings, the dashboard aggregates — run twice in one process on the same data:
 * (1) HikariCP pool + the query result cache (the application's two-tier cache manager, L1 only, and
 * its {@code @Cacheable} repositories in a Spring context); (2) a fresh DriverManager connection per
 * query and no cache. Prints both throughputs and their ratio.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.dataguardian.bench.db.ReadMix [seconds=20] [threads=8] [orgs=20] [scansPerOrg=50] [findingsPerScan=200]</pre>
 */
public final class ReadMix {

    public static void main(String[] args) throws Exception {
        int seconds = arg(args, 0, 20);
        int threads = arg(args, 1, 8);
        int orgs = arg(args, 2, 20);
        int scansPerOrg = arg(args, 3, 50);
        int findingsPerScan = arg(args, 4, 200);
        try (BenchDatabase db = new BenchDatabase(); HikariDataSource pool = db.pool(10)) {
            List<long[]> targets = seed(db, pool, orgs, scansPerOrg, findingsPerScan);
            System.out.printf("seeded %d orgs x %d scans x %d findings (%,d findings)%n", orgs, scansPerOrg,
                    findingsPerScan, (long) orgs * scansPerOrg * findingsPerScan);

            double pooled;
            try (AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext()) {
                ctx.registerBean(DataSource.class, () -> pool);
                ctx.registerBean(ScanRepository.class, () -> new ScanRepository(pool, Clock.systemUTC()));
                ctx.registerBean(FindingRepository.class, () -> new FindingRepository(pool, JsonMapper.builder().build()));
                ctx.register(TwoTierCacheConfiguration.class, QueryCacheConfiguration.class, ScanCacheKeys.class);
                ctx.refresh();
                ScanRepository scans = ctx.getBean(ScanRepository.class);
                FindingRepository findings = ctx.getBean(FindingRepository.class);
                run(scans, findings, targets, threads, 3); // warm-up
                pooled = run(scans, findings, targets, threads, seconds);
            }
            DataSource fresh = new DriverManagerDataSource(db.schemaUrl(), db.user, db.password);
            ScanRepository scans = new ScanRepository(fresh, Clock.systemUTC());
            FindingRepository findings = new FindingRepository(fresh, JsonMapper.builder().build());
            run(scans, findings, targets, threads, 3);
            double plain = run(scans, findings, targets, threads, seconds);

            System.out.printf("read mix, %d threads, %d s each:%n", threads, seconds);
            System.out.printf("  pool (HikariCP 10) + query cache : %,10.0f operations/s%n", pooled);
            System.out.printf("  fresh connection per query, no cache: %,7.0f operations/s%n", plain);
            System.out.printf("  ratio: %.1fx%n", pooled / plain);
            System.out.printf("load average at end: %s%n", InsertRate.loadAverage());
        }
    }

    /** Per target: {org, scanId}. */
    private static List<long[]> seed(BenchDatabase db, DataSource pool, int orgs, int scansPerOrg, int findingsPerScan)
            throws Exception {
        ScanRepository scans = new ScanRepository(pool, Clock.systemUTC());
        FindingRepository findings = new FindingRepository(pool, JsonMapper.builder().build());
        List<Finding> batch = BenchDatabase.findings(findingsPerScan, 0);
        List<long[]> targets = new ArrayList<>();
        for (int o = 0; o < orgs; o++) {
            long org = db.organisation("read-mix-" + o);
            for (int s = 0; s < scansPerOrg; s++) {
                Scan scan = scans.create(org, null, ScanType.FILES, "target " + s);
                scans.start(org, scan.id());
                findings.insertAll(org, scan.id(), batch);
                scans.complete(org, scan.id(), new Scan.SeverityCounts(50, 50, 50, 50), 0, 40.0, 60.0);
                targets.add(new long[] {org, scan.id()});
            }
        }
        return targets;
    }

    /** Each operation is one of the four reads, chosen at random; returns operations per second. */
    private static double run(ScanRepository scans, FindingRepository findings, List<long[]> targets, int threads,
                              int seconds) throws InterruptedException {
        LongAdder ops = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    long[] target = targets.get(random.nextInt(targets.size()));
                    switch (random.nextInt(4)) {
                        case 0 -> scans.list(target[0], ScanFilter.ALL, null, 20);
                        case 1 -> scans.summary(target[0], target[1]).orElseThrow();
                        case 2 -> {
                            FindingPage page = findings.page(target[0], target[1], FindingFilter.ALL, null, 50);
                            if (random.nextBoolean() && page.hasNext()) {
                                findings.page(target[0], target[1], FindingFilter.ALL, page.next(), 50);
                            }
                        }
                        default -> scans.statistics(target[0]);
                    }
                    ops.increment();
                }
            }, "read-mix-" + t);
            workers.add(w);
            w.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        return ops.sum() / (double) seconds;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
