package io.dataguardian.app.dashboard;

import java.util.Map;

/**
 * What the performance dashboard shows at one moment, sent to every viewer as one JSON event. A figure the
 * node cannot give is null (the page shows "n/a"), never a misleading 0. Rates are per second since the
 * previous snapshot.
 *
 * @param time                epoch milliseconds
 * @param cacheHitRate        all namespaces together, 0-1
 * @param cacheHitRates       per namespace, 0-1
 * @param sessionsActive      from {@code dataguardian.sessions.active}, null when no meter publishes it
 * @param heapRatio           heap used / max, 0-1
 * @param processCpu          this JVM's share of all cores, 0-1
 * @param scanBytesPerSecond  bytes scanned per second by the installation's scans, from their stored progress
 *                            ({@link ScanActivity}), so it moves while scans run
 * @param scanFilesPerSecond  files scanned per second, the same way
 * @param scansRunning        scans running now on any node
 * @param scanQueue           scans waiting for a node
 */
public record DashboardSnapshot(long time,
                                Double dbMeanQueryMillis, Double dbQueriesPerSecond,
                                int poolActive, int poolIdle, int poolPending, int poolMax,
                                Double cacheHitRate, long cacheKeys, Map<String, Double> cacheHitRates,
                                Double sessionsActive, Double sessionsPeak,
                                long heapUsed, Long heapMax, Double heapRatio, Double processCpu, Double systemCpu,
                                Double gcPausePerSecond,
                                Double requestsPerSecond, Double latencyP50Millis, Double latencyP95Millis,
                                Double latencyP99Millis,
                                Double scanBytesPerSecond, Double scanFilesPerSecond, Double scansRunning,
                                Double scanQueue, long activeAlerts) {

    public DashboardSnapshot {
        cacheHitRates = cacheHitRates == null ? Map.of() : Map.copyOf(cacheHitRates);
    }
}
