package io.dataguardian.engine.report;

import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row per finding, RFC 4180 (CRLF, fields with a quote, comma or line break quoted, quotes
 * doubled). A cell starting with {@code = + - @}, tab or carriage return gets a leading {@code '} so
 * a spreadsheet never evaluates it as a formula. The header row and the two last columns (the detector's name
 * and description) are in the report's language; the other cells are the machine values in every language.
 */
public final class CsvReportWriter implements ReportWriter {

    static final String[] HEADER = {"severity", "detector_id", "entity_type", "path", "section", "line", "column",
        "end_line", "end_column", "masked_value", "fingerprint", "confidence", "articles", "occurrences", "snippet",
        "detector_name", "description"};

    private final ReportTexts t;

    /** An English report. */
    public CsvReportWriter() {
        this(Locale.ENGLISH);
    }

    /** A report in Dutch for a Dutch locale, else in English. */
    public CsvReportWriter(Locale locale) {
        this.t = ReportTexts.of(locale);
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        String[] header = new String[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            header[i] = t.get("csv." + HEADER[i]);
        }
        row(w, header);
        Map<String, String[]> detectorTexts = new HashMap<>();
        for (DetectorInfo d : report.rulesWithFindings()) {
            detectorTexts.put(d.id(), new String[] {t.detectorName(d), t.detectorDescription(d)});
        }
        // per finding only the cells that change: the formatted confidences and joined article lists repeat
        Map<Long, String> confidences = new HashMap<>();
        Map<List<String>, String> articles = new IdentityHashMap<>();
        String[] cells = new String[HEADER.length];
        for (Finding f : report.result().sortedFindings()) {
            Location l = f.location();
            String[] about = detectorTexts.get(f.detectorId());
            String confidence = confidences.get(Double.doubleToRawLongBits(f.confidence()));
            if (confidence == null) {
                confidence = String.format(Locale.ROOT, "%.3f", f.confidence());
                if (confidences.size() < 4096) {
                    confidences.put(Double.doubleToRawLongBits(f.confidence()), confidence);
                }
            }
            String joined = articles.get(f.articles());
            if (joined == null) {
                joined = String.join("; ", f.articles());
                if (articles.size() < 4096) {
                    articles.put(f.articles(), joined);
                }
            }
            cells[0] = f.severity().name();
            cells[1] = f.detectorId();
            cells[2] = f.entityType();
            cells[3] = l.path();
            cells[4] = l.section() == null ? "" : l.section();
            cells[5] = num(l.line());
            cells[6] = num(l.column());
            cells[7] = num(l.endLine());
            cells[8] = num(l.endColumn());
            cells[9] = f.maskedValue();
            cells[10] = f.fingerprint();
            cells[11] = confidence;
            cells[12] = joined;
            cells[13] = Integer.toString(f.occurrences());
            cells[14] = f.snippet();
            cells[15] = about == null ? f.detectorId() : about[0];
            cells[16] = about == null ? "" : about[1];
            row(w, cells);
        }
        w.flush();
    }

    private static String num(int n) {
        return n > 0 ? Integer.toString(n) : "";
    }

    private static void row(Writer w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write("\r\n");
    }

    /** One cell, neutralised against formula injection and quoted as RFC 4180 needs. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf('"') >= 0 || v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
