package io.dataguardian.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.FakeScanner;
import io.dataguardian.engine.scan.ScanEngine;
import io.dataguardian.engine.scan.ScanRequest;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.ScanStats;
import io.dataguardian.engine.score.ScoreCalculator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String RAW_BSN = "123456782";
    static final String RAW_SECRET = "SECRET-Zq8vT3kLm9";
    static final String RAW_EMAIL = "jan.jansen@example.nl";
    static final List<DetectorInfo> RULES = List.of(
            new DetectorInfo("test.bsn", "BSN", "Dutch citizen service number (BSN)", "Nine digits passing the 11-proof.",
                    Severity.CRITICAL, List.of("GDPR Art. 87", "UAVG Art. 46")),
            new DetectorInfo("test.email", "EMAIL", "E-mail address", "An e-mail address.", Severity.MEDIUM,
                    List.of("GDPR Art. 4(1)")));

    @TempDir
    Path dir;

    private ScanReport plantedReport() throws IOException {
        Files.writeString(dir.resolve("patients.csv"), "name,bsn\nJan," + RAW_BSN + "\n");
        Files.createDirectories(dir.resolve("my docs"));
        Files.writeString(dir.resolve("my docs/config é.env"), "token=" + RAW_SECRET + "\nmail " + RAW_EMAIL + "\n");
        Files.writeString(dir.resolve("clean.txt"), "nothing here");
        ScanEngine engine = new ScanEngine(s -> new FakeScanner(), List.of());
        ScanResult result = engine.scan(ScanRequest.builder(DetectionSettings.withKey(KEY)).root(dir).build());
        assertThat(result.findings()).hasSize(3);
        ScanResult withError = new ScanResult(result.baseDirectory(), result.findings(),
                List.of(new FileError("broken.zip", "corrupt", "not a valid zip archive")), result.stats(), result.scores());
        return new ScanReport(withError, "1.2.3", RULES);
    }

    static String render(ReportFormat format, ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.writer(format).write(report, out);
        if (format == ReportFormat.PDF) {
            return PdfReportWriterTest.text(out.toByteArray());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noFormatContainsARawValueFromTheScannedFiles() throws IOException {
        ScanReport report = plantedReport();
        for (ReportFormat format : ReportFormat.values()) {
            String text = render(format, report);
            assertThat(text).as(format.id()).isNotBlank().doesNotContain(RAW_BSN).doesNotContain(RAW_SECRET)
                    .doesNotContain(RAW_EMAIL).contains("12*****82");
        }
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchemaAndCarriesRegionsRulesAndFingerprints() throws IOException {
        String sarif = render(ReportFormat.SARIF, plantedReport());
        JsonNode doc = new ObjectMapper().readTree(sarif);
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> problems = schema.validate(doc);
        assertThat(problems).isEmpty();

        JsonNode run = doc.at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.size()).isEqualTo(3); // two declared + test.secret synthesised from a finding
        assertThat(rules.get(0).get("id").asText()).isEqualTo("test.bsn");
        assertThat(rules.get(0).get("name").asText()).isEqualTo("DutchCitizenServiceNumberBSN");
        assertThat(rules.get(0).at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(rules.get(0).at("/properties/entityType").asText()).isEqualTo("BSN");
        assertThat(rules.get(0).at("/properties/articles/1").asText()).isEqualTo("UAVG Art. 46");
        assertThat(rules.get(1).at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).startsWith("file:/").endsWith("/");

        JsonNode bsn = null;
        for (JsonNode result : run.get("results")) {
            if (result.get("ruleId").asText().equals("test.bsn")) {
                bsn = result;
            }
        }
        assertThat(bsn).isNotNull();
        assertThat(bsn.get("ruleId").asText()).isEqualTo("test.bsn");
        assertThat(bsn.get("ruleIndex").asInt()).isZero();
        assertThat(bsn.get("level").asText()).isEqualTo("error");
        assertThat(bsn.at("/message/text").asText()).contains("BSN").contains("12*****82");
        JsonNode loc = bsn.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo("patients.csv");
        assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(loc.at("/region/startLine").asInt()).isEqualTo(2);
        assertThat(loc.at("/region/startColumn").asInt()).isEqualTo(5);
        assertThat(loc.at("/region/endLine").asInt()).isEqualTo(2);
        assertThat(loc.at("/region/endColumn").asInt()).isEqualTo(14);
        assertThat(loc.at("/region/charOffset").asInt()).isEqualTo(13);
        assertThat(loc.at("/region/charLength").asInt()).isEqualTo(9);
        assertThat(bsn.at("/partialFingerprints/dataguardian~1v1").asText()).hasSize(64);
        assertThat(bsn.at("/properties/maskedValue").asText()).isEqualTo("12*****82");

        JsonNode first = run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri"); // sorted by path
        assertThat(first.asText()).isEqualTo("my%20docs/config%20%C3%A9.env");
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText()).contains("broken.zip");
    }

    @Test
    void sarifUrisKeepArchiveEntriesReadable() {
        assertThat(SarifReportWriter.uri("a.zip!/dir/b.csv")).isEqualTo("a.zip!/dir/b.csv");
        assertThat(SarifReportWriter.uri("50% #1?.txt")).isEqualTo("50%25%20%231%3F.txt");
        assertThat(SarifReportWriter.uri("c:odd")).isEqualTo("./c:odd");
    }

    private static ScanReport hostileReport() {
        Finding f = new Finding("x.rule", "NAME", Severity.HIGH, 0.8, List.of("GDPR Art. 4"),
                new Location("<script>alert(1)</script>.txt", null, 1, 1, 1, 5, 0, 4), "=HYPERLINK(\"x\")",
                "ab".repeat(32), "+SUM(1,2) \"quoted\"\nnext", 1, Map.of());
        ScanResult r = new ScanResult(Path.of("/tmp/x&y"), List.of(f),
                List.of(new FileError("<img src=x onerror=alert(1)>", "corrupt", "bad & \"worse\"")),
                new ScanStats(Instant.EPOCH, Duration.ofSeconds(1), 1, 0, Map.of(), 1, 10, 1, false),
                ScoreCalculator.score(List.of(f)));
        return new ScanReport(r, "1.0.0", List.of());
    }

    @Test
    void csvQuotesAndNeutralisesFormulas() throws IOException {
        String csv = render(ReportFormat.CSV, hostileReport());
        String[] lines = csv.split("\r\n", 2);
        assertThat(lines[0]).startsWith("severity,detector_id,entity_type,path,");
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\")\",").contains("\"'+SUM(1,2) \"\"quoted\"\"\nnext\"");
        assertThat(CsvReportWriter.cell("-1")).isEqualTo("'-1");
        assertThat(CsvReportWriter.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvReportWriter.cell("plain")).isEqualTo("plain");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void htmlIsSelfContainedAndEscapesEverything() throws IOException {
        String html = render(ReportFormat.HTML, hostileReport());
        assertThat(html).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("/tmp/x&amp;y");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link")
                .contains("<svg").contains("<style>").contains("Findings by severity").contains("Findings by type");
    }

    @Test
    void jsonReportIsVersionedAndComplete() throws IOException {
        String json = render(ReportFormat.JSON, plantedReport());
        JsonNode doc = new ObjectMapper().readTree(json);
        assertThat(doc.get("schemaVersion").asText()).isEqualTo("1.0");
        assertThat(doc.at("/tool/version").asText()).isEqualTo("1.2.3");
        assertThat(doc.at("/scan/filesScanned").asInt()).isEqualTo(3);
        assertThat(doc.at("/severityCounts/CRITICAL").asInt()).isEqualTo(1);
        assertThat(doc.at("/scores/compliance/score").asInt()).isBetween(0, 100);
        assertThat(doc.at("/findings").size()).isEqualTo(3);
        assertThat(doc.at("/findings/0/location/path").asText()).isEqualTo("my docs/config é.env");
        assertThat(doc.at("/findings/2/location/path").asText()).isEqualTo("patients.csv");
        assertThat(doc.at("/errors/0/kind").asText()).isEqualTo("corrupt");
        // the published JSON Schema describes it
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(Path.of("../docs/report-json-schema.json")));
        assertThat(schema.validate(doc)).isEmpty();
    }

    @Test
    void reportsAreWrittenAtomically() throws IOException {
        Path target = dir.resolve("out/report.json");
        Reports.writeAtomically(ReportFormat.JSON, plantedReport(), target);
        assertThat(Files.readString(target)).contains("\"schemaVersion\"");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.json");
        }
    }
}
