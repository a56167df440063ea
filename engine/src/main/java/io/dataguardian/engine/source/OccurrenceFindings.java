package io.dataguardian.engine.source;

import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CSV cells and JSON values with aggregation off: one {@link Finding} per match, at its exact
 * position in the file, still naming its column or JSON path in {@code section}. A column whose
 * name suggests the entity raises the confidence as in {@link ColumnAggregator}.
 */
final class OccurrenceFindings {

    private static final int SNIPPET_CONTEXT = 30;

    private OccurrenceFindings() {
    }

    /** Maps a [start, end) range of a value's text to its location in the file. */
    interface Positions {
        Location locate(String path, String section, int start, int end);
    }

    /**
     * @param hint the entity type the column or key name suggests ({@link ColumnNameHints#entityType}),
     *             or null; callers look it up once per column / name, not per value
     */
    static void emit(String path, String section, String hint, CharSequence text, List<Match> matches,
                     Positions positions, Consumer<Finding> out) {
        if (matches.isEmpty()) {
            return;
        }
        Map<String, String> hinted = null;
        for (Match m : matches) {
            double confidence = m.confidence();
            Map<String, String> attributes = Map.of();
            if (m.entityType().equals(hint)) {
                confidence = Math.min(0.99, confidence + ColumnAggregator.HINT_BOOST);
                if (hinted == null) {
                    hinted = Map.of("nameHint", hint); // immutable: Finding keeps it without copying
                }
                attributes = hinted;
            }
            Location loc = positions.locate(path, section, m.start(), m.end());
            out.accept(new Finding(m.detectorId(), m.entityType(), m.severity(), confidence, m.articles(), loc,
                    m.maskedValue(), m.fingerprint(), snippet(text, m, matches), 1, attributes));
        }
    }

    /** The value around the match, every match in it masked, on one line. */
    static String snippet(CharSequence text, Match m, List<Match> all) {
        int from = Math.max(0, m.start() - SNIPPET_CONTEXT);
        int to = Math.min(text.length(), m.end() + SNIPPET_CONTEXT);
        StringBuilder sb = new StringBuilder(to - from + 8);
        if (from > 0) {
            sb.append("...");
        }
        append(sb, text, from, m.start(), all);
        sb.append(m.maskedValue());
        append(sb, text, m.end(), to, all);
        if (to < text.length()) {
            sb.append("...");
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, CharSequence text, int from, int to, List<Match> all) {
        for (int i = from; i < to; i++) {
            boolean masked = false;
            for (Match o : all) {
                if (i >= o.start() && i < o.end()) {
                    masked = true;
                    break;
                }
            }
            char c = text.charAt(i);
            sb.append(masked ? '*' : Character.isISOControl(c) ? ' ' : c);
        }
    }
}
