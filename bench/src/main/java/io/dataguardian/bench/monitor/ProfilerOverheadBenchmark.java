package io.dataguardian.bench.monitor;

import io.dataguardian.app.monitor.MonitorConfiguration;
import io.dataguardian.app.monitor.Profiled;
import io.dataguardian.app.monitor.Profiler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * Cost of the profiler per call: a small operation (hashing 1 KiB, roughly a microsecond, a cheap
 * detector or repository call) called directly, through a {@link Profiled} proxy with profiling on and
 * off, and through {@link Profiler#time} on and off. Allocation per call: add {@code -prof gc}.
 *
 * <pre>
 * mvn -B -q -o -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ProfilerOverheadBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProfilerOverheadBenchmark {

    /** The operation under measurement. */
    public static class Work {
        private final byte[] data = new byte[1024];

        @Profiled("bench.hash")
        public int hash() {
            int h = 1;
            for (byte b : data) {
                h = 31 * h + b;
            }
            for (int i = 0; i < 4; i++) {
                h ^= java.util.Arrays.hashCode(data) + i;
            }
            return h;
        }
    }

    @Param({"true", "false"})
    public boolean profiling;

    private Work direct;
    private Work proxied;
    private Profiler profiler;

    @Setup
    public void setUp() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        profiler = new Profiler(registry, new StandardEnvironment());
        profiler.setEnabled(profiling);
        direct = new Work();
        ProxyFactory factory = new ProxyFactory(new Work());
        factory.setProxyTargetClass(true);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("profiler", profiler));
        factory.addAdvisor(MonitorConfiguration.profiledAdvisor(beans.getBeanProvider(Profiler.class)));
        proxied = (Work) factory.getProxy();
    }

    @Benchmark
    public int direct() {
        return direct.hash();
    }

    @Benchmark
    public int annotated() {
        return proxied.hash();
    }

    @Benchmark
    public int programmatic() {
        return profiler.time("bench", "hash", direct::hash);
    }
}
