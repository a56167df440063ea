package io.dataguardian.app.job;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.dataguardian.app.scan.ScanSchedules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler tasks of scan jobs (the Boot 4 starter finds every {@code Task} bean and runs them with
 * {@code db-scheduler.threads} = {@code dataguardian.scan.node-concurrency} threads), the retention purge, the
 * scheduled rescans, and the {@code dataguardian.scan.queue} gauge.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScanJobProperties.class)
public class ScanJobConfiguration {

    /** How often due schedules are looked for: a scheduled scan starts at most this much late (plus polling). */
    static final Duration SCHEDULE_CHECK = Duration.ofSeconds(30);

    @Bean
    ScanJobTask scanJobTask(ScanJobRunner runner) {
        return new ScanJobTask(runner);
    }

    /** Hourly, on one node at a time: finished scans past the retention go, with their findings and cached entries. */
    @Bean
    RecurringTask<Void> scanRetentionPurge(ScanRetention retention) {
        return Tasks.recurring("scan-retention-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> retention.purge());
    }

    /** Every 30 s, on one node at a time: scheduled rescans whose time has come are submitted (ScanSchedules). */
    @Bean
    RecurringTask<Void> scanSchedulesTask(ObjectProvider<ScanSchedules> schedules) {
        // looked up when it runs: ScanSchedules submits through the scheduler, which is built from this task
        return Tasks.recurring("scan-schedules", FixedDelay.of(SCHEDULE_CHECK))
                .execute((instance, context) -> schedules.getObject().fireDue());
    }

    /** Queued scans of the whole installation, read at most every 5 s whatever the scrape rate. */
    @Bean
    QueueGauge scanQueueGauge(ScanJobStore jobs, ObjectProvider<MeterRegistry> registry) {
        QueueGauge gauge = new QueueGauge(jobs);
        registry.ifAvailable(r -> Gauge.builder("dataguardian.scan.queue", gauge, QueueGauge::value)
                .description("scans waiting for a node").baseUnit("scans").register(r));
        return gauge;
    }

    /** The queue length, cached for 5 s. */
    public static final class QueueGauge {
        private final ScanJobStore jobs;
        private volatile long readAt;
        private volatile double value;

        QueueGauge(ScanJobStore jobs) {
            this.jobs = jobs;
        }

        public double value() {
            long now = System.nanoTime();
            if (readAt == 0 || now - readAt > 5_000_000_000L) {
                try {
                    value = jobs.queued();
                } catch (RuntimeException e) {
                    return Double.NaN; // database down: no figure rather than a wrong one
                }
                readAt = now;
            }
            return value;
        }
    }
}
