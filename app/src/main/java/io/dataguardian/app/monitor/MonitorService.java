package io.dataguardian.app.monitor;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the one sampler thread: every {@code sample-interval} it samples resources, evaluates the rules,
 * updates alerts and recommendations, and publishes the results for readers. Requests only ever read
 * published immutable values, so sampling never holds anything a request waits for.
 */
public class MonitorService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MonitorService.class);

    private final MonitorProperties properties;
    private final ResourceSampler sampler;
    private final OperationsView operations;
    private final BottleneckRules rules;
    private final AlertTracker alerts;
    private final Recommendations recommendations;
    private final JfrRecorder jfr;
    private volatile List<Check> bottlenecks = List.of();
    private volatile ScheduledExecutorService executor;

    public MonitorService(MonitorProperties properties, ResourceSampler sampler, OperationsView operations,
                          BottleneckRules rules, AlertTracker alerts, Recommendations recommendations, JfrRecorder jfr) {
        this.properties = properties;
        this.sampler = sampler;
        this.operations = operations;
        this.rules = rules;
        this.alerts = alerts;
        this.recommendations = recommendations;
        this.jfr = jfr;
    }

    /** One round: sample, evaluate, publish. Called by the sampler thread (and by tests, never concurrently). */
    public synchronized void tick() {
        try {
            sampler.sample();
        } catch (RuntimeException e) {
            log.warn("Resource sample failed: {}", e.toString());
        }
        evaluate(System.currentTimeMillis());
        if (jfr != null) {
            jfr.expire();
        }
    }

    /** Rules, alerts and recommendations over the current meters and samples. */
    public synchronized List<Check> evaluate(long now) {
        List<Check> checks = rules.evaluate(now);
        alerts.evaluate(checks, now);
        recommendations.update(checks, now);
        bottlenecks = checks.stream().filter(Check::over).toList();
        return checks;
    }

    public List<OperationStats> operations() {
        return operations.operations();
    }

    public List<Check> bottlenecks() {
        return bottlenecks;
    }

    public List<Recommendation> recommendations() {
        return recommendations.current();
    }

    public AlertTracker alerts() {
        return alerts;
    }

    public RingBuffer<ResourceSample> samples() {
        return sampler.samples();
    }

    public MonitorProfile profile() {
        List<ResourceSample> series = sampler.samples().snapshot();
        return new MonitorProfile(MonitorProfile.SCHEMA_VERSION, Instant.now().toString(), operations.operations(),
                new MonitorProfile.Resources(properties.getSampleInterval().toMillis() / 1000.0,
                        sampler.samples().capacity(), series.isEmpty() ? null : series.get(series.size() - 1), series,
                        rules.trends()),
                bottlenecks, recommendations.current(),
                new MonitorProfile.Alerts(alerts.active(), alerts.history()));
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dataguardian-monitor");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, properties.getSampleInterval().toMillis());
        ex.scheduleWithFixedDelay(this::tickSafely, 0, period, TimeUnit.MILLISECONDS);
        executor = ex;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (Throwable e) { // never let one bad round stop the sampler
            log.warn("Monitor evaluation failed", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdownNow();
        }
        if (jfr != null) {
            jfr.close();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
