package io.dataguardian.app.db;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pool settings, statement timing and the slow-query log of the application's DataSource. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    @Bean
    static DataSourcePostProcessor dataguardianDataSourcePostProcessor() {
        return new DataSourcePostProcessor();
    }

    @Bean
    SlowQueryLog slowQueryLog(DatabaseProperties properties) {
        return new SlowQueryLog(properties.getSlowQueryThreshold(), properties.getSlowQueryTop());
    }
}
