package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * SARIF 2.1.0 for code-scanning tools: one rule per detector, results with relative artifact URIs
 * under {@code %SRCROOT%}, full regions, keyed fingerprints as partialFingerprints, per-file errors
 * as tool execution notifications.
 */
public final class SarifReportWriter implements ReportWriter {

    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT_KEY = "dataguardian/v1";

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        ScanResult r = report.result();
        List<DetectorInfo> rules = report.rulesCoveringFindings();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        try (JsonGenerator g = Json.compactGenerator(new NonClosingStream(out))) {
            g.writeStartObject();
            g.writeStringProperty("$schema", SCHEMA_URI);
            g.writeStringProperty("version", "2.1.0");
            g.writeArrayPropertyStart("runs");
            g.writeStartObject();

            g.writeObjectPropertyStart("tool");
            g.writeObjectPropertyStart("driver");
            g.writeStringProperty("name", ScanReport.TOOL_NAME);
            g.writeStringProperty("version", report.toolVersion());
            if (report.toolVersion().matches("\\d+\\.\\d+\\.\\d+.*")) {
                g.writeStringProperty("semanticVersion", report.toolVersion());
            }
            g.writeStringProperty("informationUri", ScanReport.INFORMATION_URI);
            g.writeArrayPropertyStart("rules");
            Set<String> names = new LinkedHashSet<>();
            for (DetectorInfo d : rules) {
                writeRule(g, d, names);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();

            g.writeObjectPropertyStart("originalUriBaseIds");
            g.writeObjectPropertyStart(SRCROOT);
            String base = r.baseDirectory().toUri().toString();
            g.writeStringProperty("uri", base.endsWith("/") ? base : base + "/");
            g.writeObjectPropertyStart("description");
            g.writeStringProperty("text", "The directory the scanned paths are relative to.");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();

            g.writeArrayPropertyStart("invocations");
            g.writeStartObject();
            g.writeBooleanProperty("executionSuccessful", !r.stats().cancelled());
            g.writeStringProperty("startTimeUtc", r.stats().started().toString());
            g.writeStringProperty("endTimeUtc", r.stats().started().plus(r.stats().duration()).toString());
            g.writeArrayPropertyStart("toolExecutionNotifications");
            for (FileError e : r.errors()) {
                writeNotification(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();

            g.writeStringProperty("columnKind", "utf16CodeUnits");
            g.writeArrayPropertyStart("results");
            LastUri uris = new LastUri();
            for (Finding f : r.sortedFindings()) {
                writeResult(g, f, ruleIndex.get(f.detectorId()), uris);
            }
            g.writeEndArray();

            g.writeObjectPropertyStart("properties");
            g.writeNumberProperty("complianceScore", r.scores().complianceScore());
            g.writeStringProperty("complianceBand", r.scores().complianceBand().name());
            g.writeNumberProperty("riskScore", r.scores().riskScore());
            g.writeStringProperty("riskLevel", r.scores().riskLevel().name());
            g.writeNumberProperty("filesScanned", r.stats().filesScanned());
            g.writeNumberProperty("bytesScanned", r.stats().bytesScanned());
            g.writeEndObject();

            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** GitHub code scanning reads this 0-10 score to rank results. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }

    /** {@code Dutch citizen service number (BSN)} becomes {@code DutchCitizenServiceNumberBSN}. */
    static String pascalName(String text, String fallback) {
        StringBuilder sb = new StringBuilder();
        for (String word : (text == null ? "" : text).split("[^\\p{Alnum}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        if (sb.length() == 0 || !Character.isLetter(sb.charAt(0))) {
            return fallback.isEmpty() ? "Rule" : pascalName(fallback.replace('-', ' ').replace('.', ' '), "Rule");
        }
        return sb.toString();
    }

    private static void writeRule(JsonGenerator g, DetectorInfo d, Set<String> names) {
        g.writeStartObject();
        g.writeStringProperty("id", d.id());
        String name = pascalName(d.name(), d.id());
        if (!names.add(name)) {
            name = name + pascalName(d.id().replace('-', ' ').replace('.', ' '), "Rule");
            names.add(name);
        }
        g.writeStringProperty("name", name);
        g.writeObjectPropertyStart("shortDescription");
        g.writeStringProperty("text", d.name() == null || d.name().isBlank() ? d.id() : d.name());
        g.writeEndObject();
        g.writeObjectPropertyStart("fullDescription");
        g.writeStringProperty("text", d.description() == null || d.description().isBlank() ? d.name() : d.description());
        g.writeEndObject();
        g.writeObjectPropertyStart("help");
        g.writeStringProperty("text", d.name() + ". " + (d.description() == null ? "" : d.description())
                + (d.articles().isEmpty() ? "" : " At stake: " + String.join(", ", d.articles()) + "."));
        g.writeEndObject();
        g.writeObjectPropertyStart("defaultConfiguration");
        g.writeStringProperty("level", level(d.severity()));
        g.writeEndObject();
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("entityType", d.entityType());
        g.writeStringProperty("severity", d.severity().name());
        g.writeStringProperty("security-severity", securitySeverity(d.severity()));
        g.writeArrayPropertyStart("articles");
        for (String a : d.articles()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("tags");
        for (String t : tags(d)) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static Set<String> tags(DetectorInfo d) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("privacy");
        tags.add("gdpr");
        String joined = String.join(" ", d.articles()).toLowerCase(Locale.ROOT);
        if (d.id().startsWith("secret") || joined.contains("art. 32")) {
            tags.add("security");
            tags.add("secret");
        }
        if (joined.contains("art. 9")) {
            tags.add("special-category");
        }
        tags.add(d.entityType().toLowerCase(Locale.ROOT).replace('_', '-'));
        return tags;
    }

    /** The URI of the last path: findings come sorted by path, so most results reuse it. */
    private static final class LastUri {
        private String path;
        private String uri;

        String of(String p) {
            if (!p.equals(path)) {
                uri = uri(p);
                path = p;
            }
            return uri;
        }
    }

    private static void writeResult(JsonGenerator g, Finding f, Integer ruleIndex, LastUri uris) {
        Location l = f.location();
        g.writeStartObject();
        g.writeStringProperty("ruleId", f.detectorId());
        if (ruleIndex != null) {
            g.writeNumberProperty("ruleIndex", ruleIndex);
        }
        g.writeStringProperty("level", level(f.severity()));
        g.writeObjectPropertyStart("message");
        StringBuilder text = new StringBuilder(f.entityType()).append(" found: ").append(f.maskedValue());
        if (f.occurrences() > 1) {
            text.append(" (").append(f.occurrences()).append(" occurrences)");
        }
        if (l.section() != null) {
            text.append(" in ").append(l.section());
        }
        g.writeStringProperty("text", text.toString());
        g.writeEndObject();
        g.writeArrayPropertyStart("locations");
        g.writeStartObject();
        g.writeObjectPropertyStart("physicalLocation");
        g.writeObjectPropertyStart("artifactLocation");
        g.writeStringProperty("uri", uris.of(l.path()));
        g.writeStringProperty("uriBaseId", SRCROOT);
        g.writeEndObject();
        if (l.line() > 0) {
            g.writeObjectPropertyStart("region");
            g.writeNumberProperty("startLine", l.line());
            g.writeNumberProperty("startColumn", Math.max(1, l.column()));
            g.writeNumberProperty("endLine", Math.max(l.line(), l.endLine()));
            g.writeNumberProperty("endColumn", Math.max(1, l.endColumn()));
            g.writeNumberProperty("charOffset", l.offset());
            g.writeNumberProperty("charLength", l.length());
            if (!f.snippet().isEmpty()) {
                g.writeObjectPropertyStart("snippet");
                g.writeStringProperty("text", f.snippet());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        if (l.section() != null) {
            g.writeArrayPropertyStart("logicalLocations");
            g.writeStartObject();
            g.writeStringProperty("fullyQualifiedName", l.path() + " " + l.section());
            g.writeStringProperty("name", l.section());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        if (f.fingerprint() != null) {
            g.writeObjectPropertyStart("partialFingerprints");
            g.writeStringProperty(FINGERPRINT_KEY, f.fingerprint());
            g.writeEndObject();
        }
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("entityType", f.entityType());
        g.writeStringProperty("severity", f.severity().name());
        g.writeNumberProperty("confidence", Math.round(f.confidence() * 1000) / 1000.0);
        g.writeArrayPropertyStart("articles");
        for (String a : f.articles()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeStringProperty("maskedValue", f.maskedValue());
        if (f.occurrences() > 1) {
            g.writeNumberProperty("occurrences", f.occurrences());
        }
        if (l.section() != null) {
            g.writeStringProperty("section", l.section());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeNotification(JsonGenerator g, FileError e) {
        g.writeStartObject();
        g.writeStringProperty("level", "warning");
        g.writeObjectPropertyStart("message");
        g.writeStringProperty("text", e.path() + ": " + e.message() + " (" + e.kind() + ")");
        g.writeEndObject();
        g.writeObjectPropertyStart("descriptor");
        g.writeStringProperty("id", e.kind());
        g.writeEndObject();
        g.writeArrayPropertyStart("locations");
        g.writeStartObject();
        g.writeObjectPropertyStart("physicalLocation");
        g.writeObjectPropertyStart("artifactLocation");
        g.writeStringProperty("uri", uri(e.path()));
        g.writeStringProperty("uriBaseId", SRCROOT);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A relative URI reference for a location path: each character outside RFC 3986's unreserved
     * set and {@code / ! $ & ' ( ) * + , ; = : @} is percent-encoded as UTF-8, so
     * {@code a.zip!/b.csv} stays readable and {@code my file.txt} becomes {@code my%20file.txt}.
     * A leading segment with a ':' gets a {@code ./} so it is not read as a scheme.
     */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        String s = sb.toString();
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            s = "./" + s;
        }
        if (s.startsWith("/")) {
            s = "." + s;
        }
        return s;
    }
}
