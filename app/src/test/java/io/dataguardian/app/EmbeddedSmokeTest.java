package io.dataguardian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No configuration at all: H2 file database (here in a temp directory instead of ./data). */
class EmbeddedSmokeTest extends AbstractSmokeTest {

    /** Deleted by JUnit after every @AfterAll, so after the application is closed (a subclass's own @AfterAll runs first). */
    @TempDir
    static Path dataDir;

    @Override
    protected Map<String, String> settings() {
        return Map.of("dataguardian.data-dir", dataDir.toString());
    }

    @Override
    protected String[] expectedHealthComponents() {
        return new String[] {"db", "diskSpace"};
    }

    @Override
    protected String expectedModePrefix() {
        return "embedded (H2 file " + dataDir + "/dataguardian), in-process cache, sessions in database";
    }

    @Test
    void databaseFileIsCreatedAndNoRedisIsReported() {
        assertThat(dataDir.resolve("dataguardian.mv.db")).exists();
        assertThat(app.browser().get("/actuator/health").body()).doesNotContain("redis");
    }

    @Test
    void restartKeepsTheAdministratorAndPrintsNoNewPassword() {
        String password = adminPassword;
        app.close();
        app = RunningApp.start(settings());
        assertThat(app.printedAdminPassword()).isNull();
        assertThat(app.startupOutput()).doesNotContain(password);
        RunningApp.Browser browser = app.browser();
        browser.login("admin", password);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }
}
