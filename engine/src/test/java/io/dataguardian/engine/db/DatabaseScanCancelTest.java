package io.dataguardian.engine.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FindingSink;
import java.io.IOException;
import java.io.Reader;
import io.dataguardian.engine.scan.ScanControl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a database scan takes effect inside a table, against the real PostgreSQL: the row loop stops at the
 * next row (no finding of the half-read table, no later table), and a sample query that cannot finish (it waits for
 * a lock another session holds) is cancelled on the server instead of running into its 30 s statement timeout.
 */
class DatabaseScanCancelTest {

    static final String RUN = "dg_cancel_" + Long.toHexString(System.nanoTime());

    @BeforeAll
    static void seed() throws Exception {
        try (Connection c = pg(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + RUN);
            // large enough to be estimated from pg_class (no COUNT(*)) and sampled with TABLESAMPLE
            s.execute("CREATE TABLE " + RUN + ".a_people AS SELECT g AS id, 'user' || g || '@voorbeeld.nl' AS email,"
                    + " 'Klant ' || g AS naam FROM generate_series(1, 100000) g");
            s.execute("CREATE TABLE " + RUN + ".b_more AS SELECT g AS id, 'more' || g || '@voorbeeld.nl' AS email"
                    + " FROM generate_series(1, 100000) g");
            s.execute("ANALYZE " + RUN + ".a_people");
            s.execute("ANALYZE " + RUN + ".b_more");
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection c = pg(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + RUN + " CASCADE");
        }
    }

    private static Connection pg() throws Exception {
        return DriverManager.getConnection(ServerDatabaseScannerTest.PG, ServerDatabaseScannerTest.PG_USER,
                ServerDatabaseScannerTest.PG_PASSWORD);
    }

    private static DatabaseTarget target() {
        return new DatabaseTarget(ServerDatabaseScannerTest.PG, ServerDatabaseScannerTest.PG_USER,
                ServerDatabaseScannerTest.PG_PASSWORD);
    }

    @Test
    void aScanCancelledWhileReadingATableStopsAtTheNextRowAndReportsNothingOfIt() throws Exception {
        ScanControl control = new ScanControl();
        AtomicInteger values = new AtomicInteger();
        TextScanner real = SeedData.scanner();
        // the control is cancelled from inside the row loop, after the 40th value of the first table
        TextScanner cancelling = new TextScanner() {
            @Override
            public List<Match> scan(CharSequence text) {
                if (values.incrementAndGet() == 40) {
                    control.cancel();
                }
                return real.scan(text);
            }

            @Override
            public void scan(Reader text, String path, String section, FindingSink sink) throws IOException {
                real.scan(text, path, section, sink);
            }
        };
        SeedData.Recorder rec = new SeedData.Recorder();

        DatabaseScanSummary summary = new DatabaseScanner(DatabaseScanOptions.of(ScanMode.DEEP).withSchemas(Set.of(RUN)))
                .scan(target(), cancelling, rec, control);

        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.rowsSampled()).isBetween(1L, 40L); // DEEP would read 500 rows of each of the two tables
        assertThat(rec.findings).isEmpty();
        assertThat(rec.errors).isEmpty();

        DatabaseScanSummary whole = new DatabaseScanner(DatabaseScanOptions.of(ScanMode.DEEP).withSchemas(Set.of(RUN)))
                .scan(target(), real, new SeedData.Recorder(), new ScanControl());
        assertThat(whole.cancelled()).isFalse();
        assertThat(whole.rowsSampled()).isGreaterThan(500);
    }

    @Test
    void aSampleQueryWaitingOnTheServerIsCancelledThereWithoutATimeoutError() throws Exception {
        try (Connection locker = pg()) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE " + RUN + ".a_people IN ACCESS EXCLUSIVE MODE");
            }
            ScanControl control = new ScanControl();
            SeedData.Recorder rec = new SeedData.Recorder();
            CompletableFuture<DatabaseScanSummary> scan = CompletableFuture.supplyAsync(() -> {
                try {
                    return new DatabaseScanner(DatabaseScanOptions.of(ScanMode.SMART).withSchemas(Set.of(RUN)))
                            .scan(target(), SeedData.scanner(), rec, control);
                } catch (DatabaseScanException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaitingSample();

            control.cancel();

            // the bound only stops a hung test; the statement timeout (30 s) would leave a "timeout" error behind
            DatabaseScanSummary summary = scan.get(60, TimeUnit.SECONDS);
            assertThat(summary.cancelled()).isTrue();
            assertThat(summary.rowsSampled()).isZero();
            assertThat(rec.errors).isEmpty();
            assertThat(rec.findings).isEmpty();
            assertThat(waitingSamples()).isZero();
            locker.rollback();
        }
    }

    /** Until the scan's sample query of a_people is waiting for the lock. */
    private static void awaitWaitingSample() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (waitingSamples() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the scan never queried a_people");
    }

    private static int waitingSamples() throws Exception {
        try (Connection c = pg(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND query LIKE 'SELECT %a_people%' AND query NOT LIKE '%pg_stat_activity%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
