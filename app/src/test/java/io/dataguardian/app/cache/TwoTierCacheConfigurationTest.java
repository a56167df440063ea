package io.dataguardian.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wiring the application gets by component scan, in a context of its own (no full application). */
class TwoTierCacheConfigurationTest {

    public record Score(String scanId, int value) {
    }

    /** Stands for a feature service using the Spring cache annotations. */
    public static class ScoreService {
        private final AtomicInteger calls = new AtomicInteger();

        public int calls() {
            return calls.get();
        }

        @Cacheable(cacheNames = CacheNamespaces.COMPLIANCE_SCORES, keyGenerator = OrgKeyGenerator.BEAN_NAME)
        public Score score(String org, String scanId) {
            calls.incrementAndGet();
            return new Score(scanId, org.length() * 10);
        }

        @CacheEvict(cacheNames = CacheNamespaces.COMPLIANCE_SCORES, keyGenerator = OrgKeyGenerator.BEAN_NAME)
        public void rescored(String org, String scanId) {
        }

        @Cacheable(cacheNames = CacheNamespaces.COMPLIANCE_SCORES)
        public Score withoutOrganisation(String scanId) {
            return new Score(scanId, 0);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Features {
        @Bean
        ScoreService scoreService() {
            return new ScoreService();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class))
            .withUserConfiguration(TwoTierCacheConfiguration.class, Features.class);

    @Test
    void withoutRedisTheCacheIsCaffeineOnlyAndTheAnnotationsWork() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(RedisTier.class);
            assertThat(ctx.getBean(CacheManager.class)).isInstanceOf(TwoTierCacheManager.class);

            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            for (String ns : CacheProperties.defaults().keySet()) {
                assertThat(registry.find("dataguardian.cache.gets").tag("namespace", ns).functionCounters())
                        .as("meters for %s exist before first use", ns).hasSize(4);
                assertThat(registry.find("dataguardian.cache.hit.ratio").tag("namespace", ns).gauges()).hasSize(3);
            }

            ScoreService service = ctx.getBean(ScoreService.class);
            assertThat(service.score("acme", "s1")).isEqualTo(new Score("s1", 40));
            assertThat(service.score("acme", "s1")).isEqualTo(new Score("s1", 40));
            assertThat(service.calls()).isEqualTo(1);
            assertThat(service.score("globex", "s1").value()).isEqualTo(60);
            assertThat(service.calls()).isEqualTo(2);
            service.rescored("acme", "s1");
            service.score("acme", "s1");
            assertThat(service.calls()).isEqualTo(3);

            assertThat(registry.get("dataguardian.cache.gets")
                    .tags("namespace", CacheNamespaces.COMPLIANCE_SCORES, "tier", "l1", "result", "hit")
                    .functionCounter().count()).isEqualTo(1);
            assertThatThrownBy(() -> service.withoutOrganisation("s1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("organisation");
            assertThat(ctx.getBean(CacheAdminService.class).redisMemory().available()).isFalse();
            assertThat(ctx.getBean(CacheAdminService.class).breakerState()).isEqualTo("DISABLED");
        });
    }

    @Test
    void namespacesAreConfigurableAndKeepTheirDefaults() {
        runner.withPropertyValues("dataguardian.cache.namespaces.dashboard.ttl=30s",
                        "dataguardian.cache.namespaces.reports.ttl=10m")
                .run(ctx -> {
                    TwoTierCache cache = ctx.getBean(TwoTierCache.class);
                    assertThat(cache.ttl(CacheNamespaces.DASHBOARD)).isEqualTo(Duration.ofSeconds(30));
                    assertThat(cache.ttl("reports")).isEqualTo(Duration.ofMinutes(10));
                    assertThat(cache.ttl(CacheNamespaces.SCAN_RESULTS)).isEqualTo(Duration.ofHours(2));
                    assertThat(cache.ttl(CacheNamespaces.COMPLIANCE_SCORES)).isEqualTo(Duration.ofHours(1));
                    assertThat(cache.ttl(CacheNamespaces.LARGE_DATASETS)).isEqualTo(Duration.ofHours(4));
                    assertThat(cache.ttl(CacheNamespaces.DEFAULT)).isEqualTo(Duration.ofHours(1));
                    assertThat(ctx.getBean(MeterRegistry.class).find("dataguardian.cache.gets")
                            .tag("namespace", "reports").functionCounters()).hasSize(4);
                });
    }

    @Test
    void withRedisTheSpringViewStoresDeclaredTypesInRedis() {
        String prefix = "dgtest-" + UUID.randomUUID().toString().substring(0, 8);
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            runner.withPropertyValues("dataguardian.redis.url=redis://127.0.0.1:6379",
                            "dataguardian.cache.key-prefix=" + prefix, "dataguardian.cache.redis-timeout=1s",
                            "dataguardian.cache.namespaces.compliance-scores.value-type=" + Score.class.getName())
                    .run(ctx -> {
                        assertThat(ctx).hasSingleBean(RedisTier.class);
                        ScoreService service = ctx.getBean(ScoreService.class);
                        service.score("acme", "s1");
                        String key = prefix + ":" + CacheNamespaces.COMPLIANCE_SCORES + ":acme:s1";
                        assertThat(redis.sync().get(key)).contains("\"scanId\":\"s1\"").doesNotContain("@class");
                        assertThat(ctx.getBean(MeterRegistry.class).get("dataguardian.cache.breaker.state")
                                .gauge().value()).isZero();
                        service.rescored("acme", "s1");
                        assertThat(redis.sync().exists(key)).isZero();
                    });
            assertThat(redis.sync().keys(prefix + ":*")).isEmpty(); // test clean-up check on a tiny test prefix
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theApplicationStartsAndServesWhileRedisIsDown() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        runner.withPropertyValues("dataguardian.redis.url=redis://127.0.0.1:" + closedPort)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    ScoreService service = ctx.getBean(ScoreService.class);
                    for (int i = 0; i < 10; i++) {
                        assertThat(service.score("acme", "s" + i).scanId()).isEqualTo("s" + i);
                    }
                    assertThat(service.score("acme", "s1").scanId()).isEqualTo("s1");
                    assertThat(ctx.getBean(CacheAdminService.class).breakerState()).isNotEqualTo("CLOSED");
                    assertThat(ctx.getBean(CacheAdminService.class).redisMemory().available()).isFalse();
                });
    }
}
