package io.dataguardian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Redis configured but not answering at start-up: the app starts, says so, reports redis DOWN and serves logins. */
class RedisDownAtStartupTest {

    @Test
    void startsWithSessionsInTheDatabaseAndHealthShowsRedisDown() throws IOException {
        Path dataDir = Files.createTempDirectory("dataguardian-redis-down");
        int port = TestInfrastructure.closedPort();
        try (RunningApp app = RunningApp.start(Map.of(
                "dataguardian.data-dir", dataDir.toString(),
                "dataguardian.redis.url", "redis://127.0.0.1:" + port,
                "dataguardian.admin.password", "correct horse battery"))) {
            assertThat(app.startupOutput())
                    .contains("Redis at redis://127.0.0.1:" + port + " did not answer at start-up")
                    .contains("UNREACHABLE at start-up, sessions in database");

            HttpResponse<String> health = app.browser().get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode components = JsonMapper.builder().build().readTree(health.body()).path("components");
            assertThat(components.path("redis").path("status").asString()).isEqualTo("DOWN");
            assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
            // the node stays in the load balancer: readiness does not depend on Redis
            assertThat(app.browser().get("/actuator/health/readiness").statusCode()).isEqualTo(200);

            RunningApp.Browser browser = app.browser();
            browser.login("admin", "correct horse battery");
            assertThat(browser.get("/").body()).contains("Signed in as");
            // a password given by DATAGUARDIAN_ADMIN_PASSWORD is never echoed
            assertThat(app.startupOutput()).doesNotContain("correct horse battery");
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
