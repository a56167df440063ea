package io.dataguardian.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application's DataSource as Boot builds it, with this package's configuration on top. */
class DatabaseConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourcePoolMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class))
            .withUserConfiguration(DatabaseConfiguration.class)
            .withBean(PgStatStatements.class)
            .withBean(DatabaseStatistics.class)
            .withPropertyValues("spring.datasource.url=" + TestDatabase.PG_URL,
                    "spring.datasource.username=" + TestDatabase.PG_USER,
                    "dataguardian.db.slow-query-threshold=50ms");

    @Test
    void postgresConnectionsCarryTheTimeoutsAndThePoolIsSizedAndMeasured() {
        runner.run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(dataSource).isInstanceOf(FailFastDataSource.class);
            assertThat(((FailFastDataSource) dataSource).getTargetDataSource()).isInstanceOf(ProxyDataSource.class);
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            assertThat(hikari.getMaximumPoolSize()).isEqualTo(10);
            assertThat(hikari.getMinimumIdle()).isEqualTo(2);
            assertThat(hikari.getConnectionTimeout()).isEqualTo(10_000);
            assertThat(hikari.getLeakDetectionThreshold()).isEqualTo(60_000);

            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("30s");
            assertThat(jdbc.sql("show lock_timeout").query(String.class).single()).isEqualTo("10s");
            assertThat(jdbc.sql("show idle_in_transaction_session_timeout").query(String.class).single()).isEqualTo("5min");
            try (Connection c = dataSource.getConnection()) {
                assertThat(c.unwrap(PGConnection.class)).as("COPY needs the driver's connection").isNotNull();
            }

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("hikaricp.connections.active").gauge()).as("Boot's pool meters").isNotNull();
            assertThat(registry.find("hikaricp.connections.max").gauge().value()).isEqualTo(10);
            assertThat(registry.find("dataguardian.db.query").tag("query", "show").timer().count()).isEqualTo(3);

            DatabaseStatistics.Snapshot snapshot = context.getBean(DatabaseStatistics.class).snapshot();
            assertThat(snapshot.pool().max()).isEqualTo(10);
            assertThat(snapshot.pool().total()).isGreaterThanOrEqualTo(1);
            assertThat(snapshot.queries()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void aSlowStatementIsLoggedOnceAndCountedInTheTopList() {
        runner.run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            for (int i = 0; i < 3; i++) {
                jdbc.sql("select pg_sleep(0.06), 'secret-literal' as x").query().singleRow();
            }
            jdbc.sql("select 1").query().singleRow();
            SlowQueryLog log = context.getBean(SlowQueryLog.class);
            assertThat(log.slowCount()).isEqualTo(3);
            assertThat(log.top(10)).singleElement().satisfies(e -> {
                assertThat(e.count()).isEqualTo(3);
                assertThat(e.statement()).doesNotContain("secret-literal").contains("pg_sleep(?)");
                assertThat(e.max().toMillis()).isGreaterThanOrEqualTo(60);
                assertThat(e.mean()).isLessThanOrEqualTo(e.max());
            });
            assertThat(context.getBean(MeterRegistry.class).find("dataguardian.db.slow.queries").functionCounter().count())
                    .isEqualTo(3);
        });
    }

    @Test
    void withoutPgStatStatementsPreloadedTheReportSaysHowToEnableIt() {
        runner.run(context -> {
            PgStatStatements.Report report = context.getBean(PgStatStatements.class).top(10);
            boolean preloaded = JdbcClient.create(context.getBean(DataSource.class))
                    .sql("show shared_preload_libraries").query(String.class).single().contains("pg_stat_statements");
            if (preloaded) {
                assertThat(report.available() || report.message().contains("CREATE EXTENSION")).isTrue();
            } else {
                assertThat(report.available()).isFalse();
                assertThat(report.message()).contains("shared_preload_libraries").contains("CREATE EXTENSION");
            }
        });
    }

    @Test
    void onH2TheSameConfigurationAppliesWithoutPostgresOptions() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:cfg;MODE=PostgreSQL", "spring.datasource.username=sa",
                "dataguardian.db.pool.max-size=5", "dataguardian.db.pool.min-idle=1").run(context -> {
            HikariDataSource hikari = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
            assertThat(hikari.getMaximumPoolSize()).isEqualTo(5);
            assertThat(hikari.getMinimumIdle()).isEqualTo(1);
            assertThat(hikari.getDataSourceProperties()).doesNotContainKey("options");
            assertThat(context.getBean(PgStatStatements.class).top(5).available()).isFalse();
        });
    }
}
