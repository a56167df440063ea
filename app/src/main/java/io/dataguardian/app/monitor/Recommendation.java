package io.dataguardian.app.monitor;

import io.dataguardian.engine.Severity;
import java.util.Map;

/**
 * Advice for one category and subject. Repeated evidence refreshes it (newest numbers win) instead of
 * adding a copy. {@code active}: the check was over its threshold at the last evaluation.
 */
public record Recommendation(String key, String category, String subject, Severity severity, String advice,
                             Map<String, Object> evidence, long firstSeen, long lastSeen, long occurrences,
                             boolean active) {
}
