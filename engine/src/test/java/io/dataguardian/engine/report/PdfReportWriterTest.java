package io.dataguardian.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.ScanStats;
import io.dataguardian.engine.score.ScoreCalculator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportWriterTest {

    static final String RAW_IBAN = "NL91ABNA0417164300";

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static byte[] render(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.writer(ReportFormat.PDF).write(report, out);
        return out.toByteArray();
    }

    /** 120 findings (the raw IBAN is only in this test, never in a finding) and one path with Japanese characters. */
    private static ScanReport report() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String path = i == 7 ? "日本.txt" : "data/customers-" + i + ".csv";
            findings.add(new Finding("test.iban", "IBAN", i % 3 == 0 ? Severity.HIGH : Severity.MEDIUM, 0.9,
                    List.of("GDPR Art. 4(1)"), new Location(path, null, i + 1, 5, i + 1, 23, 0, 18),
                    "NL91**********4300", "ab".repeat(32), "iban=NL91**********4300", 1, Map.of()));
        }
        findings.sort(ScanResult.ORDER);
        ScanResult r = new ScanResult(Path.of("/srv/exports"), findings, List.of(),
                new ScanStats(Instant.parse("2024-05-01T10:00:00Z"), Duration.ofSeconds(3), 120, 2, Map.of(), 0,
                        123_456, 120, false),
                ScoreCalculator.score(findings));
        return new ScanReport(r, "9.8.7", List.of());
    }

    @Test
    void writesSummaryAndPaginatedMaskedFindings() throws IOException {
        ScanReport report = report();
        byte[] pdf = render(report);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
        }
        String text = text(pdf);
        var sc = report.result().scores();
        assertThat(text).contains("DataGuardian Pro privacy scan report", "Tool version: 9.8.7", "2024-05-01T10:00:00Z",
                "Files scanned: 120", "Compliance score: " + sc.complianceScore() + "/100 (" + sc.complianceBand().label() + ")",
                "Risk score: " + sc.riskScore() + "/100", "High: " + sc.count(Severity.HIGH),
                "Medium: " + sc.count(Severity.MEDIUM), "Findings (120)", "NL91**********4300",
                "data/customers-119.csv:120:5");
        assertThat(text).doesNotContain(RAW_IBAN);
        // the non-WinAnsi path is written with '?' in place of what Helvetica cannot encode
        assertThat(text).contains("??.txt:8:5");
    }

    @Test
    void sameResultGivesTheSameBytes() throws IOException {
        assertThat(render(report())).isEqualTo(render(report()));
    }

    @Test
    void emptyResultIsOnePage() throws IOException {
        ScanResult r = new ScanResult(Path.of("."), List.of(), List.of(),
                new ScanStats(Instant.EPOCH, Duration.ZERO, 0, 0, Map.of(), 0, 0, 0, false), ScoreCalculator.score(List.of()));
        byte[] pdf = render(new ScanReport(r, "1", List.of()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(text(pdf)).contains("No personal data or secrets found.");
    }
}
