package io.dataguardian.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.Session;
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
        Map<String, String> settings = TestInfrastructure.productionSettings(schema, namespace);
        settings.put("dataguardian.auth.address-max-failures", "100000");
        return settings;
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

    /**
     * The administrator's list reads all members' sessions together: as many round trips for six members (and
     * eight sessions) as for one, where asking member by member costs one per member and one per session; what it
     * reads is what Spring Session's own lookup reads, and stale index ids are pruned on the way.
     */
    @Test
    void severalUsersSessionsAreReadInAFewRoundTripsWhateverTheirNumber() {
        long org = accounts.createOrganisation("Org trips " + Long.toString(System.nanoTime(), 36));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = user(org, Role.VIEWER);
            members.add(name);
            if (i < 5) {
                loggedIn(name);
            }
            if (i < 3) {
                loggedIn(name);
            }
        }
        var sessionOps = app.context().getBean(RedisIndexedSessionRepository.class).getSessionRedisOperations();
        sessionOps.opsForSet().add(((RedisSessionStore) store).indexKey(members.get(0)), "expired-session-1");

        RedisRoundTrips counter = new RedisRoundTrips();
        RedisSessionStore counted = storeThrough(counter);
        Map<String, Map<String, ? extends Session>> byUser = counted.sessionsByUser(members);
        assertThat(counter.trips()).as("the first read also prunes").hasSize(3).last().isEqualTo("pipeline of 1");
        assertThat(sessionOps.opsForSet().members(((RedisSessionStore) store).indexKey(members.get(0))))
                .hasSize(2).doesNotContain("expired-session-1");
        assertThat(byUser.keySet()).containsExactlyElementsOf(members);
        assertThat(byUser.values()).extracting(Map::size).containsExactly(2, 2, 2, 1, 1, 0);
        for (String member : members) {
            Map<String, ? extends Session> expected = store.sessionsOf(member);
            assertThat(byUser.get(member).keySet()).isEqualTo(expected.keySet());
            for (Session s : byUser.get(member).values()) {
                Session e = expected.get(s.getId());
                assertThat(s.getLastAccessedTime()).isEqualTo(e.getLastAccessedTime());
                assertThat(s.getMaxInactiveInterval()).isEqualTo(e.getMaxInactiveInterval());
                for (String attribute : List.of(SessionAttributes.LOGIN_AT, SessionAttributes.CLIENT_ADDRESS,
                        SessionAttributes.USER_AGENT)) {
                    assertThat((Object) s.getAttribute(attribute)).as(attribute).isNotNull()
                            .isEqualTo(e.getAttribute(attribute));
                }
            }
        }

        counter.reset();
        counted.sessionsByUser(members);
        assertThat(counter.trips()).containsExactly("pipeline of 6", "pipeline of 8");
        counter.reset();
        counted.sessionsByUser(members.subList(0, 1));
        assertThat(counter.trips()).containsExactly("pipeline of 1", "pipeline of 2");
        counter.reset();
        members.forEach(counted::sessionsOf);
        assertThat(counter.trips()).as("member by member").hasSize(6 + 8);
    }

    /** A store reading the app's sessions through its own connection factory, whose round trips are counted. */
    @SuppressWarnings("unchecked")
    private RedisSessionStore storeThrough(RedisRoundTrips counter) {
        RedisTemplate<String, Object> appTemplate = (RedisTemplate<String, Object>) app.context()
                .getBean(RedisIndexedSessionRepository.class).getSessionRedisOperations();
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setKeySerializer(appTemplate.getKeySerializer());
        template.setValueSerializer(appTemplate.getValueSerializer());
        template.setHashKeySerializer(appTemplate.getHashKeySerializer());
        template.setHashValueSerializer(appTemplate.getHashValueSerializer());
        template.setConnectionFactory(counter.counting(appTemplate.getRequiredConnectionFactory()));
        template.afterPropertiesSet();
        RedisIndexedSessionRepository sessions = new RedisIndexedSessionRepository(template);
        sessions.setRedisKeyNamespace(namespace);
        return new RedisSessionStore(sessions, app.context().getBean(StringRedisTemplate.class), namespace);
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
