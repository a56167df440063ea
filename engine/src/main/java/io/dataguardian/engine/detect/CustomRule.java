package io.dataguardian.engine.detect;

import io.dataguardian.engine.Severity;
import java.util.List;

/**
 * A project-defined rule from {@code .dataguardian.yml}: a regular expression (java.util.regex)
 * with its own severity, articles and optional context words (a match counts only when one of the
 * words is near it, if any are given).
 */
public record CustomRule(String id, String entityType, String pattern, Severity severity,
                         List<String> articles, List<String> contextWords, String description) {
}
