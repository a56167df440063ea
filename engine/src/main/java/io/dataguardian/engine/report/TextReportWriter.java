package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.Sizes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A plain report for terminals: one line per finding, then errors and a summary. */
public final class TextReportWriter implements ReportWriter {

    private final ReportTexts t;

    /** An English report. */
    public TextReportWriter() {
        this(Locale.ENGLISH);
    }

    /** A report in Dutch for a Dutch locale, else in English. */
    public TextReportWriter(Locale locale) {
        this.t = ReportTexts.of(locale);
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        ScanResult r = report.result();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (Finding f : r.sortedFindings()) {
            w.write(String.format(Locale.ROOT, "%-8s %-28s %s  %s%s%n", f.severity(), f.detectorId(),
                    f.location().display(), printable(f.maskedValue()),
                    f.occurrences() > 1 ? "  (x" + f.occurrences() + ")" : ""));
        }
        if (!r.errors().isEmpty()) {
            w.write(System.lineSeparator() + t.get("text.notScanned", r.errors().size()) + System.lineSeparator());
            for (FileError e : r.errors()) {
                w.write("  " + printable(e.path()) + ": " + printable(e.message()) + " [" + e.kind() + "]"
                        + System.lineSeparator());
            }
        }
        var s = r.stats();
        var sc = r.scores();
        w.write(System.lineSeparator() + t.get("text.summary", s.findings(), sc.count(Severity.CRITICAL),
                sc.count(Severity.HIGH), sc.count(Severity.MEDIUM), sc.count(Severity.LOW), s.filesScanned(),
                Sizes.format(s.bytesScanned()), s.filesSkipped(), s.cancelled() ? t.get("text.cancelled") : "")
                + System.lineSeparator());
        w.write(t.get("text.scores", sc.complianceScore(), t.band(sc.complianceBand()), sc.riskScore(),
                t.risk(sc.riskLevel())) + System.lineSeparator());
        w.flush();
    }

    /** Control characters (terminal escapes) from file names are shown as '?'. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
