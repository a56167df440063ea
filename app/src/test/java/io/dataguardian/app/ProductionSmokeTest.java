package io.dataguardian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

    private String schema;
    private final String sessionNamespace = "dataguardian:test:" + UUID.randomUUID();

    @Override
    protected Map<String, String> settings() {
        if (schema == null) {
            schema = TestInfrastructure.createSchema("smoke");
        }
        return TestInfrastructure.productionSettings(schema, sessionNamespace);
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
            TestInfrastructure.deleteRedisKeys(app.context().getBean(StringRedisTemplate.class), sessionNamespace);
            app.close();
        }
        if (schema != null) {
            TestInfrastructure.dropSchema(schema);
        }
    }
}
