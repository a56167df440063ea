package io.dataguardian.app.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Configures the application's DataSource: before initialisation, HikariCP gets the pool size and
 * timeouts of {@code dataguardian.db.*} (they win over {@code spring.datasource.hikari.*}); after it,
 * the DataSource is wrapped by datasource-proxy with the {@link QueryMetricsListener}. The wrapper
 * unwraps to the HikariDataSource, so Boot's {@code hikaricp.*} meters and health still find the pool.
 */
public class DataSourcePostProcessor implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware, Ordered {

    private BeanFactory beanFactory;
    private Environment environment;
    private DatabaseProperties properties;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        // after Boot has bound spring.datasource.hikari.*
        return Ordered.LOWEST_PRECEDENCE;
    }

    private DatabaseProperties properties() {
        if (properties == null) {
            properties = Binder.get(environment).bind("dataguardian.db", DatabaseProperties.class)
                    .orElseGet(DatabaseProperties::new);
        }
        return properties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof HikariDataSource hikari && !hikari.isRunning() && !hikari.isClosed()) {
            PoolSettings.apply(properties(), hikari);
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource
                || bean instanceof FailFastDataSource) {
            return bean;
        }
        if (!environment.getProperty("dataguardian.db.query-metrics", Boolean.class, true)) {
            return new FailFastDataSource(dataSource);
        }
        MeterRegistry registry = beanFactory.getBeanProvider(MeterRegistry.class).getIfAvailable(() -> Metrics.globalRegistry);
        SlowQueryLog slowQueries = beanFactory.getBeanProvider(SlowQueryLog.class).getIfAvailable(
                () -> new SlowQueryLog(properties().getSlowQueryThreshold(), properties().getSlowQueryTop()));
        // outermost: a request that fails fast during an outage never reaches the statement timing
        return new FailFastDataSource(ProxyDataSourceBuilder.create(beanName, dataSource)
                .listener(new QueryMetricsListener(registry, slowQueries))
                .build());
    }
}
