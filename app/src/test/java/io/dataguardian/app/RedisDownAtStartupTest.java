package io.dataguardian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis configured but not answering at start-up: the app starts, says so, reports redis DOWN and serves
 * logins with sessions in the database. Runs on the real PostgreSQL, so it also covers Spring Session's
 * JDBC tables there.
 */
class RedisDownAtStartupTest {

    @Test
    void startsWithSessionsInTheDatabaseAndHealthShowsRedisDown() {
        String schema = TestInfrastructure.createSchema("redisdown");
        int port = TestInfrastructure.closedPort();
        try (RunningApp app = RunningApp.start(Map.of(
                "dataguardian.db.url", TestInfrastructure.urlFor(schema),
                "dataguardian.db.user", TestInfrastructure.PG_USER,
                "dataguardian.db.password", TestInfrastructure.PG_PASSWORD,
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
            assertThat(JdbcClient.create(app.context().getBean(DataSource.class))
                    .sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single()).isPositive();
            // a password given by DATAGUARDIAN_ADMIN_PASSWORD is never echoed
            assertThat(app.startupOutput()).doesNotContain("correct horse battery");
        } finally {
            TestInfrastructure.dropSchema(schema);
        }
    }
}
