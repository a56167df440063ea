package io.dataguardian.engine.source;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds the matches of one CSV column or one JSON path into one {@link Finding} per
 * (column, detector): occurrences, matched rows and share of rows, the first location, one
 * representative masked value and the highest severity and confidence. Memory is a few counters per
 * column and detector, never a list of values. A column whose name suggests the entity
 * ({@link ColumnNameHints}) raises the confidence by {@value #HINT_BOOST}.
 */
final class ColumnAggregator {

    static final double HINT_BOOST = 0.15;
    /** Past this many distinct columns / paths (JSON with data as keys) values fold into one bucket. */
    static final int MAX_COLUMNS = 5000;
    static final String OVERFLOW = "(other paths)";

    private final String path;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    ColumnAggregator(String path) {
        this.path = path;
    }

    /** Counts one value (row) of a column and folds its matches in. */
    void add(String section, String name, List<Match> matches, int line, int column) {
        Column c = column(section, name);
        c.values++;
        for (Match m : matches) {
            Agg a = c.byDetector.computeIfAbsent(m.detectorId(), k -> new Agg(m, line, column));
            a.occurrences++;
            if (a.lastRow != c.values) {
                a.lastRow = c.values;
                a.rows++;
            }
            if (m.severity().compareTo(a.severity) < 0) {
                a.severity = m.severity();
            }
            a.confidence = Math.max(a.confidence, m.confidence());
        }
    }

    /** Counts a row in which the column is empty (for the share's denominator). */
    void countEmpty(String section, String name) {
        column(section, name).values++;
    }

    private Column column(String section, String name) {
        Column c = columns.get(section);
        if (c == null) {
            if (columns.size() >= MAX_COLUMNS) {
                return columns.computeIfAbsent(OVERFLOW, k -> new Column(null));
            }
            c = new Column(name);
            columns.put(section, c);
        }
        return c;
    }

    /**
     * Emits the aggregated findings.
     *
     * @param denominator rows of the file (CSV) or -1 to use the values seen per column (JSON path)
     */
    void emit(long denominator, Consumer<Finding> out) {
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Column c = e.getValue();
            String hint = c.name == null ? null : ColumnNameHints.entityType(c.name).orElse(null);
            long rowsTotal = denominator >= 0 ? denominator : c.values;
            for (Map.Entry<String, Agg> d : c.byDetector.entrySet()) {
                Agg a = d.getValue();
                double confidence = a.confidence;
                Map<String, String> attributes = new HashMap<>();
                attributes.put("aggregated", "column");
                attributes.put("rows", Long.toString(a.rows));
                attributes.put("rowsTotal", Long.toString(rowsTotal));
                attributes.put("share", String.format(Locale.ROOT, "%.3f",
                        rowsTotal == 0 ? 0.0 : Math.min(1.0, (double) a.rows / rowsTotal)));
                if (a.entityType.equals(hint)) {
                    confidence = Math.min(0.99, confidence + HINT_BOOST);
                    attributes.put("nameHint", hint);
                }
                Location loc = new Location(path, e.getKey(), a.line, a.column, a.line, a.column + a.length, 0,
                        a.length);
                out.accept(new Finding(d.getKey(), a.entityType, a.severity, confidence, a.articles, loc,
                        a.masked, a.fingerprint, "", (int) Math.min(Integer.MAX_VALUE, a.occurrences), attributes));
            }
        }
    }

    private static final class Column {
        final String name;
        long values;
        final Map<String, Agg> byDetector = new LinkedHashMap<>();

        Column(String name) {
            this.name = name;
        }
    }

    private static final class Agg {
        final String entityType;
        final List<String> articles;
        final String masked;
        final String fingerprint;
        final int line;
        final int column;
        final int length;
        Severity severity;
        double confidence;
        long occurrences;
        long rows;
        long lastRow = -1;

        Agg(Match m, int line, int column) {
            entityType = m.entityType();
            articles = m.articles();
            masked = m.maskedValue();
            fingerprint = m.fingerprint();
            this.line = line;
            this.column = column + m.start();
            length = m.end() - m.start();
            severity = m.severity();
            confidence = m.confidence();
        }
    }
}
