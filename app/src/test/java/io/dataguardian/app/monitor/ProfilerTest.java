package io.dataguardian.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The annotation and the programmatic API record the same meters; families switch off by property. */
class ProfilerTest {

    @Profiled("report")
    static class ReportService {
        public byte[] render(int size) {
            return new byte[size];
        }
    }

    static class ScanService {
        @Profiled("scan.extract")
        public String extract(String text) {
            return text.toUpperCase();
        }

        @Profiled("scan.fail")
        public void fail() {
            throw new IllegalStateException("broken");
        }

        public void notProfiled() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        MeterRegistry meterRegistry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }

        @Bean
        ScanService scanService() {
            return new ScanService();
        }

        @Bean
        ReportService reportService() {
            return new ReportService();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Beans.class, MonitorConfiguration.class)
            .withPropertyValues("dataguardian.monitor.sample-interval=1h");

    @Test
    void annotatedMethodsAreTimedWithOutcomeAndAllocation() {
        runner.run(ctx -> {
            ScanService scans = ctx.getBean(ScanService.class);
            ReportService reports = ctx.getBean(ReportService.class);
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            for (int i = 0; i < 10; i++) {
                scans.extract("abc");
                reports.render(1 << 20);
            }
            assertThatThrownBy(scans::fail).isInstanceOf(IllegalStateException.class);
            scans.notProfiled();

            Timer extract = registry.find(Profiler.TIMER).tags("family", "scan", "operation", "extract").timer();
            assertThat(extract.count()).isEqualTo(10);
            assertThat(registry.find(Profiler.TIMER)
                    .tags("operation", "fail", "outcome", "error", "exception", "IllegalStateException").timer().count())
                    .isEqualTo(1);
            assertThat(registry.find(Profiler.TIMER).tags("family", "report", "operation", "render").timer().count())
                    .isEqualTo(10);
            assertThat(registry.find(Profiler.TIMER).tag("operation", "notProfiled").timers()).isEmpty();

            List<OperationStats> ops = ctx.getBean(OperationsView.class).operations();
            OperationStats render = ops.stream().filter(o -> o.name().equals("report.render")).findFirst().orElseThrow();
            assertThat(render.count()).isEqualTo(10);
            assertThat(render.allocatedBytesPerCall()).as("a 1 MiB array per call").isGreaterThanOrEqualTo(1 << 20);
            assertThat(render.p50Millis()).isNotNull();
            assertThat(render.meanMillis()).isEqualTo(render.totalMillis() / 10, org.assertj.core.data.Offset.offset(1e-9));
            OperationStats fail = ops.stream().filter(o -> o.name().equals("scan.fail")).findFirst().orElseThrow();
            assertThat(fail.errors()).isEqualTo(1);
        });
    }

    @Test
    void familiesSwitchOffByProperty() {
        runner.withPropertyValues("dataguardian.monitor.profiling.scan.enabled=false").run(ctx -> {
            ctx.getBean(ScanService.class).extract("x");
            ctx.getBean(ReportService.class).render(10);
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            assertThat(registry.find(Profiler.TIMER).tag("family", "scan").timers()).isEmpty();
            assertThat(registry.find(Profiler.TIMER).tag("family", "report").timers()).hasSize(1);
        });
        runner.withPropertyValues("dataguardian.monitor.profiling.enabled=false").run(ctx -> {
            ctx.getBean(ReportService.class).render(10);
            assertThat(ctx.getBean(MeterRegistry.class).find(Profiler.TIMER).timers()).isEmpty();
        });
    }

    @Test
    void programmaticTimingRecordsTheSameMeters() {
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Profiler profiler = new Profiler(registry, new org.springframework.mock.env.MockEnvironment());
        assertThat(profiler.time("detector", "bsn", () -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> profiler.run("detector", "iban", () -> {
            throw new IllegalArgumentException("x");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.find(Profiler.TIMER).tags("family", "detector", "outcome", "success").timer().count())
                .isEqualTo(1);
        assertThat(registry.find(Profiler.TIMER).tags("operation", "iban", "exception", "IllegalArgumentException")
                .timer().count()).isEqualTo(1);
        profiler.setEnabled("detector", false);
        profiler.time("detector", "bsn", () -> 1);
        assertThat(registry.find(Profiler.TIMER).tags("operation", "bsn").timer().count()).isEqualTo(1);
    }
}
