package io.dataguardian.app.job;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.springframework.stereotype.Component;

/**
 * Whether this node may start another scan: free heap and idle CPU must both be at least
 * {@code dataguardian.scan.min-headroom} (default 20%). A node below it leaves the job queued for another
 * node (or for itself, a few seconds later) instead of failing it.
 */
@Component
public class NodeCapacity {

    /** What was measured, for the log and the reason a job waits. */
    public record Headroom(double heap, double cpu) {
        public double least() {
            return Math.min(heap, cpu);
        }
    }

    private final double minHeadroom;

    public NodeCapacity(ScanJobProperties properties) {
        this.minHeadroom = properties.minHeadroom();
    }

    public Headroom measure() {
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

    /** Null when there is room; otherwise why not. */
    public String shortage() {
        if (minHeadroom <= 0) {
            return null;
        }
        Headroom h = measure();
        if (h.heap() < minHeadroom) {
            // used heap includes garbage: look again after a collection before refusing
            System.gc();
            h = measure();
        }
        if (h.least() >= minHeadroom) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "node headroom below %.0f%% (heap %.0f%%, cpu %.0f%%)",
                minHeadroom * 100, h.heap() * 100, h.cpu() * 100);
    }
}
