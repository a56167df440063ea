package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.Sizes;
import io.dataguardian.engine.score.Scores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained HTML page (inline CSS and SVG, no script, no external resource): summary with
 * scores and severity counts, bar charts of findings by severity and by entity type, the findings
 * table and the errors table. Every value is HTML-escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = loadCss();

    private final ReportTexts t;

    /** An English report. */
    public HtmlReportWriter() {
        this(Locale.ENGLISH);
    }

    /** A report in Dutch for a Dutch locale, else in English. */
    public HtmlReportWriter(Locale locale) {
        this.t = ReportTexts.of(locale);
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        ScanResult r = report.result();
        Scores sc = r.scores();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("<!DOCTYPE html>\n<html lang=\"" + t.locale().getLanguage() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                + "<title>" + esc(t.get("report.title")) + "</title>\n<style>\n");
        w.write(CSS);
        w.write("</style>\n</head>\n<body>\n<header><h1>" + esc(t.get("report.heading")) + "</h1><p class=\"meta\">");
        w.write(esc(r.baseDirectory().toString()) + " &middot; " + esc(r.stats().started().toString())
                + " &middot; " + esc(t.get("report.version", report.toolVersion())) + "</p></header>\n");

        w.write("<section class=\"summary\">\n");
        card(w, t.get("report.compliance"), sc.complianceScore() + "/100", t.band(sc.complianceBand()),
                "band-" + sc.complianceBand().name().toLowerCase(Locale.ROOT));
        card(w, t.get("report.risk"), sc.riskScore() + "/100", t.get("report.riskLevel", t.risk(sc.riskLevel())),
                "risk-" + sc.riskLevel().name().toLowerCase(Locale.ROOT));
        for (Severity s : Severity.values()) {
            card(w, t.severity(s), Long.toString(sc.count(s)), t.get("report.findingsNote"), "sev-" + s.name().toLowerCase(Locale.ROOT));
        }
        var st = r.stats();
        card(w, t.get("report.filesScanned"), Long.toString(st.filesScanned()),
                t.get("report.filesNote", Sizes.format(st.bytesScanned()), st.filesSkipped(), r.errors().size())
                        + (st.cancelled() ? ", " + t.get("report.cancelled") : ""), "files");
        w.write("</section>\n");

        w.write("<section class=\"charts\">\n<figure><figcaption>" + esc(t.get("report.bySeverity"))
                + "</figcaption>\n");
        Map<String, Long> bySeverity = new java.util.LinkedHashMap<>();
        Map<String, String> barClasses = new java.util.HashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(t.severity(s), sc.count(s));
            barClasses.put(t.severity(s), "bar-" + s.name().toLowerCase(Locale.ROOT));
        }
        chart(w, bySeverity, barClasses);
        w.write("</figure>\n<figure><figcaption>" + esc(t.get("report.byType")) + "</figcaption>\n");
        Map<String, Long> byType = new TreeMap<>(r.sortedFindings().countByEntityType());
        chart(w, top(byType, 15, t.get("report.other")), Map.of());
        w.write("</figure>\n</section>\n");

        w.write("<section><h2>" + esc(t.get("report.findings", r.findingCount())) + "</h2>\n");
        if (r.findingCount() == 0) {
            w.write("<p class=\"empty\">" + esc(t.get("report.noFindings")) + "</p>\n");
        } else {
            w.write("<table class=\"findings\"><thead><tr>" + th("severity", "type", "location", "value", "context",
                    "articles", "confidence", "detector") + "</tr></thead>\n<tbody>\n");
            for (Finding f : r.sortedFindings()) {
                Location l = f.location();
                w.write("<tr class=\"sev-" + f.severity().name().toLowerCase(Locale.ROOT) + "\"><td>"
                        + esc(t.severity(f.severity())) + "</td><td>" + esc(f.entityType()) + "</td><td class=\"loc\">"
                        + esc(l.display()) + "</td><td class=\"val\">" + esc(f.maskedValue())
                        + (f.occurrences() > 1 ? " <small>&times;" + f.occurrences() + "</small>" : "")
                        + "</td><td class=\"snip\">" + esc(f.snippet()) + "</td><td>"
                        + esc(String.join(", ", f.articles())) + "</td><td>"
                        + String.format(Locale.ROOT, "%.0f%%", f.confidence() * 100) + "</td><td>"
                        + esc(f.detectorId()) + "</td></tr>\n");
            }
            w.write("</tbody></table>\n");
        }
        w.write("</section>\n");

        List<DetectorInfo> detectors = report.rulesWithFindings();
        if (!detectors.isEmpty()) {
            w.write("<section><h2>" + esc(t.get("report.detectors")) + "</h2>\n<table class=\"detectors\"><thead><tr>"
                    + th("detector", "name", "description", "articles") + "</tr></thead>\n<tbody>\n");
            for (DetectorInfo d : detectors) {
                w.write("<tr><td>" + esc(d.id()) + "</td><td>" + esc(t.detectorName(d)) + "</td><td>"
                        + esc(t.detectorDescription(d)) + "</td><td>" + esc(String.join(", ", d.articles()))
                        + "</td></tr>\n");
            }
            w.write("</tbody></table>\n</section>\n");
        }

        if (!r.errors().isEmpty()) {
            w.write("<section><h2>" + esc(t.get("report.errors", r.errors().size())) + "</h2>\n"
                    + "<table class=\"errors\"><thead><tr>" + th("path", "problem", "message") + "</tr></thead>\n<tbody>\n");
            for (FileError e : r.errors()) {
                w.write("<tr><td class=\"loc\">" + esc(e.path()) + "</td><td>" + esc(e.kind()) + "</td><td>"
                        + esc(e.message()) + "</td></tr>\n");
            }
            w.write("</tbody></table>\n</section>\n");
        }
        w.write("<footer>" + esc(t.get("report.footer")) + "</footer>\n"
                + "</body>\n</html>\n");
        w.flush();
    }

    /** Table header cells from {@code report.col.<name>}. */
    private String th(String... columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append("<th>").append(esc(t.get("report.col." + c))).append("</th>");
        }
        return sb.toString();
    }

    private static void card(Writer w, String title, String value, String note, String cls) throws IOException {
        w.write("<div class=\"card " + cls + "\"><div class=\"title\">" + esc(title) + "</div><div class=\"value\">"
                + esc(value) + "</div><div class=\"note\">" + esc(note) + "</div></div>\n");
    }

    /** A horizontal bar chart as inline SVG. */
    private void chart(Writer w, Map<String, Long> data, Map<String, String> barClasses) throws IOException {
        int rowHeight = 24;
        int labelWidth = 170;
        int barWidth = 300;
        int height = Math.max(1, data.size()) * rowHeight + 8;
        long max = data.values().stream().mapToLong(Long::longValue).max().orElse(0);
        w.write("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + (labelWidth + barWidth + 70)
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + (labelWidth + barWidth + 70) + " " + height + "\">\n");
        if (data.isEmpty()) {
            w.write("<text x=\"4\" y=\"18\">" + esc(t.get("report.noFindingsChart")) + "</text>\n");
        }
        int y = 4;
        for (Map.Entry<String, Long> e : data.entrySet()) {
            long n = e.getValue();
            int width = max == 0 ? 0 : (int) Math.max(n > 0 ? 2 : 0, Math.round((double) n / max * barWidth));
            String cls = barClasses.getOrDefault(e.getKey(), "bar-type");
            w.write("<text x=\"" + (labelWidth - 6) + "\" y=\"" + (y + 16) + "\" text-anchor=\"end\">" + esc(e.getKey())
                    + "</text><rect class=\"" + cls + "\" x=\"" + labelWidth + "\" y=\"" + y + "\" width=\"" + width
                    + "\" height=\"" + (rowHeight - 6) + "\"><title>" + esc(e.getKey()) + ": " + n
                    + "</title></rect><text x=\"" + (labelWidth + width + 6) + "\" y=\"" + (y + 16) + "\">" + n
                    + "</text>\n");
            y += rowHeight;
        }
        w.write("</svg>\n");
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n, String otherLabel) {
        List<Map.Entry<String, Long>> entries = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        long other = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (i < n) {
                out.put(entries.get(i).getKey(), entries.get(i).getValue());
            } else {
                other += entries.get(i).getValue();
            }
        }
        if (other > 0) {
            out.put(otherLabel, other);
        }
        return out;
    }

    /** Escapes text for HTML element content and quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static String loadCss() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
