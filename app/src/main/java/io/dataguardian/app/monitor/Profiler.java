package io.dataguardian.app.monitor;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;

/**
 * The one profiling mechanism. {@link Profiled} methods reach it through {@link ProfiledMethodInterceptor};
 * code that calls the engine uses {@link #time(String, String, Supplier)} directly.
 *
 * <p>Per call: one {@code dataguardian.operation} timer record (tags family, operation, outcome=success|error,
 * exception=none|SimpleClassName; percentile histogram) and one {@code dataguardian.operation.allocated}
 * record (bytes the calling thread allocated, from {@code com.sun.management.ThreadMXBean}; skipped where
 * the JVM cannot tell, e.g. virtual threads).
 */
public class Profiler {

    public static final String TIMER = "dataguardian.operation";
    public static final String ALLOCATED = "dataguardian.operation.allocated";
    static final String PROPERTY_PREFIX = "dataguardian.monitor.profiling.";

    private final MeterRegistry registry;
    private final Environment environment;
    private final com.sun.management.ThreadMXBean threads;
    private final boolean allocationSupported;
    private final Map<String, Boolean> familyEnabled = new ConcurrentHashMap<>();
    private final Map<String, Meters> meters = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    public Profiler(MeterRegistry registry, Environment environment) {
        this.registry = registry;
        this.environment = environment;
        this.enabled = environment.getProperty(PROPERTY_PREFIX + "enabled", Boolean.class, true);
        this.threads = threadBean();
        this.allocationSupported = threads != null && threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled();
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t ? t : null;
    }

    /** Runs {@code work}, timing it as {@code family.operation} when the family is on. */
    public <T> T time(String family, String operation, Supplier<T> work) {
        if (!isEnabled(family)) {
            return work.get();
        }
        Call call = start(family, operation);
        try {
            T result = work.get();
            call.success();
            return result;
        } catch (RuntimeException | Error e) {
            call.failure(e);
            throw e;
        }
    }

    public void run(String family, String operation, Runnable work) {
        time(family, operation, () -> {
            work.run();
            return null;
        });
    }

    /** Whether calls of this family are timed: the global switch and the family's own. */
    public boolean isEnabled(String family) {
        return enabled && familyEnabled.computeIfAbsent(family,
                f -> environment.getProperty(PROPERTY_PREFIX + f + ".enabled", Boolean.class, true));
    }

    /** Switches profiling at run time (all families); the properties give the start value. */
    public void setEnabled(boolean on) {
        this.enabled = on;
    }

    /** Switches one family at run time. */
    public void setEnabled(String family, boolean on) {
        familyEnabled.put(family, on);
    }

    /** Starts timing one call; finish it with {@link Call#success()} or {@link Call#failure(Throwable)}. */
    public Call start(String family, String operation) {
        Meters m = meters.computeIfAbsent(family + '\u0000' + operation, k -> new Meters(family, operation));
        long allocatedBefore = allocationSupported ? threads.getCurrentThreadAllocatedBytes() : -1;
        return new Call(m, allocatedBefore, System.nanoTime());
    }

    /** One call in progress; owned by the thread that started it. */
    public final class Call {
        private final Meters meters;
        private final long allocatedBefore;
        private final long startNanos;

        private Call(Meters meters, long allocatedBefore, long startNanos) {
            this.meters = meters;
            this.allocatedBefore = allocatedBefore;
            this.startNanos = startNanos;
        }

        public void success() {
            finish(meters.success);
        }

        public void failure(Throwable error) {
            finish(meters.failure(error));
        }

        private void finish(Timer timer) {
            long nanos = System.nanoTime() - startNanos;
            timer.record(nanos, TimeUnit.NANOSECONDS);
            if (allocatedBefore >= 0) {
                long after = threads.getCurrentThreadAllocatedBytes();
                if (after >= allocatedBefore) {
                    meters.allocated.record(after - allocatedBefore);
                }
            }
        }
    }

    private final class Meters {
        final String family;
        final String operation;
        final Timer success;
        final DistributionSummary allocated;
        final Map<Class<?>, Timer> failures = new ConcurrentHashMap<>();

        Meters(String family, String operation) {
            this.family = family;
            this.operation = operation;
            this.success = timer("success", "none");
            this.allocated = DistributionSummary.builder(ALLOCATED)
                    .description("Bytes allocated by the calling thread per profiled call")
                    .baseUnit("bytes")
                    .tags("family", family, "operation", operation)
                    .register(registry);
        }

        Timer failure(Throwable error) {
            return failures.computeIfAbsent(error.getClass(), c -> timer("error", c.getSimpleName()));
        }

        private Timer timer(String outcome, String exception) {
            return Timer.builder(TIMER)
                    .description("Profiled operations (scan phases, sources, detectors, reports)")
                    .tags("family", family, "operation", operation, "outcome", outcome, "exception", exception)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(5))
                    .register(registry);
        }
    }
}
