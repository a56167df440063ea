package io.dataguardian.app.finding;

import io.dataguardian.engine.finding.Finding;

/** A {@link Finding} as stored: the engine's record plus where it belongs. */
public record StoredFinding(long id, long orgId, long scanId, Finding finding) {
}
