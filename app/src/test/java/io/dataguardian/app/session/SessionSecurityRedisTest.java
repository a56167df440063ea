package io.dataguardian.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;

import io.dataguardian.app.TestInfrastructure;
import io.dataguardian.app.account.Role;

/**
 * The production way: real PostgreSQL (own schema) and real Redis (own session namespace), Spring Session's indexed
 * Redis repository; plus the Redis-only housekeeping: stale index ids pruned, cleanup run by one node a minute.
 */
class SessionSecurityRedisTest extends AbstractSessionSecurityTest {

    private String schema;
    private final String namespace = "dataguardian:test:" + UUID.randomUUID();

    @Override
    protected Map<String, String> settings() {
        schema = TestInfrastructure.createSchema("sess");
        return Map.of(
                "dataguardian.db.url", TestInfrastructure.urlFor(schema),
                "dataguardian.db.user", TestInfrastructure.PG_USER,
                "dataguardian.db.password", TestInfrastructure.PG_PASSWORD,
                "dataguardian.redis.url", TestInfrastructure.REDIS_URL,
                "spring.session.data.redis.namespace", namespace,
                "dataguardian.cache.key-prefix", namespace + ":cache",
                "dataguardian.auth.address-max-failures", "100000");
    }

    @Override
    protected String expectedStore() {
        return "redis";
    }

    @Test
    void staleIdsInThePerUserIndexAreRemovedWhenRead() {
        var redis = app.context().getBean(RedisIndexedSessionRepository.class).getSessionRedisOperations();
        String name = user(orgA, Role.VIEWER);
        loggedIn(name);
        String index = ((RedisSessionStore) store).indexKey(name);
        redis.opsForSet().add(index, "expired-session-1", "expired-session-2");
        assertThat(redis.opsForSet().size(index)).isEqualTo(3L);
        assertThat(store.sessionsOf(name)).hasSize(1);
        assertThat(redis.opsForSet().members(index)).hasSize(1).doesNotContain("expired-session-1");
    }

    @Test
    void onlyOneNodeCleansUpPerMinute() {
        StringRedisTemplate redis = app.context().getBean(StringRedisTemplate.class);
        redis.delete(namespace + ":lock:cleanup");
        RedisSessionStore redisStore = (RedisSessionStore) store;
        assertThat(redisStore.cleanUpIfFirst()).isTrue();
        assertThat(redisStore.cleanUpIfFirst()).as("a second node within the minute").isFalse();
    }

    @AfterAll
    void removeSchemaAndSessions() {
        if (app != null && app.context().isActive()) {
            TestInfrastructure.deleteRedisKeys(app.context().getBean(StringRedisTemplate.class), namespace);
            app.close();
        }
        if (schema != null) {
            TestInfrastructure.dropSchema(schema);
        }
    }
}
