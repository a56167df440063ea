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
    static void emit(String path, String section, String hint, String text, List<Match> matches,
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
    static String snippet(String text, Match m, List<Match> all) {
        int from = Math.max(0, m.start() - SNIPPET_CONTEXT);
        int to = Math.min(text.length(), m.end() + SNIPPET_CONTEXT);
        // never half a surrogate pair at either end (see CatalogueScanner's snippet)
        if (from < m.start() && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (to > m.end() && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        String masked = m.maskedValue();
        // built in one array: "...", the text before, the masked value, the text after, "..."
        char[] out = new char[6 + m.start() - from + masked.length() + to - m.end()];
        int n = 0;
        if (from > 0) {
            n = ellipsis(out, n);
        }
        n = append(out, n, text, from, m.start(), all);
        masked.getChars(0, masked.length(), out, n);
        n += masked.length();
        n = append(out, n, text, m.end(), to, all);
        if (to < text.length()) {
            n = ellipsis(out, n);
        }
        return new String(out, 0, n);
    }

    private static int ellipsis(char[] out, int n) {
        out[n] = '.';
        out[n + 1] = '.';
        out[n + 2] = '.';
        return n + 3;
    }

    /** text[from, to) into out at n, control characters as spaces and the chars of every match as '*'. */
    private static int append(char[] out, int n, String text, int from, int to, List<Match> all) {
        if (from >= to) {
            return n;
        }
        text.getChars(from, to, out, n);
        for (int k = n; k < n + to - from; k++) {
            if (Character.isISOControl(out[k])) {
                out[k] = ' ';
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Match o = all.get(i);
            int s = Math.max(from, o.start());
            int e = Math.min(to, o.end());
            if (s < e) {
                java.util.Arrays.fill(out, n + s - from, n + e - from, '*');
            }
        }
        return n + to - from;
    }
}
