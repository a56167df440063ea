package io.dataguardian.app.db;

import io.dataguardian.app.cache.TwoTierCacheManager;
import io.dataguardian.app.finding.FindingPage;
import io.dataguardian.app.scan.ScanCacheEntry;
import io.dataguardian.app.scan.ScanCacheKeys;
import io.dataguardian.app.scan.ScanStatistics;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the value types of the namespaces the query result cache uses, so the two-tier cache can
 * share them through Redis (it decodes an entry only to the type its namespace declares; without one
 * a namespace stays in each node's heap). Nothing happens with any other cache manager.
 */
@Configuration(proxyBeanMethods = false)
public class QueryCacheConfiguration {

    @Bean
    static BeanPostProcessor queryCacheValueTypes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TwoTierCacheManager manager) {
                    manager.valueType(ScanCacheKeys.SCANS, ScanCacheEntry.class)
                            .valueType(ScanCacheKeys.FINDINGS, FindingPage.class)
                            .valueType(ScanCacheKeys.DASHBOARD, ScanStatistics.class)
                            .valueType(ScanCacheKeys.PROGRESS, ScanCacheKeys.LiveProgress.class);
                }
                return bean;
            }
        };
    }
}
