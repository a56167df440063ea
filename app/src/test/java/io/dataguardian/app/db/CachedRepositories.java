package io.dataguardian.app.db;

import io.dataguardian.app.cache.TwoTierCacheConfiguration;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.scan.ScanCacheKeys;
import io.dataguardian.app.scan.ScanRepository;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scan and finding repositories behind the application's own two-tier cache manager and query cache
 * configuration, on one test database: the context the query-cache tests run their reads and writes in.
 */
@TestConfiguration(proxyBeanMethods = false) // a TestComponent: never picked up by the application's component scan
@Import({TwoTierCacheConfiguration.class, QueryCacheConfiguration.class, ScanCacheKeys.class})
public class CachedRepositories {

    private static TestDatabase db;

    /** A runner whose contexts use {@code database}; set before each run (tests of one class run one at a time). */
    public static ApplicationContextRunner runner(TestDatabase database) {
        db = database;
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class))
                .withUserConfiguration(CachedRepositories.class);
    }

    @Bean
    ScanRepository scanRepository() {
        return new ScanRepository(db.dataSource(), Clock.systemUTC());
    }

    @Bean
    FindingRepository findingRepository() {
        return new FindingRepository(db.dataSource(), JsonMapper.builder().build());
    }
}
