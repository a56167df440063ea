package io.dataguardian.app.dashboard;

import io.dataguardian.app.cache.CacheAdminService;
import io.dataguardian.app.db.DatabaseStatistics;
import io.dataguardian.app.monitor.MonitorService;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's one sampler and one broadcaster for the whole node. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    DashboardSampler dashboardSampler(MeterRegistry registry, DatabaseStatistics database,
                                      ObjectProvider<CacheAdminService> cache, ObjectProvider<MonitorService> monitor,
                                      DataSource dataSource) {
        return new DashboardSampler(registry, database, cache.getIfAvailable(), monitor.getIfAvailable(),
                new ScanActivity(JdbcClient.create(dataSource)));
    }

    @Bean
    DashboardBroadcaster dashboardBroadcaster(DashboardSampler sampler) {
        return new DashboardBroadcaster(sampler);
    }
}
