package io.dataguardian.app.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dataguardian.monitor.*}. Profiling families are switched with
 * {@code dataguardian.monitor.profiling.<family>.enabled} (read by {@link Profiler}, not bound here).
 */
@ConfigurationProperties("dataguardian.monitor")
public class MonitorProperties {

    /** Period of the resource sampler and of rule evaluation. */
    private Duration sampleInterval = Duration.ofSeconds(5);
    /** Samples kept per series (720 x 5 s = one hour). */
    private int history = 720;
    /** Directory whose file system is reported as disk free/total. */
    private String diskPath = ".";
    private final Rules rules = new Rules();
    private final Alerts alerts = new Alerts();
    private int maxRecommendations = 20;
    private final Jfr jfr = new Jfr();

    public static class Rules {
        /** Operations ({@code dataguardian.operation}, HTTP requests) slower than this at p95. */
        private Duration operationP95 = Duration.ofSeconds(1);
        /** Database statements ({@code dataguardian.db.query}) slower than this at p95. */
        private Duration queryP95 = Duration.ofMillis(500);
        /** Window over which latency percentiles, cache hit rates and pool waits are computed. */
        private Duration window = Duration.ofMinutes(1);
        /** Fewer calls than this in the window: no latency verdict. */
        private int minCalls = 5;
        /** Connections waited for (hikaricp.connections.pending) above this, sustained. */
        private double poolPending = 0;
        /** A connection acquisition slower than this counts as a wait. */
        private Duration poolAcquireSlow = Duration.ofMillis(100);
        /** Share of acquisitions slower than {@code poolAcquireSlow} above this (0.05 = p95 over it). */
        private double poolSlowShare = 0.05;
        /** Cache hit rate target (tier=all) for every namespace... */
        private double cacheHitTarget = 0.80;
        /** ...unless given per namespace. */
        private Map<String, Double> cacheHitTargets = new LinkedHashMap<>();
        /** Fewer cache gets than this in the window: no verdict. */
        private int cacheMinGets = 20;
        /** Share of wall time spent in GC pauses. */
        private double gcTime = 0.10;
        /** Heap used / max. */
        private double heap = 0.80;
        /** System CPU load (0-1)... */
        private double cpu = 0.80;
        /** ...over the whole of this period. */
        private Duration cpuSustained = Duration.ofMinutes(1);
        /** Growth of {@code dataguardian.scan.queue} over the trend window... */
        private double scanQueueGrowth = 0.20;
        /** ...once it holds at least this many jobs. */
        private double scanQueueMin = 5;
        /** Samples compared by the trend: mean of the newest third vs the oldest third. */
        private int trendSamples = 12;
        /** Change beyond +/- this is "rising"/"falling". */
        private double trendChange = 0.20;

        public Duration getOperationP95() { return operationP95; }
        public void setOperationP95(Duration v) { operationP95 = v; }
        public Duration getQueryP95() { return queryP95; }
        public void setQueryP95(Duration v) { queryP95 = v; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration v) { window = v; }
        public int getMinCalls() { return minCalls; }
        public void setMinCalls(int v) { minCalls = v; }
        public double getPoolPending() { return poolPending; }
        public void setPoolPending(double v) { poolPending = v; }
        public Duration getPoolAcquireSlow() { return poolAcquireSlow; }
        public void setPoolAcquireSlow(Duration v) { poolAcquireSlow = v; }
        public double getPoolSlowShare() { return poolSlowShare; }
        public void setPoolSlowShare(double v) { poolSlowShare = v; }
        public double getCacheHitTarget() { return cacheHitTarget; }
        public void setCacheHitTarget(double v) { cacheHitTarget = v; }
        public Map<String, Double> getCacheHitTargets() { return cacheHitTargets; }
        public void setCacheHitTargets(Map<String, Double> v) { cacheHitTargets = v; }
        public int getCacheMinGets() { return cacheMinGets; }
        public void setCacheMinGets(int v) { cacheMinGets = v; }
        public double getGcTime() { return gcTime; }
        public void setGcTime(double v) { gcTime = v; }
        public double getHeap() { return heap; }
        public void setHeap(double v) { heap = v; }
        public double getCpu() { return cpu; }
        public void setCpu(double v) { cpu = v; }
        public Duration getCpuSustained() { return cpuSustained; }
        public void setCpuSustained(Duration v) { cpuSustained = v; }
        public double getScanQueueGrowth() { return scanQueueGrowth; }
        public void setScanQueueGrowth(double v) { scanQueueGrowth = v; }
        public double getScanQueueMin() { return scanQueueMin; }
        public void setScanQueueMin(double v) { scanQueueMin = v; }
        public int getTrendSamples() { return trendSamples; }
        public void setTrendSamples(int v) { trendSamples = v; }
        public double getTrendChange() { return trendChange; }
        public void setTrendChange(double v) { trendChange = v; }
    }

    public static class Alerts {
        /** Consecutive evaluations over the threshold before an alert fires, and under it before it resolves. */
        private int consecutive = 3;
        /** An alert resolves only under threshold x (1 - margin). */
        private double margin = 0.10;
        /** Transitions kept. */
        private int history = 200;

        public int getConsecutive() { return consecutive; }
        public void setConsecutive(int v) { consecutive = v; }
        public double getMargin() { return margin; }
        public void setMargin(double v) { margin = v; }
        public int getHistory() { return history; }
        public void setHistory(int v) { history = v; }
    }

    public static class Jfr {
        private Duration maxDuration = Duration.ofMinutes(10);
        /** A finished recording not downloaded within this is deleted. */
        private Duration retention = Duration.ofHours(1);

        public Duration getMaxDuration() { return maxDuration; }
        public void setMaxDuration(Duration v) { maxDuration = v; }
        public Duration getRetention() { return retention; }
        public void setRetention(Duration v) { retention = v; }
    }

    public Duration getSampleInterval() { return sampleInterval; }
    public void setSampleInterval(Duration v) { sampleInterval = v; }
    public int getHistory() { return history; }
    public void setHistory(int v) { history = v; }
    public String getDiskPath() { return diskPath; }
    public void setDiskPath(String v) { diskPath = v; }
    public Rules getRules() { return rules; }
    public Alerts getAlerts() { return alerts; }
    public int getMaxRecommendations() { return maxRecommendations; }
    public void setMaxRecommendations(int v) { maxRecommendations = v; }
    public Jfr getJfr() { return jfr; }
}
