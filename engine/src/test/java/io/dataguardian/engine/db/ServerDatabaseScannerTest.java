package io.dataguardian.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.finding.Finding;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the real PostgreSQL (127.0.0.1:5432, trust auth, database test) and MariaDB
 * (127.0.0.1:3306, root) on this machine. Each run works in its own schema / database and drops it.
 */
class ServerDatabaseScannerTest {

    // scripts/test passes the test servers' coordinates; the defaults fit this machine's trust-auth servers
    static final String PG = System.getProperty("dataguardian.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("dataguardian.test.pg-user", "postgres");
    static final String PG_PASSWORD = System.getProperty("dataguardian.test.pg-password", "");
    static final String MARIADB = System.getProperty("dataguardian.test.mariadb-url", "jdbc:mariadb://127.0.0.1:3306/");
    static final String MARIADB_USER = System.getProperty("dataguardian.test.mariadb-user", "root");
    static final String MARIADB_PASSWORD = System.getProperty("dataguardian.test.mariadb-password", "");
    static final String RUN = "dg_i4_" + Long.toHexString(System.nanoTime());
    /** A password that must never show up in findings or errors: the real one where the server checks it. */
    static final String SECRET = PG_PASSWORD.isEmpty() ? "Sup3rS3cretPw!" : PG_PASSWORD;

    @BeforeAll
    static void seed() throws Exception {
        try (Connection c = DriverManager.getConnection(PG, PG_USER, PG_PASSWORD)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + RUN);
            }
            SeedData.seed(c, "\"", RUN + ".");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + RUN + ".big AS SELECT g AS id, 'user' || g || '@voorbeeld.nl' AS email,"
                        + " md5(g::text) AS token FROM generate_series(1, 200000) g");
                s.execute("ANALYZE " + RUN + ".big");
            }
        }
        try (Connection c = DriverManager.getConnection(MARIADB, MARIADB_USER, MARIADB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + RUN);
        }
        try (Connection c = DriverManager.getConnection(MARIADB + RUN, MARIADB_USER, MARIADB_PASSWORD)) {
            SeedData.seed(c, "`", "");
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(PG, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + RUN + " CASCADE");
        }
        try (Connection c = DriverManager.getConnection(MARIADB, MARIADB_USER, MARIADB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + RUN);
        }
    }

    @Test
    void postgresqlSmartScanFindsCustomersCardsAndHostileTableAndSamplesTheBigTable() throws Exception {
        SeedData.Recorder rec = new SeedData.Recorder();
        DatabaseScanner scanner = new DatabaseScanner(DatabaseScanOptions.of(ScanMode.SMART).withSchemas(Set.of(RUN)));

        DatabaseScanSummary summary = scanner.scan(new DatabaseTarget(PG, PG_USER, SECRET), SeedData.scanner(), rec);

        assertThat(rec.errors).isEmpty();
        assertThat(summary.tablesFound()).isEqualTo(6);
        EmbeddedDatabaseScannerTest.assertCustomerFindings(rec, RUN + ".customers", "email", "bsn", "iban", "naam",
                "geboortedatum", "telefoon");
        assertThat(rec.column(RUN + ".orders", "payment", "CREDIT_CARD").attributes()).containsEntry("method", "values");
        assertThat(rec.at(RUN + ".products")).isEmpty();
        assertThat(rec.column(RUN + "." + SeedData.HOSTILE, "contact\" e-mail", "EMAIL").occurrences()).isEqualTo(2);

        Finding big = rec.column(RUN + ".big", "email", "EMAIL");
        assertThat(Long.parseLong(big.attributes().get("sampledValues"))).isBetween(1L, 300L);
        assertThat(big.attributes()).containsEntry("rowCountMethod", "pg_class.reltuples");
        assertThat(Long.parseLong(big.attributes().get("estimatedRows"))).isBetween(190_000L, 210_000L);
        assertThat(summary.maxRowsOneTable()).isLessThanOrEqualTo(300);

        try (Connection c = DriverManager.getConnection(PG, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + RUN + ".y")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertNoSecret(rec);
    }

    @Test
    void postgresqlFastModeReadsAtMostOneHundredRowsFromTheBigTable() throws Exception {
        SeedData.Recorder rec = new SeedData.Recorder();
        DatabaseScanner scanner = new DatabaseScanner(DatabaseScanOptions.of(ScanMode.FAST).withSchemas(Set.of(RUN)));

        DatabaseScanSummary summary = scanner.scan(new DatabaseTarget(PG, PG_USER, PG_PASSWORD.isEmpty() ? null : PG_PASSWORD), SeedData.scanner(), rec);

        assertThat(summary.maxRowsOneTable()).isLessThanOrEqualTo(100);
        assertThat(Long.parseLong(rec.column(RUN + ".big", "email", "EMAIL").attributes().get("sampledValues")))
                .isBetween(1L, 100L);
    }

    @Test
    void mariadbScanFindsTheSameThingsReadOnly() throws Exception {
        SeedData.Recorder rec = new SeedData.Recorder();
        String url = MARIADB + RUN;

        DatabaseScanSummary summary = DatabaseScanner.scan(new DatabaseTarget(url, MARIADB_USER, MARIADB_PASSWORD), ScanMode.DEEP,
                SeedData.scanner(), rec);

        assertThat(rec.errors).isEmpty();
        assertThat(summary.tablesFound()).isEqualTo(5);
        EmbeddedDatabaseScannerTest.assertCustomerFindings(rec, RUN + ".customers", "email", "bsn", "iban", "naam",
                "geboortedatum", "telefoon");
        assertThat(rec.column(RUN + ".orders", "payment", "CREDIT_CARD").attributes().get("method")).isEqualTo("values");
        assertThat(rec.at(RUN + ".products")).isEmpty();
        assertThat(rec.column(RUN + "." + SeedData.HOSTILE, "contact\" e-mail", "EMAIL").occurrences()).isEqualTo(2);
        try (Connection c = DriverManager.getConnection(url, MARIADB_USER, MARIADB_PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM y")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void failedLoginNeverShowsThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:5432/no_such_db_" + RUN + "?password=" + SECRET + "&user=postgres";
        DatabaseTarget target = new DatabaseTarget(url, "postgres", SECRET);

        assertThat(target.toString()).doesNotContain(SECRET);
        assertThat(target.displayUrl()).doesNotContain(SECRET).contains("password=***");
        assertThatThrownBy(() -> DatabaseScanner.scan(target, ScanMode.FAST, SeedData.scanner(), new SeedData.Recorder()))
                .isInstanceOf(DatabaseScanException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void jdbcUrlsAreRedacted() {
        assertThat(JdbcUrls.redact("jdbc:sqlserver://db:1433;databaseName=crm;user=sa;password=" + SECRET + ";encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db:1433;databaseName=crm;user=sa;password=***;encrypt=true");
        assertThat(JdbcUrls.redact("jdbc:mariadb://app:" + SECRET + "@db:3306/crm")).isEqualTo("jdbc:mariadb://app:***@db:3306/crm");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/crm?user=app&password=" + SECRET + "&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/crm?user=app&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:h2:file:./data/x;USER=sa;PASSWORD=" + SECRET)).doesNotContain(SECRET);
    }

    private static void assertNoSecret(SeedData.Recorder rec) {
        assertThat(rec.findings).allSatisfy(f -> assertThat(f.toString()).doesNotContain(SECRET));
        assertThat(rec.errors).allSatisfy(e -> assertThat(e.toString()).doesNotContain(SECRET));
    }
}
