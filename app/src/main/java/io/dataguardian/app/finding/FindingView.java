package io.dataguardian.app.finding;

import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.util.List;

/** A stored finding as the API returns it: masked value, fingerprint and masked snippet only. */
public record FindingView(long id, String detectorId, String entityType, String severity, double confidence,
                          List<String> articles, String path, String section, int line, int column, int endLine,
                          int endColumn, String maskedValue, String fingerprint, String snippet, int occurrences) {

    public static FindingView of(StoredFinding stored) {
        Finding f = stored.finding();
        Location l = f.location();
        return new FindingView(stored.id(), f.detectorId(), f.entityType(), f.severity().name(), f.confidence(),
                f.articles(), l.path(), l.section(), l.line(), l.column(), l.endLine(), l.endColumn(), f.maskedValue(),
                f.fingerprint(), f.snippet(), f.occurrences());
    }
}
