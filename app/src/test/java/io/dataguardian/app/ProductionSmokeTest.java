package io.dataguardian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The production way to run: real PostgreSQL and real Redis. Each run migrates its own schema and
 * keeps its sessions under its own Redis namespace, so concurrent runs do not collide; both are
 * removed afterwards.
 */
class ProductionSmokeTest extends AbstractSmokeTest {

    private final String run = "smoke_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String schema = run;
    private final String sessionNamespace = "dataguardian:test:" + run;

    @Override
    protected Map<String, String> settings() {
        execute("CREATE SCHEMA " + schema);
        String separator = TestInfrastructure.PG_URL.contains("?") ? "&" : "?";
        return Map.of(
                "dataguardian.db.url", TestInfrastructure.PG_URL + separator + "currentSchema=" + schema,
                "dataguardian.db.user", TestInfrastructure.PG_USER,
                "dataguardian.db.password", TestInfrastructure.PG_PASSWORD,
                "dataguardian.redis.url", TestInfrastructure.REDIS_URL,
                "spring.session.data.redis.namespace", sessionNamespace);
    }

    @Override
    protected String[] expectedHealthComponents() {
        return new String[] {"db", "redis"};
    }

    @Override
    protected String expectedModePrefix() {
        return "PostgreSQL " + TestInfrastructure.PG_URL;
    }

    @Test
    void sessionsLiveInRedis() {
        StringRedisTemplate redis = app.context().getBean(StringRedisTemplate.class);
        RunningApp.Browser browser = app.browser();
        browser.login("admin", adminPassword);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(redis.keys(sessionNamespace + ":sessions:*")).isNotEmpty();
        assertThat(firstStartOutput).contains("sessions in Redis");
    }

    @AfterAll
    void removeSchemaAndSessions() {
        if (app != null && app.context().isActive()) {
            StringRedisTemplate redis = app.context().getBean(StringRedisTemplate.class);
            Set<String> keys = redis.keys(sessionNamespace + ":*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
            app.close();
        }
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.PG_URL, TestInfrastructure.PG_USER,
                TestInfrastructure.PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL at " + TestInfrastructure.PG_URL
                    + " is needed (run scripts/services): " + ex.getMessage(), ex);
        }
    }
}
