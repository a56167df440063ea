package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.ScanStats;
import io.dataguardian.engine.score.Scores;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * The native JSON report, schema version 1.0 (docs/report-json-schema.md). Field names and machine values are the
 * same in every language; only the compliance band's {@code label} is in the report's language.
 */
public final class JsonReportWriter implements ReportWriter {

    public static final String SCHEMA_VERSION = "1.0";

    private final ReportTexts t;

    /** An English report. */
    public JsonReportWriter() {
        this(java.util.Locale.ENGLISH);
    }

    /** A report whose human-readable labels are Dutch for a Dutch locale, else English. */
    public JsonReportWriter(java.util.Locale locale) {
        this.t = ReportTexts.of(locale);
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        ScanResult r = report.result();
        ScanStats s = r.stats();
        Scores sc = r.scores();
        try (JsonGenerator g = Json.generator(new NonClosingStream(out))) {
            g.writeStartObject();
            g.writeStringProperty("schemaVersion", SCHEMA_VERSION);
            g.writeObjectPropertyStart("tool");
            g.writeStringProperty("name", ScanReport.TOOL_NAME);
            g.writeStringProperty("version", report.toolVersion());
            g.writeEndObject();

            g.writeObjectPropertyStart("scan");
            g.writeStringProperty("baseDirectory", r.baseDirectory().toString());
            g.writeStringProperty("startedAt", s.started().toString());
            g.writeNumberProperty("durationMillis", s.duration().toMillis());
            g.writeBooleanProperty("cancelled", s.cancelled());
            g.writeNumberProperty("filesScanned", s.filesScanned());
            g.writeNumberProperty("filesSkipped", s.filesSkipped());
            g.writeObjectPropertyStart("skippedByReason");
            for (Map.Entry<String, Long> e : s.skippedByReason().entrySet()) {
                g.writeNumberProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberProperty("filesWithErrors", s.filesWithErrors());
            g.writeNumberProperty("bytesScanned", s.bytesScanned());
            g.writeNumberProperty("findings", s.findings());
            g.writeEndObject();

            g.writeObjectPropertyStart("scores");
            g.writeObjectPropertyStart("compliance");
            g.writeNumberProperty("score", sc.complianceScore());
            g.writeStringProperty("band", sc.complianceBand().name());
            g.writeStringProperty("label", t.band(sc.complianceBand()));
            g.writeEndObject();
            g.writeObjectPropertyStart("risk");
            g.writeNumberProperty("score", sc.riskScore());
            g.writeStringProperty("level", sc.riskLevel().name());
            g.writeEndObject();
            g.writeNumberProperty("issues", sc.issues());
            g.writeEndObject();

            g.writeObjectPropertyStart("severityCounts");
            for (Severity sev : Severity.values()) {
                g.writeNumberProperty(sev.name(), sc.count(sev));
            }
            g.writeEndObject();

            g.writeArrayPropertyStart("findings");
            for (Finding f : r.sortedFindings()) {
                writeFinding(g, f);
            }
            g.writeEndArray();

            g.writeArrayPropertyStart("errors");
            for (FileError e : r.errors()) {
                g.writeStartObject();
                g.writeStringProperty("path", e.path());
                g.writeStringProperty("kind", e.kind());
                g.writeStringProperty("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeFinding(JsonGenerator g, Finding f) {
        g.writeStartObject();
        g.writeStringProperty("detectorId", f.detectorId());
        g.writeStringProperty("entityType", f.entityType());
        g.writeStringProperty("severity", f.severity().name());
        g.writeNumberProperty("confidence", Math.round(f.confidence() * 1000) / 1000.0);
        g.writeArrayPropertyStart("articles");
        for (String a : f.articles()) {
            g.writeString(a);
        }
        g.writeEndArray();
        Location l = f.location();
        g.writeObjectPropertyStart("location");
        g.writeStringProperty("path", l.path());
        if (l.section() != null) {
            g.writeStringProperty("section", l.section());
        }
        g.writeNumberProperty("line", l.line());
        g.writeNumberProperty("column", l.column());
        g.writeNumberProperty("endLine", l.endLine());
        g.writeNumberProperty("endColumn", l.endColumn());
        g.writeNumberProperty("offset", l.offset());
        g.writeNumberProperty("length", l.length());
        g.writeEndObject();
        g.writeStringProperty("maskedValue", f.maskedValue());
        g.writeStringProperty("fingerprint", f.fingerprint());
        g.writeStringProperty("snippet", f.snippet());
        g.writeNumberProperty("occurrences", f.occurrences());
        g.writeObjectPropertyStart("attributes");
        if (!f.attributes().isEmpty()) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(f.attributes()).entrySet()) {
                g.writeStringProperty(e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
