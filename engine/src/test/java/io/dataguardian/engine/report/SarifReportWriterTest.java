package io.dataguardian.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.ScanStats;
import io.dataguardian.engine.score.ScoreCalculator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * The results, written as bytes without the generator, are exactly what the generator writes: the
 * report equals the generator's rewrite of its own parse. (Lone surrogates do not survive that
 * round trip; JsonBytesTest compares their escapes with the generator directly.)
 */
class SarifReportWriterTest {

    static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

    private static final String FP = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static Finding finding(String detector, String type, Severity severity, double confidence,
                                   List<String> articles, Location location, String masked, String fingerprint,
                                   String snippet, int occurrences) {
        return new Finding(detector, type, severity, confidence, articles, location, masked, fingerprint, snippet,
                occurrences, Map.of());
    }

    @Test
    void resultsAreByteForByteWhatTheGeneratorWrites() throws IOException {
        List<Finding> findings = new ArrayList<>();
        findings.add(finding("test.bsn", "BSN", Severity.CRITICAL, 0.9, List.of("GDPR Art. 87", "UAVG Art. 46"),
                new Location("a/patients.csv", null, 2, 5, 2, 14, 17, 9), "12*****82", FP, "Jan,12*****82", 1));
        findings.add(finding("test.bsn", "BSN", Severity.HIGH, 0.8555, List.of("GDPR Art. 87"),
                new Location("a/patients.csv", null, 3, 1, 3, 10, 40, 9), "12*****82", null, "", 1));
        findings.add(finding("test.email", "EMAIL", Severity.MEDIUM, 1.0, List.of(),
                new Location("my docs/config é.env", "sheet \"1\"\u0001", 0, 0, 0, 0, 0, 0), "j***@e***.nl", FP,
                "mail j***@e***.nl \\ \t", 3));
        findings.add(finding("custom.rule", "CUSTOM \uD83D\uDE00", Severity.LOW, 0.5004, List.of("Art. \u00a7"),
                new Location("x:y/\u0080\u2028.txt", "", 7, 0, 9, 0, Long.MAX_VALUE / 3, 123_456), "**\u00e9*",
                "not-hex", "snippet \u00e9\u20ac\uD83D\uDE00 end", 2));
        findings.add(finding("unknown.rule", "BSN", Severity.CRITICAL, 0.0, List.of("GDPR Art. 87", "UAVG Art. 46"),
                new Location("z.txt", null, 1, 1, 1, 2, 0, 1), "*", FP, "x", 1));
        List<DetectorInfo> rules = List.of(
                new DetectorInfo("test.bsn", "BSN", "Dutch citizen service number (BSN)", "Nine digits.",
                        Severity.CRITICAL, List.of("GDPR Art. 87", "UAVG Art. 46")),
                new DetectorInfo("test.email", "EMAIL", "E-mail address", "An e-mail address.", Severity.MEDIUM,
                        List.of("GDPR Art. 4(1)")),
                new DetectorInfo("custom.rule", "CUSTOM", "Custom", null, Severity.LOW, List.of()));
        ScanStats stats = new ScanStats(Instant.parse("2026-01-02T03:04:05Z"), Duration.ofSeconds(3), 4, 0, Map.of(),
                0, 1234, findings.size(), false);
        ScanResult result = new ScanResult(Path.of("/tmp/base"), findings, List.of(), stats,
                ScoreCalculator.score(findings));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(new ScanReport(result, "1.2.3", rules), out);
        String sarif = out.toString(StandardCharsets.UTF_8);

        JsonNode tree = MAPPER.readTree(sarif);
        String regenerated = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
        String expected = regenerated + "\n";
        int at = 0;
        while (at < Math.min(sarif.length(), expected.length()) && sarif.charAt(at) == expected.charAt(at)) {
            at++;
        }
        assertThat(sarif).as("first difference at %d: ...%s... vs ...%s...", at,
                sarif.substring(Math.max(0, at - 60), Math.min(sarif.length(), at + 40)),
                expected.substring(Math.max(0, at - 60), Math.min(expected.length(), at + 40))).isEqualTo(expected);
        JsonNode results = tree.get("runs").get(0).get("results");
        assertThat(results).hasSize(findings.size());
        assertThat(results.get(0).get("ruleIndex").asInt()).isZero();
        // a detector outside the given rules gets a rule of its own, after them
        assertThat(results.get(4).get("ruleIndex").asInt()).isEqualTo(3);
    }

    /** Rule names: the name's ASCII letter-and-digit runs, each capitalised, as the regular expression split made them. */
    @Test
    void ruleNamesAreTheNamesWordsCapitalised() {
        String[] names = {"Dutch BSN (burgerservicenummer)", "e-mail address", "IBAN", "  leading and trailing  ",
            "Geboortedatum / date of birth", "café crème", "x", "AWS access key id", "3d secure", "ÿ", "", null};
        for (String n : names) {
            StringBuilder expected = new StringBuilder();
            for (String word : (n == null ? "" : n).split("[^\\p{Alnum}]+")) {
                if (!word.isEmpty()) {
                    expected.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            String want = expected.length() > 0 && Character.isLetter(expected.charAt(0)) ? expected.toString()
                    : "NlBsn";
            assertThat(SarifReportWriter.pascalName(n, "nl.bsn")).as(String.valueOf(n)).isEqualTo(want);
        }
        assertThat(SarifReportWriter.pascalName("e-mail address", "x")).isEqualTo("EMailAddress");
        assertThat(SarifReportWriter.pascalName("café crème", "x")).isEqualTo("CafCrMe");
        assertThat(SarifReportWriter.pascalName("", "")).isEqualTo("Rule");
    }

    /** The writer keeps the last section's fragments: each result must still get its own path and section. */
    @Test
    void repeatedSectionsAreWrittenWithTheirOwnPath() throws IOException {
        String[][] where = {{"a.csv", "column email"}, {"a.csv", "column email"}, {"b.csv", "column email"},
            {"b.csv", "column \"e\"é"}, {"b.csv", null}, {"b.csv", "column \"e\"é"}, {"c.csv", "column email"}};
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < where.length; i++) {
            // a new String each time for the same section, as a spill run's readers give back
            String section = where[i][1] == null ? null : new String(where[i][1]);
            findings.add(finding("test.email", "EMAIL", Severity.MEDIUM, 0.9, List.of(),
                    new Location(where[i][0], section, 1, 1, 1, 5, i, 4), "j***", FP, "", 1));
        }
        ScanStats stats = new ScanStats(Instant.parse("2026-01-02T03:04:05Z"), Duration.ofSeconds(3), 3, 0, Map.of(),
                0, 1234, findings.size(), false);
        ScanResult result = new ScanResult(Path.of("/tmp/base"), findings, List.of(), stats,
                ScoreCalculator.score(findings));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(new ScanReport(result, "1.2.3", List.of()), out);

        JsonNode results = MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("runs").get(0).get("results");
        assertThat(results).hasSize(where.length);
        for (int i = 0; i < where.length; i++) {
            JsonNode r = results.get(i);
            String path = where[i][0];
            String section = where[i][1];
            assertThat(r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
                    .isEqualTo(path);
            if (section == null) {
                assertThat(r.get("message").get("text").asString()).isEqualTo("EMAIL found: j***");
                assertThat(r.get("locations").get(0).has("logicalLocations")).isFalse();
                assertThat(r.get("properties").has("section")).isFalse();
            } else {
                assertThat(r.get("message").get("text").asString()).isEqualTo("EMAIL found: j*** in " + section);
                JsonNode logical = r.get("locations").get(0).get("logicalLocations").get(0);
                assertThat(logical.get("fullyQualifiedName").asString()).isEqualTo(path + " " + section);
                assertThat(logical.get("name").asString()).isEqualTo(section);
                assertThat(r.get("properties").get("section").asString()).isEqualTo(section);
            }
        }
    }
}
