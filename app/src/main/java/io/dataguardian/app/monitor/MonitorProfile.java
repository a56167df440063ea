package io.dataguardian.app.monitor;

import java.util.List;

/**
 * The whole profile as exported ({@code docs/monitor-export-schema.json}, version {@link #SCHEMA_VERSION}).
 * Times in epoch milliseconds except {@code generatedAt} (ISO-8601).
 */
public record MonitorProfile(String schemaVersion, String generatedAt, List<OperationStats> operations,
                             Resources resources, List<Check> bottlenecks, List<Recommendation> recommendations,
                             Alerts alerts) {

    public static final String SCHEMA_VERSION = "1";

    public record Resources(double intervalSeconds, int capacity, ResourceSample latest, List<ResourceSample> series,
                            List<Trend> trends) {
    }

    public record Alerts(List<Alert> active, List<AlertTransition> history) {
    }
}
