package io.dataguardian.app.scan;

import io.dataguardian.app.finding.FindingCount;
import java.util.List;

/** What a scan's page opens with: the scan row and its findings counted by severity and entity type. */
public record ScanSummary(Scan scan, List<FindingCount> counts) implements ScanCacheEntry {

    public ScanSummary {
        counts = List.copyOf(counts);
    }
}
