package io.dataguardian.bench.db;

import com.zaxxer.hikari.HikariDataSource;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.engine.finding.Finding;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Findings insert rate on PostgreSQL through {@link FindingRepository#insertAll} (COPY), into the real
 * schema with all its indexes and foreign keys, in a throw-away schema.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.dataguardian.bench.db.InsertRate [findings=1000000] [batch=10000]</pre>
 */
public final class InsertRate {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (BenchDatabase db = new BenchDatabase(); HikariDataSource pool = db.pool(2)) {
            long org = db.organisation("insert-bench");
            ScanRepository scans = new ScanRepository(pool, Clock.systemUTC());
            FindingRepository findings = new FindingRepository(pool, JsonMapper.builder().build());
            List<Finding> batch = BenchDatabase.findings(batchSize, 0);

            // warm-up: JIT and the first COPYs, into a scan of its own
            Scan warm = scans.create(org, null, ScanType.FILES, "warm-up");
            for (int i = 0; i < 5; i++) {
                findings.insertAll(org, warm.id(), batch);
            }

            Scan scan = scans.create(org, null, ScanType.FILES, "insert-rate");
            long written = 0;
            long start = System.nanoTime();
            while (written < total) {
                written += findings.insertAll(org, scan.id(), batch);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("insert rate: %,d findings in %.2f s = %,.0f findings/s (batch %,d, COPY, schema %s)%n",
                    written, seconds, written / seconds, batchSize, db.schema);
            System.out.printf("load average at end: %s%n", loadAverage());
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
