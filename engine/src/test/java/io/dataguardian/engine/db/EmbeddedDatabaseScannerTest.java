package io.dataguardian.engine.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 and SQLite, in-process. */
class EmbeddedDatabaseScannerTest {

    @TempDir
    Path dir;

    @Test
    void h2CustomerDatabaseIsScannedByNameAndValues() throws Exception {
        String url = "jdbc:h2:mem:dg" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
            SeedData.seed(keep, keep.getMetaData().getIdentifierQuoteString(), "");
            SeedData.Recorder rec = new SeedData.Recorder();

            DatabaseScanSummary summary = DatabaseScanner.scan(new DatabaseTarget(url, "sa", ""), ScanMode.SMART,
                    SeedData.scanner(), rec);

            assertThat(rec.errors).isEmpty();
            assertThat(summary.tablesFound()).isEqualTo(5);
            assertCustomerFindings(rec, "PUBLIC.CUSTOMERS", "EMAIL", "BSN", "IBAN", "NAAM", "GEBOORTEDATUM", "TELEFOON");
            assertThat(rec.column("PUBLIC.ORDERS", "PAYMENT", "CREDIT_CARD").attributes())
                    .containsEntry("method", "values");
            assertThat(rec.at("PUBLIC.PRODUCTS")).isEmpty();
            assertThat(rec.column("PUBLIC." + SeedData.HOSTILE, "contact\" e-mail", "EMAIL").occurrences()).isEqualTo(2);
            try (Statement s = keep.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM y")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1); // the hostile name was data, not SQL
            }
        }
    }

    @Test
    void sqliteFileIsScannedReadOnly() throws Exception {
        Path file = dir.resolve("klanten.db");
        String url = "jdbc:sqlite:" + file;
        try (Connection c = DriverManager.getConnection(url)) {
            SeedData.seed(c, c.getMetaData().getIdentifierQuoteString(), "");
        }
        long sizeBefore = Files.size(file);
        SeedData.Recorder rec = new SeedData.Recorder();

        DatabaseScanSummary summary = DatabaseScanner.scan(DatabaseTarget.of(url), ScanMode.FAST, SeedData.scanner(), rec);

        assertThat(rec.errors).isEmpty();
        assertThat(summary.tablesScanned()).isEqualTo(5);
        assertCustomerFindings(rec, "main.customers", "email", "bsn", "iban", "naam", "geboortedatum", "telefoon");
        assertThat(rec.column("main." + SeedData.HOSTILE, "contact\" e-mail", "EMAIL").attributes())
                .containsEntry("share", "1.000");
        assertThat(Files.size(file)).isEqualTo(sizeBefore);
        assertThat(Files.exists(dir.resolve("klanten.db-journal"))).isFalse();
    }

    @Test
    void fastModeReadsAtMostItsRowLimitPerTable() throws Exception {
        String url = "jdbc:h2:mem:dgbig" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection keep = DriverManager.getConnection(url, "sa", "");
             Statement s = keep.createStatement()) {
            s.execute("CREATE TABLE accounts AS SELECT X AS id, CONCAT('user', X, '@voorbeeld.nl') AS email"
                    + " FROM SYSTEM_RANGE(1, 20000)");
            SeedData.Recorder rec = new SeedData.Recorder();

            DatabaseScanSummary summary = DatabaseScanner.scan(new DatabaseTarget(url, "sa", ""), ScanMode.FAST,
                    SeedData.scanner(), rec);

            assertThat(summary.maxRowsOneTable()).isEqualTo(100);
            assertThat(rec.column("PUBLIC.ACCOUNTS", "EMAIL", "EMAIL").attributes())
                    .containsEntry("sampledValues", "100")
                    .containsEntry("estimatedRows", "20000")
                    .containsEntry("method", "both");
        }
    }

    static void assertCustomerFindings(SeedData.Recorder rec, String table, String email, String bsn, String iban,
                                       String naam, String dob, String phone) {
        var mail = rec.column(table, email, "EMAIL");
        assertThat(mail.attributes()).containsEntry("method", "both").containsEntry("share", "1.000")
                .containsEntry("estimatedRows", String.valueOf(SeedData.CUSTOMERS));
        assertThat(mail.maskedValue()).isNotBlank().doesNotContain("@voorbeeld.nl".substring(0, 0) + ".1@");
        assertThat(mail.confidence()).isGreaterThan(0.7);
        assertThat(rec.column(table, bsn, "BSN").attributes().get("method")).isIn("both", "values");
        assertThat(rec.column(table, iban, "IBAN").attributes().get("method")).isIn("both", "values");
        assertThat(rec.column(table, naam, "PERSON_NAME").attributes()).containsKey("method");
        assertThat(rec.column(table, dob, "DATE_OF_BIRTH").attributes()).containsKey("method");
        assertThat(rec.column(table, phone, "PHONE_NUMBER").attributes().get("method")).isIn("both", "values");
        assertThat(rec.findings).allSatisfy(f -> {
            assertThat(f.maskedValue()).doesNotContainPattern("[a-z]+\\.[0-9]+@voorbeeld\\.nl");
            assertThat(f.attributes().values()).noneMatch(v -> v.contains("@voorbeeld.nl"));
        });
    }
}
