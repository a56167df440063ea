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
 * @param scanBytesPerSecond  from a {@code dataguardian.scan.bytes} counter when one is published
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
                                Double scanBytesPerSecond, Double scanQueue, long activeAlerts) {

    public DashboardSnapshot {
        cacheHitRates = cacheHitRates == null ? Map.of() : Map.copyOf(cacheHitRates);
    }
}
