package io.dataguardian.app.cache;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The cache beans. Without {@code dataguardian.redis.url} the cache is Caffeine only; with it, two-tier.
 * Nothing here connects to Redis at start-up, so the application starts while Redis is down.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableConfigurationProperties(CacheProperties.class)
public class TwoTierCacheConfiguration {

    @Bean
    CacheCodec cacheCodec() {
        return new CacheCodec();
    }

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfiguredCondition.class)
    RedisTier cacheRedisTier(CacheProperties props, Environment env) {
        return new RedisTier(env.getRequiredProperty(RedisConfiguredCondition.URL_PROPERTY), props,
                UUID.randomUUID().toString());
    }

    /** Also a MeterBinder: Boot binds it to the registry, so every namespace has meters from start-up. */
    @Bean
    TwoTierCache twoTierCache(CacheProperties props, CacheCodec codec, ObjectProvider<RedisTier> redis) {
        return new TwoTierCache(props, codec, redis.getIfAvailable());
    }

    @Bean
    CacheManager cacheManager(TwoTierCache cache, CacheCodec codec, CacheProperties props) {
        return new TwoTierCacheManager(cache, codec, props);
    }

    @Bean(OrgKeyGenerator.BEAN_NAME)
    KeyGenerator orgKeyGenerator() {
        return new OrgKeyGenerator();
    }

    @Bean
    CacheAdminService cacheAdminService(TwoTierCache cache) {
        return new CacheAdminService(cache);
    }
}
