package io.dataguardian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** No configuration at all: H2 file database (here in a temp directory instead of ./data). */
class EmbeddedSmokeTest extends AbstractSmokeTest {

    private final Path dataDir;

    EmbeddedSmokeTest() throws IOException {
        dataDir = Files.createTempDirectory("dataguardian-embedded");
    }

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

    @AfterAll
    void deleteDataDir() throws IOException {
        FileSystemUtils.deleteRecursively(dataDir);
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
