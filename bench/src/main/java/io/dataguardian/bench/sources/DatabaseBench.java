package io.dataguardian.bench.sources;

import io.dataguardian.engine.db.DatabaseScanOptions;
import io.dataguardian.engine.db.DatabaseScanSummary;
import io.dataguardian.engine.db.DatabaseScanner;
import io.dataguardian.engine.db.DatabaseTarget;
import io.dataguardian.engine.db.ScanMode;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds a PostgreSQL schema with many tables and rows (server-side generate_series), scans it in
 * each mode and prints the time per mode, then drops the schema.
 *
 * <pre>
 * java -cp bench/target/dataguardian-bench-*.jar io.dataguardian.bench.sources.DatabaseBench \
 *     jdbc:postgresql://127.0.0.1:5432/test postgres 200 10000000
 * </pre>
 */
public final class DatabaseBench {

    private DatabaseBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = args.length > 1 ? args[1] : "postgres";
        int tables = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        long totalRows = args.length > 3 ? Long.parseLong(args[3]) : 10_000_000L;
        String password = System.getenv("DG_BENCH_DB_PASSWORD");
        String schema = "dg_bench_" + Long.toHexString(System.nanoTime());
        long perTable = totalRows / tables;
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            for (int i = 0; i < tables; i++) {
                String t = schema + ".t" + i;
                switch (i % 4) {
                    case 0 -> s.execute("CREATE TABLE " + t + " AS SELECT g AS id, 'klant' || g || '@voorbeeld.nl' AS email,"
                            + " 'Jan de Vries ' || g AS naam, '06-' || lpad((g % 100000000)::text, 8, '0') AS telefoon"
                            + " FROM generate_series(1, " + perTable + ") g");
                    case 1 -> s.execute("CREATE TABLE " + t + " AS SELECT g AS id, g * 1.5 AS amount,"
                            + " 'order ' || g AS description, now() - (g || ' minutes')::interval AS created"
                            + " FROM generate_series(1, " + perTable + ") g");
                    case 2 -> s.execute("CREATE TABLE " + t + " AS SELECT g AS id, 'NL91ABNA0417164300' AS iban,"
                            + " md5(g::text) AS token FROM generate_series(1, " + perTable + ") g");
                    default -> s.execute("CREATE TABLE " + t + " AS SELECT g AS id, 'product ' || g AS title,"
                            + " (g % 1000) AS stock FROM generate_series(1, " + perTable + ") g");
                }
            }
            s.execute("ANALYZE");
        }
        System.out.printf(Locale.ROOT, "seeded %d tables, %d rows in %.1f s%n", tables, perTable * tables,
                (System.nanoTime() - t0) / 1e9);
        TextScanner scanner = Catalogue.standard().newScanner(
                DetectionSettings.withKey("bench-fingerprint-key-0123456789".getBytes(StandardCharsets.UTF_8)));
        try {
            for (ScanMode mode : ScanMode.values()) {
                AtomicInteger findings = new AtomicInteger();
                AtomicInteger errors = new AtomicInteger();
                FindingSink sink = new FindingSink() {
                    @Override
                    public void finding(Finding finding) {
                        findings.incrementAndGet();
                    }

                    @Override
                    public void error(FileError error) {
                        errors.incrementAndGet();
                    }
                };
                DatabaseScanSummary sum = new DatabaseScanner(DatabaseScanOptions.of(mode).withSchemas(Set.of(schema)))
                        .scan(new DatabaseTarget(url, user, password), scanner, sink);
                System.out.printf(Locale.ROOT, "%-5s %6.1f s  tables %d/%d  columns %d  rows sampled %d (max %d per table)"
                                + "  findings %d  errors %d%n", mode.name().toLowerCase(Locale.ROOT),
                        sum.duration().toMillis() / 1000.0, sum.tablesScanned(), sum.tablesFound(), sum.columnsScanned(),
                        sum.rowsSampled(), sum.maxRowsOneTable(), findings.get(), errors.get());
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
