package io.dataguardian.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.dataguardian.app.TestInfrastructure;

/** The per-address limit shared by two nodes through the real Redis, and each node's own count when Redis fails. */
class LoginThrottleRedisTest {

    private final String prefix = "dataguardian:test:" + UUID.randomUUID();
    private final AuthProperties limits = new AuthProperties(5, Duration.ofMinutes(5), 3, Duration.ofMinutes(5));
    private LettuceConnectionFactory factory;
    private LettuceConnectionFactory deadFactory;

    private StringRedisTemplate template(int port, Duration timeout, boolean dead) {
        URI uri = URI.create(TestInfrastructure.REDIS_URL);
        LettuceConnectionFactory f = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), port),
                LettuceClientConfiguration.builder().commandTimeout(timeout).build());
        f.afterPropertiesSet();
        f.start();
        if (dead) {
            deadFactory = f;
        } else {
            factory = f;
        }
        StringRedisTemplate t = new StringRedisTemplate(f);
        t.afterPropertiesSet();
        return t;
    }

    private StringRedisTemplate realRedis() {
        return template(URI.create(TestInfrastructure.REDIS_URL).getPort(), Duration.ofSeconds(2), false);
    }

    @AfterEach
    void cleanUp() {
        if (factory != null) {
            StringRedisTemplate t = new StringRedisTemplate(factory);
            t.afterPropertiesSet();
            Set<String> keys = t.keys(prefix + ":*");
            if (keys != null && !keys.isEmpty()) {
                t.delete(keys);
            }
            factory.destroy();
        }
        if (deadFactory != null) {
            deadFactory.destroy();
        }
    }

    @Test
    void failuresOnTwoNodesAddUpForOneAddress() {
        StringRedisTemplate redis = realRedis();
        LoginThrottle nodeA = new LoginThrottle(null, limits, Clock.systemUTC(), new AddressFailureCounter(redis, prefix));
        LoginThrottle nodeB = new LoginThrottle(null, limits, Clock.systemUTC(), new AddressFailureCounter(redis, prefix));

        nodeA.recordAddressFailure("10.1.2.0/24");
        nodeA.recordAddressFailure("10.1.2.0/24");
        assertThat(nodeB.addressBlocked("10.1.2.0/24")).isFalse();
        nodeB.recordAddressFailure("10.1.2.0/24");

        assertThat(nodeA.addressBlocked("10.1.2.0/24")).as("3 failures across two nodes").isTrue();
        assertThat(nodeB.addressBlocked("10.1.2.0/24")).isTrue();
        assertThat(nodeA.addressBlocked("10.1.3.0/24")).as("another address").isFalse();
        Long ttl = redis.getExpire(prefix + ":auth:fail:10.1.2.0/24");
        assertThat(ttl).as("the window's expiry, in seconds").isBetween(1L, 300L);
    }

    @Test
    void theWindowEndsInRedis() throws InterruptedException {
        StringRedisTemplate redis = realRedis();
        AuthProperties shortWindow = new AuthProperties(5, Duration.ofMinutes(5), 2, Duration.ofMillis(300));
        AddressFailureCounter counter = new AddressFailureCounter(redis, prefix);
        LoginThrottle node = new LoginThrottle(null, shortWindow, Clock.systemUTC(), counter);
        node.recordAddressFailure("10.9.9.0/24");
        node.recordAddressFailure("10.9.9.0/24");
        assertThat(counter.failures("10.9.9.0/24")).isEqualTo(2);
        Thread.sleep(600);
        assertThat(counter.failures("10.9.9.0/24")).as("key expired with the window").isZero();
    }

    @Test
    void withoutRedisEachNodeStillLimitsOnItsOwn() {
        StringRedisTemplate unreachable = template(TestInfrastructure.closedPort(), Duration.ofMillis(500), true);
        LoginThrottle node = new LoginThrottle(null, limits, Clock.systemUTC(), new AddressFailureCounter(unreachable, prefix));
        for (int i = 0; i < 3; i++) {
            assertThat(node.addressBlocked("10.7.7.0/24")).isFalse();
            node.recordAddressFailure("10.7.7.0/24");
        }
        assertThat(node.addressBlocked("10.7.7.0/24")).isTrue();
        assertThat(node.addressBlocked("10.7.8.0/24")).isFalse();
    }
}
