package io.dataguardian.app.finding;

import io.dataguardian.engine.Severity;
import java.util.Set;

/**
 * Filters of a scan's findings page; null or empty means "any". {@code pathPrefix} matches the start
 * of the location path ({@code docs/} or {@code a.zip!/}).
 */
public record FindingFilter(Set<Severity> severities, String entityType, String pathPrefix) {

    public static final FindingFilter ALL = new FindingFilter(Set.of(), null, null);

    public FindingFilter {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
    }
}
