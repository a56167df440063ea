package io.dataguardian.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every rule fires on synthetic meter values and resolves when they recover, through the alert hysteresis
 * (2 consecutive evaluations, 10% margin). Time is simulated: evaluations are 5 s apart, nothing sleeps.
 */
class MonitorRulesTest {

    private MeterRegistry registry;
    private MonitorProperties properties;
    private RingBuffer<ResourceSample> samples;
    private BottleneckRules rules;
    private AlertTracker alerts;
    private Profiler profiler;
    private long now = 1_000_000;

    @BeforeEach
    void setUp() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MonitorConfiguration.monitorHistograms(new MockEnvironment()));
        properties = new MonitorProperties();
        properties.getRules().setWindow(Duration.ofSeconds(20));
        properties.getRules().setCpuSustained(Duration.ofSeconds(30));
        samples = new RingBuffer<>(properties.getHistory());
        rules = new BottleneckRules(registry, new OperationsView(registry), samples, properties);
        alerts = new AlertTracker(2, 0.10, 50);
        profiler = new Profiler(registry, new MockEnvironment());
    }

    /** Evaluates once (5 s later than the last), after {@code step} has moved the meters. */
    private List<Check> evaluate(Runnable step) {
        step.run();
        now += 5_000;
        samples.add(sample(lastSample));
        List<Check> checks = rules.evaluate(now);
        transitions.addAll(alerts.evaluate(checks, now));
        return checks;
    }

    private final List<AlertTransition> transitions = new ArrayList<>();
    private Consumer<Builder> lastSample = b -> { };

    private boolean firing(String key) {
        return alerts.active().stream().anyMatch(a -> a.key().equals(key));
    }

    /** Runs {@code bad} until the alert fires, then {@code good} until it resolves; checks the hysteresis. */
    private void firesAndResolves(String key, Runnable bad, Runnable good) {
        List<Check> checks = evaluate(bad);
        assertThat(checks).as("the rule sees the bad values").anyMatch(c -> c.key().equals(key) && c.over());
        assertThat(firing(key)).as("one evaluation over the threshold is not enough").isFalse();
        evaluate(bad);
        assertThat(firing(key)).as("fires after 2 consecutive evaluations").isTrue();
        int rounds = 0;
        while (firing(key) && rounds++ < 20) {
            evaluate(good);
        }
        assertThat(firing(key)).as("resolves once the values recover").isFalse();
        assertThat(rounds).as("needs more than one good evaluation").isGreaterThanOrEqualTo(2);
        assertThat(transitions).extracting(AlertTransition::key, AlertTransition::state)
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple(key, "FIRING"),
                        org.assertj.core.groups.Tuple.tuple(key, "RESOLVED"));
    }

    @Test
    void slowOperationFiresAndResolves() {
        profiler.run("scan", "extract", () -> { });
        Timer timer = registry.find(Profiler.TIMER).tag("operation", "extract").timer();
        firesAndResolves("slow-operation:scan.extract",
                () -> record(timer, 10, 2_000),
                () -> record(timer, 50, 20));
        Recommendation r = recommendationsAfter("slow-operation:scan.extract", () -> record(timer, 500, 3_000));
        assertThat(r.advice()).contains("scan.extract").contains("p95 3");
        assertThat(r.evidence()).containsKeys("p95Seconds", "calls", "errors");
    }

    @Test
    void slowQueryUsesItsOwnThreshold() {
        Timer timer = Timer.builder(OperationsView.DB_QUERY).tag("query", "select findings")
                .publishPercentileHistogram().register(registry);
        firesAndResolves("slow-query:db.select findings",
                () -> record(timer, 10, 700), // over 0.5 s, under the 1 s of other operations
                () -> record(timer, 50, 5));
    }

    @Test
    void poolPendingFiresAndResolves() {
        AtomicLong pending = new AtomicLong();
        Gauge.builder(BottleneckRules.HIKARI_PENDING, pending, AtomicLong::get).tag("pool", "dg").register(registry);
        Gauge.builder(BottleneckRules.HIKARI_ACTIVE, () -> 10).tag("pool", "dg").register(registry);
        Gauge.builder(BottleneckRules.HIKARI_MAX, () -> 10).tag("pool", "dg").register(registry);
        firesAndResolves("pool-pending:pool", () -> pending.set(4), () -> pending.set(0));
    }

    @Test
    void slowConnectionAcquisitionFiresWithTheShareInTheAdvice() {
        Timer acquire = Timer.builder(BottleneckRules.HIKARI_ACQUIRE).tag("pool", "dg").register(registry);
        Gauge.builder(BottleneckRules.HIKARI_MAX, () -> 10).tag("pool", "dg").register(registry);
        Runnable bad = () -> {
            record(acquire, 12, 200);
            record(acquire, 88, 2);
        };
        firesAndResolves("pool-acquire:pool", bad, () -> record(acquire, 100, 1));
    }

    @Test
    void acquisitionAdviceCarriesTheNumbers() {
        Timer acquire = Timer.builder(BottleneckRules.HIKARI_ACQUIRE).tag("pool", "dg").register(registry);
        Gauge.builder(BottleneckRules.HIKARI_MAX, () -> 10).tag("pool", "dg").register(registry);
        Recommendation r = recommendationsAfter("pool-acquire:pool", () -> {
            record(acquire, 12, 200);
            record(acquire, 88, 2);
        });
        assertThat(r.advice()).startsWith("Raise the pool maximum (now 10): 12% of requests waited over 100 ms");
        assertThat(r.evidence()).containsEntry("slowShare", 0.12).containsEntry("acquisitions", 100L);
    }

    @Test
    void poolAdviceDoesNotSayRaiseThePoolWhileTheCpuIsSaturated() {
        Timer acquire = Timer.builder(BottleneckRules.HIKARI_ACQUIRE).tag("pool", "dg").register(registry);
        AtomicLong pending = new AtomicLong(4);
        Gauge.builder(BottleneckRules.HIKARI_PENDING, pending, AtomicLong::get).tag("pool", "dg").register(registry);
        Gauge.builder(BottleneckRules.HIKARI_MAX, () -> 10).tag("pool", "dg").register(registry);
        Runnable slowAcquisitions = () -> {
            record(acquire, 12, 200);
            record(acquire, 88, 2);
        };
        // an idle machine: the pool is the limit
        assertThat(recommendationsAfter("pool-acquire:pool", slowAcquisitions).advice())
                .startsWith("Raise the pool maximum (now 10)");
        assertThat(recommendationsAfter("pool-pending:pool", slowAcquisitions).advice())
                .startsWith("Raise the pool maximum (dataguardian.db.pool.max-size, now 10)");
        // the CPU over its threshold for the whole sustained period: more connections would only queue on it
        for (int i = 0; i < 6; i++) {
            now += 5_000;
            samples.add(sample(b -> b.systemCpu = 0.97));
        }
        lastSample = b -> b.systemCpu = 0.97;
        List<Check> checks = evaluate(slowAcquisitions);
        assertThat(checks).anyMatch(c -> c.key().equals("cpu:node") && c.over());
        for (String key : List.of("pool-acquire:pool", "pool-pending:pool")) {
            Check pool = checks.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
            assertThat(pool.advice()).as(key).startsWith("Do not raise the pool: the CPU has been over")
                    .contains("mean 97%").doesNotContain("Raise the pool maximum");
        }
    }

    @Test
    void cacheHitRateUnderTargetPerNamespace() {
        AtomicLong hits = new AtomicLong();
        AtomicLong misses = new AtomicLong();
        AtomicLong otherHits = new AtomicLong();
        cacheCounter("scan-results", "hit", hits);
        cacheCounter("scan-results", "miss", misses);
        cacheCounter("dashboard", "hit", otherHits);
        cacheCounter("dashboard", "miss", new AtomicLong());
        firesAndResolves("cache-hit-rate:scan-results",
                () -> {
                    hits.addAndGet(40);
                    misses.addAndGet(60);
                    otherHits.addAndGet(100);
                },
                () -> {
                    hits.addAndGet(1000);
                    otherHits.addAndGet(100);
                });
        assertThat(transitions).noneMatch(t -> t.key().equals("cache-hit-rate:dashboard"));
    }

    @Test
    void gcTimeFiresAndResolves() {
        firesAndResolves("gc-time:jvm", () -> lastSample = b -> b.gcTimeRatio = 0.3, () -> lastSample = b -> b.gcTimeRatio = 0.01);
    }

    @Test
    void heapFiresAndResolves() {
        firesAndResolves("heap:jvm", () -> lastSample = b -> b.heapUsed = 900, () -> lastSample = b -> b.heapUsed = 300);
    }

    @Test
    void cpuMustStayHighForTheWholePeriod() {
        lastSample = b -> b.systemCpu = 0.95;
        for (int i = 0; i < 5; i++) {
            evaluate(() -> { });
        }
        lastSample = b -> b.systemCpu = 0.20; // one dip within the 30 s: no verdict of "sustained"
        evaluate(() -> { });
        lastSample = b -> b.systemCpu = 0.95;
        evaluate(() -> { });
        assertThat(firing("cpu:node")).isFalse();
        firesAndResolves("cpu:node", () -> {
            for (int i = 0; i < 6; i++) {
                now += 5_000;
                samples.add(sample(b -> b.systemCpu = 0.95));
            }
            lastSample = b -> b.systemCpu = 0.95;
        }, () -> lastSample = b -> b.systemCpu = 0.30);
    }

    @Test
    void scanQueueGrowingFiresOnlyWhenTheGaugeExists() {
        for (int i = 0; i < 12; i++) {
            evaluate(() -> { });
        }
        assertThat(rules.evaluate(now)).noneMatch(c -> c.category().equals("scan-queue"));
        AtomicLong queue = new AtomicLong(5);
        Gauge.builder("dataguardian.scan.queue", queue, AtomicLong::get).register(registry);
        // the sampler reads the gauge; here the samples carry it
        firesAndResolves("scan-queue:scans",
                () -> lastSample = b -> b.scanQueue = (double) queue.addAndGet(3),
                () -> lastSample = b -> b.scanQueue = (double) queue.get());
    }

    @Test
    void trendsSayRisingFallingOrStable() {
        long[] heap = {100};
        for (int i = 0; i < 12; i++) {
            heap[0] += 40;
            lastSample = b -> b.heapUsed = heap[0];
            evaluate(() -> { });
        }
        assertThat(rules.trends()).filteredOn(t -> t.metric().equals("heapUsed")).singleElement()
                .extracting(Trend::direction).isEqualTo(Trend.RISING);
        assertThat(rules.trends()).filteredOn(t -> t.metric().equals("threads")).singleElement()
                .extracting(Trend::direction).isEqualTo(Trend.STABLE);
    }

    // --- helpers ---

    private Recommendation recommendationsAfter(String key, Runnable bad) {
        Recommendations recommendations = new Recommendations(10);
        recommendations.update(evaluate(bad), now);
        return recommendations.current().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private static void record(Timer timer, int times, long millis) {
        for (int i = 0; i < times; i++) {
            timer.record(millis, TimeUnit.MILLISECONDS);
        }
    }

    private void cacheCounter(String namespace, String result, AtomicLong value) {
        FunctionCounter.builder(BottleneckRules.CACHE_GETS, value, AtomicLong::get)
                .tags("namespace", namespace, "tier", "l1", "result", result).register(registry);
    }

    static final class Builder {
        double systemCpu = 0.1;
        double gcTimeRatio = 0;
        long heapUsed = 100;
        int threads = 50;
        Double scanQueue;
    }

    private ResourceSample sample(Consumer<Builder> customise) {
        Builder b = new Builder();
        customise.accept(b);
        return new ResourceSample(now, 0.05, b.systemCpu, 1.0, b.heapUsed, 1000, 1000L, 50, 60, null,
                b.gcTimeRatio * 1000, 1, b.gcTimeRatio, b.threads, 10, 1L << 30, 1L << 31, 0.0, 0.0, 0.0, 0.0,
                b.scanQueue);
    }
}
