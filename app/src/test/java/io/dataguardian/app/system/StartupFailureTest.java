package io.dataguardian.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.TestInfrastructure;

/** A wrong database setting stops start-up with one line naming the setting, not a stack trace. */
class StartupFailureTest {

    @Test
    void urlThatIsNotPostgresNamesTheUrlSetting() {
        String output = startExpectingFailure(Map.of("dataguardian.db.url", "jdbc:mysql://127.0.0.1:3306/x"));
        assertThat(output).contains("DATAGUARDIAN_DB_URL: expected a PostgreSQL JDBC URL");
    }

    @Test
    void unreachableDatabaseNamesTheUrlSetting() {
        String output = startExpectingFailure(Map.of(
                "dataguardian.db.url", "jdbc:postgresql://127.0.0.1:" + TestInfrastructure.closedPort() + "/dataguardian"));
        assertThat(output).contains("DATAGUARDIAN_DB_URL: cannot reach the database");
    }

    @Test
    void missingDatabaseNamesTheUrlSetting() {
        String output = startExpectingFailure(Map.of(
                "dataguardian.db.url", pgServer() + "/no_such_database_dg",
                "dataguardian.db.user", TestInfrastructure.PG_USER,
                "dataguardian.db.password", TestInfrastructure.PG_PASSWORD));
        assertThat(output).contains("DATAGUARDIAN_DB_URL: the database named in the URL does not exist");
    }

    @Test
    void refusedLoginNamesTheUserOrPasswordSettingAndHidesThePassword() {
        String output = startExpectingFailure(Map.of(
                "dataguardian.db.url", TestInfrastructure.PG_URL,
                "dataguardian.db.user", "no_such_role_dg",
                "dataguardian.db.password", "s3cret-not-to-be-logged"));
        // a trust-authentication server says the role does not exist; a password server only says
        // "password authentication failed" (it does not reveal which users exist)
        assertThat(output).containsAnyOf("DATAGUARDIAN_DB_USER: the database refused the user",
                        "DATAGUARDIAN_DB_PASSWORD (or DATAGUARDIAN_DB_USER): the database refused the password")
                .doesNotContain("s3cret-not-to-be-logged");
    }

    private static String pgServer() {
        String url = TestInfrastructure.PG_URL;
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        return slash < 0 ? url : url.substring(0, slash);
    }

    private static String startExpectingFailure(Map<String, String> settings) {
        String output = RunningApp.startExpectingFailure(settings).output();
        assertThat(output).contains("APPLICATION FAILED TO START");
        assertThat(output.lines().filter(l -> l.startsWith("\tat ")))
                .as("no stack trace in the start-up output").isEmpty();
        return output;
    }
}
