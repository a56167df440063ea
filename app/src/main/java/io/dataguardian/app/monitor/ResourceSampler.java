package io.dataguardian.app.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Takes one {@link ResourceSample} per call (called by the monitor's one sampler thread) and keeps them in a
 * {@link RingBuffer}. Counters (GC, disk and network bytes) become rates over the interval since the previous
 * call. JVM numbers come from the platform MXBeans, disk and network I/O from OSHI.
 *
 * <p>Also publishes what Boot's JVM and system binders do not: disk and network byte rates, GC time ratio.
 */
public class ResourceSampler {

    private static final Logger log = LoggerFactory.getLogger(ResourceSampler.class);
    /** OSHI re-enumerates disks and interfaces this often (in samples) to catch new devices. */
    private static final int REDISCOVER_EVERY = 60;

    private final RingBuffer<ResourceSample> samples;
    private final MeterRegistry registry;
    private final File diskPath;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private HardwareAbstractionLayer hardware;
    private List<HWDiskStore> disks = List.of();
    private List<NetworkIF> interfaces = List.of();
    private int samplesTaken;
    private Previous previous;

    private record Previous(long nanos, long gcMillis, long gcCount, Long diskRead, Long diskWrite, Long netRx,
                            Long netTx) {
    }

    public ResourceSampler(MeterRegistry registry, int capacity, String diskPath) {
        this.registry = registry;
        this.samples = new RingBuffer<>(capacity);
        this.diskPath = new File(diskPath);
        try {
            this.hardware = new SystemInfo().getHardware();
        } catch (Throwable e) { // an unsupported platform: no disk or network I/O, the rest still works
            log.info("Disk and network I/O rates unavailable: {}", e.toString());
        }
        gauge("dataguardian.system.disk.read", "Disk bytes read per second (all disks)", ResourceSample::diskReadPerSecond);
        gauge("dataguardian.system.disk.written", "Disk bytes written per second (all disks)", ResourceSample::diskWritePerSecond);
        gauge("dataguardian.system.network.received", "Network bytes received per second (non-loopback)",
                ResourceSample::networkReceivedPerSecond);
        gauge("dataguardian.system.network.sent", "Network bytes sent per second (non-loopback)",
                ResourceSample::networkSentPerSecond);
        gauge("dataguardian.jvm.gc.time.ratio", "Share of wall time in GC pauses over the last interval",
                ResourceSample::gcTimeRatio);
    }

    private void gauge(String name, String description, Function<ResourceSample, Number> value) {
        Gauge.builder(name, samples, b -> {
                    ResourceSample s = b.last();
                    Number n = s == null ? null : value.apply(s);
                    return n == null ? Double.NaN : n.doubleValue();
                })
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    public RingBuffer<ResourceSample> samples() {
        return samples;
    }

    /** Takes a sample and stores it. Single-threaded: only the sampler thread (or a test) calls this. */
    public ResourceSample sample() {
        long nanos = System.nanoTime();
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        Long diskRead = null;
        Long diskWrite = null;
        Long netRx = null;
        Long netTx = null;
        if (hardware != null) {
            try {
                if (samplesTaken % REDISCOVER_EVERY == 0) {
                    disks = hardware.getDiskStores();
                    interfaces = hardware.getNetworkIFs(false);
                }
                long r = 0;
                long w = 0;
                for (HWDiskStore d : disks) {
                    d.updateAttributes();
                    r += d.getReadBytes();
                    w += d.getWriteBytes();
                }
                long rx = 0;
                long tx = 0;
                for (NetworkIF n : interfaces) {
                    n.updateAttributes();
                    rx += n.getBytesRecv();
                    tx += n.getBytesSent();
                }
                diskRead = r;
                diskWrite = w;
                netRx = rx;
                netTx = tx;
            } catch (RuntimeException e) {
                log.debug("OSHI sample failed", e);
            }
        }
        samplesTaken++;
        Previous prev = previous;
        double seconds = prev == null ? 0 : (nanos - prev.nanos) / 1e9;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        double gcPause = seconds > 0 ? (gcMillis - prev.gcMillis) / seconds : 0;
        ResourceSample sample = new ResourceSample(
                System.currentTimeMillis(),
                processCpu(),
                systemCpu(),
                os.getSystemLoadAverage() < 0 ? null : os.getSystemLoadAverage(),
                heap.getUsed(), heap.getCommitted(), heap.getMax() < 0 ? null : heap.getMax(),
                nonHeap.getUsed(), nonHeap.getCommitted(), nonHeap.getMax() < 0 ? null : nonHeap.getMax(),
                gcPause,
                seconds > 0 ? (gcCount - prev.gcCount) / seconds : 0,
                Math.min(1, gcPause / 1000),
                threads.getThreadCount(),
                threads.getDaemonThreadCount(),
                diskPath.exists() ? diskPath.getUsableSpace() : null,
                diskPath.exists() ? diskPath.getTotalSpace() : null,
                rate(diskRead, prev == null ? null : prev.diskRead, seconds),
                rate(diskWrite, prev == null ? null : prev.diskWrite, seconds),
                rate(netRx, prev == null ? null : prev.netRx, seconds),
                rate(netTx, prev == null ? null : prev.netTx, seconds),
                scanQueue());
        previous = new Previous(nanos, gcMillis, gcCount, diskRead, diskWrite, netRx, netTx);
        samples.add(sample);
        return sample;
    }

    /** Adds a sample made elsewhere (tests, replay). Same single-writer rule as {@link #sample()}. */
    public void add(ResourceSample sample) {
        samples.add(sample);
    }

    private static Double rate(Long now, Long before, double seconds) {
        if (now == null || before == null || seconds <= 0 || now < before) {
            return null; // first sample, device list changed, or counter wrapped: no honest rate
        }
        return (now - before) / seconds;
    }

    private Double processCpu() {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double v = sun.getProcessCpuLoad();
            return v < 0 ? null : v;
        }
        return null;
    }

    private Double systemCpu() {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double v = sun.getCpuLoad();
            return v < 0 ? null : v;
        }
        return null;
    }

    private Double scanQueue() {
        var gauges = registry.find("dataguardian.scan.queue").gauges();
        if (gauges.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (Gauge g : gauges) {
            double v = g.value();
            if (!Double.isNaN(v)) {
                sum += v;
            }
        }
        return sum;
    }
}
