package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.scan.ScanEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataguardian scan jdbc:...} routed to the engine's database scanner. */
class DatabaseTargetCliTest {

    static final String SECRET = "Sup3rS3cretPw!";

    @TempDir
    Path dir;
    @TempDir
    Path home;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> envVars = new HashMap<>();

    int run(String... args) {
        CliEnvironment env = new CliEnvironment(envVars, home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, ScanEngine::new,
                () -> Catalogue.standard().detectors());
        return DataGuardianCli.execute(env, args);
    }

    @Test
    void sqliteDatabaseIsScannedAndReportedAsJson() throws Exception {
        Path db = dir.resolve("crm.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE klanten (id INTEGER PRIMARY KEY, email TEXT, bsn TEXT)");
            s.execute("INSERT INTO klanten VALUES (1, 'jan.jansen@voorbeeld.nl', '111222333')");
            s.execute("INSERT INTO klanten VALUES (2, 'piet.devries@voorbeeld.nl', '123456782')");
        }

        int code = run("scan", "jdbc:sqlite:" + db, "--db-mode", "fast", "--format", "json", "--fail-on", "medium");

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(report).contains("main.klanten").contains("column email").contains("column bsn")
                .doesNotContain("jan.jansen@voorbeeld.nl").doesNotContain("111222333");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tables");
    }

    @Test
    void passwordComesFromTheEnvironmentAndIsNeverPrinted() {
        envVars.put("DG_DB_PASSWORD", SECRET);
        String url = "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2&password=" + SECRET;

        int code = run("scan", url, "--db-user", "postgres", "--db-password-env", "DG_DB_PASSWORD");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot connect").doesNotContain(SECRET);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }

    @Test
    void missingPasswordVariableIsAUsageError() {
        int code = run("scan", "jdbc:sqlite:" + dir.resolve("x.db"), "--db-password-env", "NOT_SET_ANYWHERE");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NOT_SET_ANYWHERE").contains("not set");
    }

    @Test
    void unknownModeIsAUsageError() {
        assertThat(run("scan", "jdbc:sqlite:" + dir.resolve("x.db"), "--db-mode", "turbo")).isEqualTo(2);
    }
}
