package io.dataguardian.app.scan;

import java.util.Map;

/**
 * Dashboard aggregates of one organisation: scans per status, and the findings per severity and the
 * mean scores over its completed scans.
 */
public record ScanStatistics(Map<ScanStatus, Long> scansByStatus, Scan.SeverityCounts findingsBySeverity,
                             Double meanRiskScore, Double meanComplianceScore) {

    public ScanStatistics {
        scansByStatus = Map.copyOf(scansByStatus);
    }
}
