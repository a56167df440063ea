package io.dataguardian.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.Catalogue;
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
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports in Dutch carry Dutch headings and the detectors' Dutch descriptions; English reports stay English. */
class ReportLanguageTest {

    static final Locale NL = Locale.forLanguageTag("nl-NL");
    static final String NL_BSN_DESCRIPTION_START = "Negen cijfers (ook 123.456.782";
    static final String EN_BSN_NAME = "Dutch citizen service number (BSN)";

    /** A BSN and an e-mail finding from the standard catalogue's detectors. */
    private static ScanReport report() {
        List<Finding> findings = new ArrayList<>(List.of(
                new Finding("nl-bsn", "BSN", Severity.CRITICAL, 0.95, List.of("GDPR Art. 87", "UAVG Art. 46"),
                        new Location("patiënten.csv", null, 2, 5, 2, 14, 13, 9), "12*****82", "ab".repeat(32),
                        "Jan,12*****82", 1, Map.of()),
                new Finding("email", "EMAIL", Severity.MEDIUM, 0.9, List.of("GDPR Art. 4(1)"),
                        new Location("mail.txt", null, 1, 1, 1, 22, 0, 21), "ja*****@example.nl", "cd".repeat(32),
                        "ja*****@example.nl", 2, Map.of())));
        findings.sort(ScanResult.ORDER);
        ScanResult r = new ScanResult(Path.of("/srv/data"), findings, List.of(),
                new ScanStats(Instant.parse("2026-01-02T03:04:05Z"), Duration.ofSeconds(2), 3, 1, Map.of(), 0, 4096, 2,
                        false),
                ScoreCalculator.score(findings));
        return new ScanReport(r, "1.0.0", Catalogue.standard().detectors());
    }

    private static String render(ReportFormat format, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.writer(format, locale).write(report(), out);
        return format == ReportFormat.PDF ? PdfReportWriterTest.text(out.toByteArray()) : out.toString(StandardCharsets.UTF_8);
    }

    private static String englishDescription(String id) {
        return Catalogue.standard().detectors().stream().filter(d -> d.id().equals(id)).map(DetectorInfo::description)
                .findFirst().orElseThrow();
    }

    @Test
    void dutchHtmlHasDutchHeadingsSeveritiesAndDescriptions() throws IOException {
        String html = render(ReportFormat.HTML, NL);
        assertThat(html).contains("<html lang=\"nl\">", "DataGuardian Pro privacyscan", "Compliancescore",
                "Bevindingen per ernst", "<th>Ernst</th>", "<th>Locatie</th>", "<th>Waarde (gemaskeerd)</th>", "Kritiek",
                "Detectoren die iets vonden", "Burgerservicenummer (BSN)", NL_BSN_DESCRIPTION_START, "E-mailadres",
                "Waarden zijn gemaskeerd")
                .doesNotContain("Findings by severity", "<th>Severity</th>", EN_BSN_NAME, englishDescription("nl-bsn"));
    }

    @Test
    void englishHtmlStaysEnglishAndNowListsTheDetectors() throws IOException {
        String html = render(ReportFormat.HTML, Locale.ENGLISH);
        assertThat(html).contains("<html lang=\"en\">", "DataGuardian Pro privacy scan", "Compliance score",
                "Findings by severity", "<th>Severity</th>", "<th>Value (masked)</th>", "Critical",
                "Detectors that found something", EN_BSN_NAME, englishDescription("nl-bsn"))
                .doesNotContain("Bevindingen", "Burgerservicenummer", NL_BSN_DESCRIPTION_START);
        assertThat(render(ReportFormat.HTML, Locale.GERMAN)).isEqualTo(html); // unsupported: English
    }

    @Test
    void dutchCsvHasDutchHeaderAndDescriptionsButMachineValues() throws IOException {
        String[] lines = render(ReportFormat.CSV, NL).split("\r\n");
        assertThat(lines[0]).isEqualTo("ernst,detector_id,soort,pad,sectie,regel,kolom,eindregel,eindkolom,"
                + "gemaskeerde_waarde,vingerafdruk,zekerheid,artikelen,aantal,fragment,detectornaam,beschrijving");
        String bsn = List.of(lines).stream().filter(l -> l.startsWith("CRITICAL,nl-bsn,BSN,")).findFirst().orElseThrow();
        assertThat(bsn).contains("Burgerservicenummer (BSN)", NL_BSN_DESCRIPTION_START);

        String[] english = render(ReportFormat.CSV, Locale.ENGLISH).split("\r\n");
        assertThat(english[0]).isEqualTo("severity,detector_id,entity_type,path,section,line,column,end_line,end_column,"
                + "masked_value,fingerprint,confidence,articles,occurrences,snippet,detector_name,description");
        assertThat(String.join("\n", english)).contains(EN_BSN_NAME).doesNotContain("Burgerservicenummer");
    }

    @Test
    void dutchPdfHasDutchHeadingsAndDescriptions() throws IOException {
        String pdf = render(ReportFormat.PDF, NL);
        assertThat(pdf).contains("DataGuardian Pro-rapport van de privacyscan", "Compliancescore:", "Risicoscore:",
                "Ernst", "Locatie", "Waarde (gemaskeerd)", "Kritiek", "Detectoren die iets vonden",
                "Burgerservicenummer (BSN)", "Negen cijfers", "patiënten.csv", "pagina 1")
                .doesNotContain("Compliance score:", "Findings by", EN_BSN_NAME);
        String english = render(ReportFormat.PDF, Locale.ENGLISH);
        assertThat(english).contains("DataGuardian Pro privacy scan report", "Compliance score:", "Value (masked)",
                "Detectors that found something", EN_BSN_NAME, "page 1").doesNotContain("Kritiek", "Burgerservicenummer");
    }

    @Test
    void jsonKeepsFieldNamesAndMachineValuesAndTranslatesOnlyTheBandLabel() throws IOException {
        JsonNode nl = new ObjectMapper().readTree(render(ReportFormat.JSON, NL));
        JsonNode en = new ObjectMapper().readTree(render(ReportFormat.JSON, Locale.ENGLISH));
        assertThat(nl.at("/scores/compliance/band").asText()).isEqualTo(en.at("/scores/compliance/band").asText());
        assertThat(nl.get("findings").findValuesAsText("severity")).contains("CRITICAL", "MEDIUM");
        String band = en.at("/scores/compliance/band").asText();
        assertThat(nl.at("/scores/compliance/label").asText()).isEqualTo(ReportTexts.of(NL).get("band." + band))
                .isNotEqualTo(en.at("/scores/compliance/label").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) nl.at("/scores/compliance")).remove("label");
        ((com.fasterxml.jackson.databind.node.ObjectNode) en.at("/scores/compliance")).remove("label");
        assertThat(nl).isEqualTo(en);
    }

    @Test
    void textAndSarif() throws IOException {
        assertThat(render(ReportFormat.TEXT, NL)).contains("2 bevindingen (kritiek 1", "Compliancescore");
        assertThat(render(ReportFormat.TEXT, Locale.ENGLISH)).contains("2 findings (critical 1", "Compliance score");
        assertThat(render(ReportFormat.SARIF, NL)).isEqualTo(render(ReportFormat.SARIF, Locale.ENGLISH));
    }

    @Test
    void everyCatalogueDetectorHasADutchNameAndDescription() {
        ReportTexts nl = ReportTexts.of(NL);
        for (DetectorInfo d : Catalogue.standard().detectors()) {
            assertThat(nl.detectorName(d.id())).as(d.id()).isNotBlank();
            assertThat(nl.detectorDescription(d.id())).as(d.id()).isNotBlank().isNotEqualTo(d.description());
        }
        assertThat(ReportTexts.english().detectorName("nl-bsn")).isNull();
    }

    @Test
    void languagesParseStrictly() {
        assertThat(ReportTexts.parseLanguage("NL")).isEqualTo(ReportTexts.DUTCH);
        assertThat(ReportTexts.parseLanguage("en")).isEqualTo(Locale.ENGLISH);
        assertThatThrownBy(() -> ReportTexts.parseLanguage("de")).hasMessageContaining("(en, nl)");
        assertThat(ReportTexts.of(Locale.forLanguageTag("nl-BE")).get("report.findings", 3)).isEqualTo("Bevindingen (3)");
        assertThat(ReportTexts.of(null).get("report.findings", 3)).isEqualTo("Findings (3)");
    }
}
