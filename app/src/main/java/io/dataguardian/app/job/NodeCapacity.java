package io.dataguardian.app.job;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether this node may start another scan: free heap and idle CPU must both be at least
 * {@code dataguardian.scan.min-headroom} (default 20%). A node below it leaves the job queued for another
 * node (or for itself, a few seconds later) instead of failing it.
 *
 * <p>Two guards keep the check from doing harm: a job queued longer than {@code dataguardian.scan.headroom-patience}
 * (default 2 minutes) no longer waits for idle CPU — on a single busy node (or one whose neighbours keep the machine
 * busy) the queue would otherwise never move; free heap is still required, since a scan holds its findings in memory.
 * And a heap that looks full is collected before it is believed, but at most once per {@link #GC_INTERVAL}: a queued
 * job is looked at every few seconds, and a full collection each time would stall every request of the node.
 */
@Component
public class NodeCapacity {

    /** At most one forced collection per this interval, however many jobs wait. */
    static final Duration GC_INTERVAL = Duration.ofSeconds(30);

    /** What was measured, for the log and the reason a job waits. */
    public record Headroom(double heap, double cpu) {
        public double least() {
            return Math.min(heap, cpu);
        }
    }

    private final double minHeadroom;
    private final Duration patience;
    private final Supplier<Headroom> meter;
    private final Runnable collector;
    private final LongSupplier nanoTime;
    private final Object gcLock = new Object();
    private long lastCollection;
    private boolean collected;

    @Autowired
    public NodeCapacity(ScanJobProperties properties) {
        this(properties, NodeCapacity::measureNode, System::gc, System::nanoTime);
    }

    /** Tests: a given measurement, collector and clock. */
    NodeCapacity(ScanJobProperties properties, Supplier<Headroom> meter, Runnable collector, LongSupplier nanoTime) {
        this.minHeadroom = properties.minHeadroom();
        this.patience = properties.headroomPatience();
        this.meter = meter;
        this.collector = collector;
        this.nanoTime = nanoTime;
    }

    public Headroom measure() {
        return meter.get();
    }

    static Headroom measureNode() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double heap = 1.0 - (double) used / rt.maxMemory();
        double cpu = 1.0;
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double load = sun.getCpuLoad();
            if (load >= 0) {
                cpu = 1.0 - load;
            }
        }
        return new Headroom(heap, cpu);
    }

    /** Null when there is room for a job queued this long; otherwise why it waits. */
    public String shortage(Duration queuedFor) {
        if (minHeadroom <= 0) {
            return null;
        }
        Headroom h = measure();
        if (h.heap() < minHeadroom && collectIfDue()) {
            // used heap includes garbage: look again after a collection before refusing
            h = measure();
        }
        boolean patient = queuedFor.compareTo(patience) >= 0;
        if (h.heap() >= minHeadroom && (patient || h.cpu() >= minHeadroom)) {
            return null;
        }
        return String.format(Locale.ROOT, "node headroom below %.0f%% (heap %.0f%%, cpu %.0f%%)",
                minHeadroom * 100, h.heap() * 100, h.cpu() * 100);
    }

    private boolean collectIfDue() {
        synchronized (gcLock) {
            long now = nanoTime.getAsLong();
            if (collected && now - lastCollection < TimeUnit.NANOSECONDS.convert(GC_INTERVAL)) {
                return false;
            }
            collected = true;
            lastCollection = now;
        }
        collector.run();
        return true;
    }
}
