package io.dataguardian.app.monitor;

/**
 * One sample of the node's resources. Rates are per second over the interval since the previous
 * sample; a value the platform cannot give is {@code null} (never a misleading 0).
 *
 * @param time              epoch milliseconds
 * @param processCpu        this JVM's share of all cores, 0-1
 * @param systemCpu         the whole machine's CPU load, 0-1
 * @param gcPausePerSecond  milliseconds of GC pause per second of wall time (1000 = always paused)
 * @param gcCountPerSecond  collections per second
 * @param gcTimeRatio       share of the interval spent in GC pauses, 0-1
 * @param scanQueue         the {@code dataguardian.scan.queue} gauge, when something publishes it
 */
public record ResourceSample(
        long time,
        Double processCpu,
        Double systemCpu,
        Double loadAverage,
        long heapUsed,
        long heapCommitted,
        Long heapMax,
        long nonHeapUsed,
        long nonHeapCommitted,
        Long nonHeapMax,
        double gcPausePerSecond,
        double gcCountPerSecond,
        double gcTimeRatio,
        int threads,
        int daemonThreads,
        Long diskFree,
        Long diskTotal,
        Double diskReadPerSecond,
        Double diskWritePerSecond,
        Double networkReceivedPerSecond,
        Double networkSentPerSecond,
        Double scanQueue) {

    /** Heap used / max (committed when no max is set), 0-1. */
    public double heapRatio() {
        long max = heapMax != null && heapMax > 0 ? heapMax : heapCommitted;
        return max <= 0 ? 0 : (double) heapUsed / max;
    }
}
