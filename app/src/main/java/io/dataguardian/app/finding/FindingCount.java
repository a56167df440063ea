package io.dataguardian.app.finding;

import io.dataguardian.engine.Severity;

/** How many findings (and raw occurrences) of one entity type and severity a scan has. */
public record FindingCount(Severity severity, String entityType, long findings, long occurrences) {
}
