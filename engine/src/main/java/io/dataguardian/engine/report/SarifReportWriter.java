package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.FindingStream;
import io.dataguardian.engine.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        Streaming sarif = new Streaming(out, report.rules());
        sarif.end(report);
    }

    /**
     * A SARIF report whose results are written as they come, before the rest of the run: the constructor writes
     * the head, {@link #findings} the results (in order, one call at a time, as a {@link FindingStream} of the
     * engine's scan), and {@link #end} the rest. The run's {@code tool} with its rules, the errors and the scores
     * follow the results (JSON objects are unordered); a finding of a detector no rule lists gets a rule of its
     * own, appended in the order of first appearance. {@link SarifReportWriter#write} writes the same bytes for
     * a result that holds its findings.
     */
    public static final class Streaming implements FindingStream {
        private final OutputStream out;
        private final JsonGenerator g;
        private final List<DetectorInfo> rules = new ArrayList<>();
        private final Map<String, Integer> ruleIndex = new HashMap<>();
        private final Results results;
        private boolean ended;

        /** Writes the report's head, up to the first result. */
        public Streaming(OutputStream out, List<DetectorInfo> rules) throws IOException {
            this.out = out;
            for (DetectorInfo r : rules) {
                if (ruleIndex.putIfAbsent(r.id(), this.rules.size()) == null) {
                    this.rules.add(r);
                }
            }
            g = Json.compactGenerator(new NonClosingStream(out));
            g.writeStartObject();
            g.writeStringProperty("$schema", SCHEMA_URI);
            g.writeStringProperty("version", "2.1.0");
            g.writeArrayPropertyStart("runs");
            g.writeStartObject();
            g.writeStringProperty("columnKind", "utf16CodeUnits");
            g.writeArrayPropertyStart("results");
            // one result per finding, hundreds of thousands on a dense scan: written as bytes straight
            // to the stream, exactly as the generator would write them (see Results)
            g.flush();
            results = new Results(out, this::ruleIndex);
        }

        private int ruleIndex(Finding f) {
            Integer i = ruleIndex.get(f.detectorId());
            if (i == null) {
                i = rules.size();
                rules.add(ScanReport.ruleOf(f));
                ruleIndex.put(f.detectorId(), i);
            }
            return i;
        }

        @Override
        public void findings(Iterable<Finding> sorted) throws IOException {
            for (Finding f : sorted) {
                results.write(f);
            }
        }

        /**
         * Writes the rest of the report: the results of {@code report}'s findings first unless they were
         * streamed here during the scan, then the tool and its rules, the base URI, the errors and the scores.
         */
        public void end(ScanReport report) throws IOException {
            if (ended) {
                throw new IllegalStateException("the report is complete");
            }
            ended = true;
            ScanResult r = report.result();
            if (!r.streamed()) {
                findings(r.sortedFindings());
            }
            results.flush();
            g.writeEndArray();

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
            g.close();
            out.write('\n');
            out.flush();
        }
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
        // words are runs of ASCII letters and digits (what split("[^\\p{Alnum}]+") made of it): a loop, not a
        // regular expression compiled on the CLI's start-up path for every rule
        StringBuilder sb = new StringBuilder();
        String t = text == null ? "" : text;
        boolean wordStart = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (alnum) {
                sb.append(wordStart ? Character.toUpperCase(c) : c);
            }
            wordStart = !alnum;
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

    /**
     * Writes the results array's elements, byte for byte what the compact generator writes for the
     * same calls, with the constant fragments and the per-rule, per-type and per-article-list parts
     * encoded once (on a dense scan the generator's per-call work was most of the report's CPU).
     * SarifReportWriterTest checks the bytes against the generator's.
     */
    private static final class Results {
        private static final byte[] RULE_ID = JsonBytes.ascii("{\"ruleId\":");
        private static final byte[] RULE_INDEX = JsonBytes.ascii(",\"ruleIndex\":");
        private static final byte[] MESSAGE = JsonBytes.ascii("\",\"message\":{\"text\":");
        private static final byte[] OPEN_OCCURRENCES = JsonBytes.ascii(" (");
        private static final byte[] CLOSE_OCCURRENCES = JsonBytes.ascii(" occurrences)");
        private static final byte[] IN = JsonBytes.ascii(" in ");
        private static final byte[] ARTIFACT = JsonBytes.ascii(
                "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
        private static final byte[] URI_BASE = JsonBytes.ascii(",\"uriBaseId\":\"" + SRCROOT + "\"}");
        private static final byte[] START_LINE = JsonBytes.ascii(",\"region\":{\"startLine\":");
        private static final byte[] START_COLUMN = JsonBytes.ascii(",\"startColumn\":");
        private static final byte[] END_LINE = JsonBytes.ascii(",\"endLine\":");
        private static final byte[] END_COLUMN = JsonBytes.ascii(",\"endColumn\":");
        private static final byte[] CHAR_OFFSET = JsonBytes.ascii(",\"charOffset\":");
        private static final byte[] CHAR_LENGTH = JsonBytes.ascii(",\"charLength\":");
        private static final byte[] SNIPPET = JsonBytes.ascii(",\"snippet\":{\"text\":");
        private static final byte[] LOGICAL = JsonBytes.ascii(",\"logicalLocations\":[{\"fullyQualifiedName\":");
        private static final byte[] NAME = JsonBytes.ascii(",\"name\":");
        private static final byte[] END_LOCATIONS = JsonBytes.ascii("}]");
        private static final byte[] FINGERPRINTS = JsonBytes.ascii(
                ",\"partialFingerprints\":{\"" + FINGERPRINT_KEY + "\":");
        private static final byte[] ENTITY_TYPE = JsonBytes.ascii(",\"properties\":{\"entityType\":");
        private static final byte[] SEVERITY = JsonBytes.ascii(",\"severity\":\"");
        private static final byte[] CONFIDENCE = JsonBytes.ascii("\",\"confidence\":");
        private static final byte[] ARTICLES = JsonBytes.ascii(",\"articles\":[");
        private static final byte[] MASKED_VALUE = JsonBytes.ascii("],\"maskedValue\":");
        private static final byte[] OCCURRENCES = JsonBytes.ascii(",\"occurrences\":");
        private static final byte[] SECTION = JsonBytes.ascii(",\"section\":");
        private static final byte[] END_RESULT = JsonBytes.ascii("}}");
        private static final Severity[] SEVERITIES = Severity.values();

        private final JsonBytes j;
        private final java.util.function.ToIntFunction<Finding> ruleIndex;
        /** By detector id, then severity: the result's start up to the message text. */
        private final Map<String, byte[][]> heads = new HashMap<>();
        /** By entity type, then severity: the properties' start up to the confidence. */
        private final Map<String, byte[][]> types = new HashMap<>();
        /** By article list: the articles' elements. */
        private final Map<List<String>, byte[]> articleLists = new HashMap<>();
        private final Map<List<String>, byte[]> articlesByInstance = new java.util.IdentityHashMap<>();
        /** By entity type: the message text's opening quote and start, up to the masked value. */
        private final Map<String, byte[]> messages = new HashMap<>();
        /** Confidences rounded to thousandths in [0, 1], as written. */
        private final byte[][] confidences = new byte[1001][];
        private String lastPath;
        /** The last path's artifact location, from the message's closing quote on. */
        private byte[] lastArtifact;
        /** The last section and path {@link #section} made fragments for, and those fragments. */
        private String lastSection;
        private String logicalPath;
        private byte[] inSection;
        private byte[] logical;
        private byte[] sectionProperty;
        private boolean first = true;

        Results(OutputStream out, java.util.function.ToIntFunction<Finding> ruleIndex) {
            this.j = new JsonBytes(out);
            this.ruleIndex = ruleIndex;
        }

        void write(Finding f) throws IOException {
            Location l = f.location();
            if (!first) {
                j.raw(',');
            }
            first = false;
            int sev = f.severity().ordinal();
            byte[][] head = heads.computeIfAbsent(f.detectorId(), id -> new byte[SEVERITIES.length][]);
            if (head[sev] == null) {
                head[sev] = head(f.detectorId(), ruleIndex.applyAsInt(f), f.severity());
            }
            j.raw(head[sev]);
            // the message text, written in parts: each part joins the next at an ASCII character
            byte[] found = messages.get(f.entityType());
            if (found == null) {
                found = message(f.entityType());
                messages.put(f.entityType(), found);
            }
            j.raw(found);
            j.stringPart(f.maskedValue());
            if (f.occurrences() > 1) {
                j.raw(OPEN_OCCURRENCES);
                j.number(f.occurrences());
                j.raw(CLOSE_OCCURRENCES);
            }
            String section = l.section();
            if (section != null) {
                section(l.path(), section);
                j.raw(inSection);
            }
            if (!l.path().equals(lastPath)) {
                lastArtifact = artifact(l.path());
                lastPath = l.path();
            }
            j.raw(lastArtifact);
            if (l.line() > 0) {
                j.raw(START_LINE);
                j.number(l.line());
                j.raw(START_COLUMN);
                j.number(Math.max(1, l.column()));
                j.raw(END_LINE);
                j.number(Math.max(l.line(), l.endLine()));
                j.raw(END_COLUMN);
                j.number(Math.max(1, l.endColumn()));
                j.raw(CHAR_OFFSET);
                j.number(l.offset());
                j.raw(CHAR_LENGTH);
                j.number(l.length());
                if (!f.snippet().isEmpty()) {
                    j.raw(SNIPPET);
                    j.string(f.snippet());
                    j.raw('}');
                }
                j.raw('}');
            }
            j.raw('}');
            if (section != null) {
                j.raw(logical);
            }
            j.raw(END_LOCATIONS);
            if (f.fingerprint() != null) {
                j.raw(FINGERPRINTS);
                j.string(f.fingerprint());
                j.raw('}');
            }
            byte[][] type = types.computeIfAbsent(f.entityType(), t -> new byte[SEVERITIES.length][]);
            if (type[sev] == null) {
                type[sev] = type(f.entityType(), f.severity());
            }
            j.raw(type[sev]);
            confidence(Math.round(f.confidence() * 1000) / 1000.0);
            // by instance first: a list's hashCode walks it, and most findings share their detector's list
            byte[] articles = articlesByInstance.get(f.articles());
            if (articles == null) {
                articles = articleLists.computeIfAbsent(f.articles(), Results::articles);
                if (articlesByInstance.size() < 4096) {
                    articlesByInstance.put(f.articles(), articles);
                }
            }
            j.raw(articles);
            j.string(f.maskedValue());
            if (f.occurrences() > 1) {
                j.raw(OCCURRENCES);
                j.number(f.occurrences());
            }
            if (section != null) {
                j.raw(sectionProperty);
            }
            j.raw(END_RESULT);
        }

        /**
         * Makes the section's fragments those of this path and section. A result with a section writes it
         * four times and its path once more; findings come sorted by path and section, so consecutive
         * results mostly share both and the fragments are escaped once for all of them.
         */
        private void section(String path, String section) {
            if (!section.equals(lastSection) || !path.equals(logicalPath)) {
                newSection(path, section);
            }
        }

        /** A method of its own, so that the JIT compiles the check above (per result) without it. */
        private void newSection(String path, String section) {
            byte[] quoted = JsonBytes.quoted(section);
            byte[] part = java.util.Arrays.copyOfRange(quoted, 1, quoted.length - 1);
            byte[] quotedPath = JsonBytes.quoted(path);
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.writeBytes(IN);
            b.writeBytes(part);
            inSection = b.toByteArray();
            b.reset();
            b.writeBytes(LOGICAL);
            b.write(quotedPath, 0, quotedPath.length - 1);
            b.write(' ');
            b.writeBytes(part);
            b.write('"');
            b.writeBytes(NAME);
            b.writeBytes(quoted);
            b.writeBytes(END_LOCATIONS);
            logical = b.toByteArray();
            b.reset();
            b.writeBytes(SECTION);
            b.writeBytes(quoted);
            sectionProperty = b.toByteArray();
            lastSection = section;
            logicalPath = path;
        }

        void flush() throws IOException {
            j.flush();
        }

        private static byte[] head(String detectorId, int index, Severity severity) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.writeBytes(RULE_ID);
            b.writeBytes(JsonBytes.quoted(detectorId));
            b.writeBytes(RULE_INDEX);
            b.writeBytes(JsonBytes.ascii(Integer.toString(index)));
            b.writeBytes(JsonBytes.ascii(",\"level\":\"" + level(severity)));
            b.writeBytes(MESSAGE);
            return b.toByteArray();
        }

        /** The message's closing quote and the artifact location of the path: one copy per result. */
        private static byte[] artifact(String path) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.write('"');
            b.writeBytes(ARTIFACT);
            b.writeBytes(JsonBytes.quoted(uri(path)));
            b.writeBytes(URI_BASE);
            return b.toByteArray();
        }

        /** The bytes {@link JsonBytes#string} writes for entityType + " found: ", without the closing quote. */
        private static byte[] message(String entityType) {
            byte[] q = JsonBytes.quoted(entityType + " found: ");
            return java.util.Arrays.copyOf(q, q.length - 1);
        }

        private static byte[] type(String entityType, Severity severity) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.writeBytes(ENTITY_TYPE);
            b.writeBytes(JsonBytes.quoted(entityType));
            b.writeBytes(SEVERITY);
            b.writeBytes(JsonBytes.ascii(severity.name()));
            b.writeBytes(CONFIDENCE);
            return b.toByteArray();
        }

        private static byte[] articles(List<String> articles) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.writeBytes(ARTICLES);
            for (int i = 0; i < articles.size(); i++) {
                if (i > 0) {
                    b.write(',');
                }
                b.writeBytes(JsonBytes.quoted(articles.get(i)));
            }
            b.writeBytes(MASKED_VALUE);
            return b.toByteArray();
        }

        /** As the generator writes a double: Double.toString, or a quoted string when not finite. */
        private void confidence(double c) throws IOException {
            long k = Math.round(c * 1000);
            if (k >= 0 && k <= 1000 && Double.doubleToRawLongBits(k / 1000.0) == Double.doubleToRawLongBits(c)) {
                byte[] b = confidences[(int) k];
                if (b == null) {
                    b = JsonBytes.ascii(Double.toString(c));
                    confidences[(int) k] = b;
                }
                j.raw(b);
            } else if (Double.isFinite(c)) {
                j.raw(JsonBytes.ascii(Double.toString(c)));
            } else {
                j.string(Double.toString(c));
            }
        }
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
