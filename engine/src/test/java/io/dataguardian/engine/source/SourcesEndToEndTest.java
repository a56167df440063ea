package io.dataguardian.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.scan.ScanEngine;
import io.dataguardian.engine.scan.ScanRequest;
import io.dataguardian.engine.scan.ScanResult;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extractors as the engine finds them (service file) with the real catalogue. */
class SourcesEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void directoryWithZipAndDocxIsScannedThroughTheEngine() throws Exception {
        String csv = "naam,email,iban\nJan de Vries,jan.devries@voorbeeld.nl,NL91ABNA0417164300\n"
                + "Piet Jansen,piet.jansen@voorbeeld.nl,NL91ABNA0417164300\n";
        Files.write(dir.resolve("export.zip"), ArchiveExtractorTest.zip(
                ArchiveExtractorTest.entry("crm/customers.csv", csv),
                ArchiveExtractorTest.entry("../escape.txt", "x")));
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(dir.resolve("brief.docx"))) {
            doc.createParagraph().createRun().setText("Geachte heer, uw e-mailadres is marie@voorbeeld.nl.");
            doc.write(out);
        }
        Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7 this is not really a pdf", StandardCharsets.UTF_8);

        ScanResult result = new ScanEngine().scan(ScanRequest.builder(
                DetectionSettings.withKey("end-to-end-test-key-0123456789".getBytes(StandardCharsets.UTF_8)))
                .root(dir).threads(2).aggregateColumns(true).build());

        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.entityType()).isEqualTo("EMAIL");
            assertThat(f.location().path()).isEqualTo("export.zip!/crm/customers.csv");
            assertThat(f.location().section()).isEqualTo("column email");
            assertThat(f.occurrences()).isEqualTo(2);
        });
        assertThat(result.findings()).filteredOn(f -> f.location().path().equals("brief.docx"))
                .extracting(Finding::entityType).contains("EMAIL");
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("export.zip!/../escape.txt");
            assertThat(e.kind()).isEqualTo("unsafe-entry-name");
        });
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("broken.pdf");
            assertThat(e.kind()).isEqualTo("corrupt");
        });
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.maskedValue()).doesNotContain("jan.devries@"));
    }

    @Test
    void anHtmlPageIsReadAsSourceWithItsScriptsCommentsAttributesAndLines() throws Exception {
        Files.writeString(dir.resolve("index.html"), """
                <!DOCTYPE html>
                <html><head><title>Contact</title>
                <script>
                  const github = "ghp_ZQ4nJ7vR2pX9sL5tW8yB3cD6fG1hK0mA2bE4";
                </script></head>
                <body>
                <p>Mail ons: <a href="mailto:info@voorbeeld.nl">het secretariaat</a></p>
                <!-- beheerder: jan.jansen@voorbeeld.nl -->
                <input type="hidden" name="bsn" value="111222333">
                </body></html>
                """, StandardCharsets.UTF_8);

        ScanResult result = new ScanEngine().scan(ScanRequest.builder(
                DetectionSettings.withKey("end-to-end-test-key-0123456789".getBytes(StandardCharsets.UTF_8)))
                .root(dir).threads(1).build());

        assertThat(result.errors()).isEmpty();
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.location().section()).isNull());
        assertThat(result.findings()).extracting(f -> f.entityType() + "@" + f.location().line())
                .contains("EMAIL@7", "EMAIL@8", "BSN@9")
                .anyMatch(s -> s.endsWith("@4") && !s.startsWith("EMAIL"));
    }

    @Test
    void aPlainTextMailIsScannedWithTheFilesLines() throws Exception {
        Files.writeString(dir.resolve("vraag.eml"), """
                From: Jan Jansen <jan.jansen@voorbeeld.nl>
                To: helpdesk@voorbeeld.nl
                Subject: Mijn gegevens
                Content-Type: text/plain; charset=UTF-8

                Beste helpdesk,
                Mijn BSN is 111222333.
                """.replace("\n", "\r\n"), StandardCharsets.UTF_8);

        ScanResult result = new ScanEngine().scan(ScanRequest.builder(
                DetectionSettings.withKey("end-to-end-test-key-0123456789".getBytes(StandardCharsets.UTF_8)))
                .root(dir).threads(1).build());

        assertThat(result.errors()).isEmpty();
        assertThat(result.findings()).extracting(f -> f.entityType() + "@" + f.location().line() + ":"
                        + f.location().column() + " " + f.location().section())
                .containsExactlyInAnyOrder("EMAIL@1:19 null", "EMAIL@2:5 null", "BSN@7:13 null");
    }

    @Test
    void aJsonKeyOrNameMemberNamesTheValueMemberAfterIt() throws Exception {
        // Postman's variables and headers, HAR's headers, a Kubernetes env list as JSON
        Files.writeString(dir.resolve("collection.json"), "{\"variable\": [\n"
                + "  {\"key\": \"client_secret\", \"value\": \"Wq7mZ2xK9vLp4RtP\"},\n"
                + "  {\"key\": \"client_id\", \"value\": \"Xk9mQ2vL7pRtW3zq\"},\n"
                + "  {\"name\": \"DB_PASSWORD\", \"value\": \"Jt4kW9mQz2XvL7pRn5\"},\n"
                + "  {\"key\": \"api_token\", \"type\": \"string\", \"value\": \"Hq7vXz2LmP9wRk4T\"}\n]}\n",
                StandardCharsets.UTF_8);

        ScanResult result = new ScanEngine().scan(ScanRequest.builder(
                DetectionSettings.withKey("end-to-end-test-key-0123456789".getBytes(StandardCharsets.UTF_8)))
                .root(dir).threads(1).build());

        assertThat(result.errors()).isEmpty();
        assertThat(result.findings()).filteredOn(f -> f.entityType().equals("GENERIC_SECRET"))
                .extracting(f -> f.location().line()).containsExactlyInAnyOrder(2, 4);
    }
}
