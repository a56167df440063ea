package io.dataguardian.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class DocumentExtractorTest {

    @Test
    void pdfFindingOnSecondPageNamesPageTwo() throws IOException {
        byte[] pdf = pdf(null, "Welcome, nothing personal here.", "Contact: marie.devries@example.nl");

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(pdf), "docs/letter.pdf");

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).singleElement().satisfies(f -> {
            assertThat(f.location().path()).isEqualTo("docs/letter.pdf");
            assertThat(f.location().section()).isEqualTo("page 2");
            assertThat(f.maskedValue()).doesNotContain("marie.devries");
        });
    }

    @Test
    void truncatedPdfIsAnError() throws IOException {
        byte[] pdf = pdf(null, "BSN 111222333 on page one", "page two");
        byte[] cut = Arrays.copyOf(pdf, pdf.length / 3);

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(cut), "cut.pdf");

        assertThat(ctx.errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("cut.pdf");
            assertThat(e.kind()).isEqualTo("corrupt");
        });
    }

    @Test
    void passwordProtectedPdfIsAnEncryptedError() throws IOException {
        byte[] pdf = pdf("s3cret", "BSN 111222333");

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(pdf), "locked.pdf");

        assertThat(ctx.findings).isEmpty();
        assertThat(ctx.errors).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("encrypted");
            assertThat(e.message()).contains("password");
        });
    }

    @Test
    void docxBodyAndAuthorMetadataAreScanned() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Dossier van klant met BSN 111222333.");
            doc.getProperties().getCoreProperties().setCreator("auteur@example.nl");
            doc.write(bytes);
        }
        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(bytes.toByteArray()), "dossier.docx");

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("BSN")).singleElement()
                .satisfies(f -> assertThat(f.location().path()).isEqualTo("dossier.docx"));
        assertThat(ctx.findingsOf("EMAIL")).singleElement()
                .satisfies(f -> assertThat(f.location().section()).startsWith("metadata ").contains("creator"));
    }

    @Test
    void xlsxFindingsNameSheetAndCell() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Intro").createRow(0).createCell(0).setCellValue("no personal data");
            XSSFSheet sheet = wb.createSheet("Customers");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("name");
            header.createCell(1).setCellValue("email");
            wb.getProperties().getCoreProperties().setCreator("eigenaar@example.nl");
            for (int r = 1; r <= 3; r++) {
                XSSFRow row = sheet.createRow(r == 3 ? 5 : r); // rows 5 and 6 of the sheet are empty
                row.createCell(0).setCellValue("Klant " + r);
                row.createCell(1).setCellValue("klant" + r + "@example.nl");
            }
            wb.write(bytes);
        }
        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(bytes.toByteArray()), "klanten.xlsx");

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().section())
                .containsExactlyInAnyOrder("metadata dc:creator", "sheet Customers!B2", "sheet Customers!B3",
                        "sheet Customers!B6");
    }

    @Test
    void passwordProtectedXlsxIsAnEncryptedError() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("BSN 111222333");
            wb.write(plain);
        }
        ByteArrayOutputStream locked = new ByteArrayOutputStream();
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            org.apache.poi.poifs.crypt.EncryptionInfo info =
                    new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
            org.apache.poi.poifs.crypt.Encryptor enc = info.getEncryptor();
            enc.confirmPassword("geheim");
            try (org.apache.poi.openxml4j.opc.OPCPackage opc =
                         org.apache.poi.openxml4j.opc.OPCPackage.open(new ByteArrayInputStream(plain.toByteArray()));
                 java.io.OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(locked);
        }
        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(locked.toByteArray()), "salaris.xlsx");

        assertThat(ctx.findings).isEmpty();
        assertThat(ctx.errors).extracting(FileError::kind).containsExactly("encrypted");
    }

    @Test
    void aPlainTextMailIsLeftToTheTextScanAnEncodedOneIsNot() {
        DocumentExtractor x = new DocumentExtractor();
        String plain = "From: Jan <jan@example.nl>\nTo: b@example.nl\nSubject: x\nContent-Type: text/plain;\n"
                + " charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\nbody\n";
        assertThat(x.supports("inbox/a.eml", plain.getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(x.supports("inbox/a.eml", plain.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(x.supports("inbox/a.eml", "From: a@example.nl\nSubject: x\n\nbody\n".getBytes(StandardCharsets.ISO_8859_1)))
                .as("no Content-Type: plain text").isFalse();
        for (String encoded : new String[] {
            plain.replace("8bit", "quoted-printable"),
            plain.replace("8bit", "base64"),
            plain.replace("text/plain", "multipart/mixed; boundary=b"),
            plain.replace("text/plain", "text/html"),
            "From: a@example.nl\nSubject: headers longer than the head",
            "not a mail at all\n\nbody",
        }) {
            assertThat(x.supports("inbox/a.eml", encoded.getBytes(StandardCharsets.ISO_8859_1))).as(encoded).isTrue();
        }
    }

    @Test
    void emlFromHeaderAndBodyAreSeparated() throws IOException {
        String eml = """
                From: Jan Jansen <jan.jansen@example.nl>
                To: helpdesk@example.com
                Subject: Mijn gegevens
                Date: Mon, 2 Mar 2026 10:00:00 +0100
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Beste helpdesk,

                Mijn BSN is 111222333, graag aanpassen.
                """;
        for (String text : new String[] {eml, eml.replace("\n", "\r\n")}) {
            RecordingContext ctx = new RecordingContext()
                    .scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inbox/msg1.eml");

            assertThat(ctx.errors).isEmpty();
            // each address once, under its header (not again as Tika's derived Message:From-Email)
            assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().section())
                    .containsExactlyInAnyOrder("header From", "header To");
            // the body's own lines: the head of Tika's XHTML adds none
            assertThat(ctx.findingsOf("BSN")).extracting(f -> f.location().section() + ":" + f.location().line())
                    .containsExactly("body:3");
        }
    }

    @Test
    void htmlIsLeftToTheTextScan() {
        DocumentExtractor extractor = new DocumentExtractor();
        for (String name : new String[] {"site/contact.html", "index.htm", "page.XHTML"}) {
            assertThat(extractor.supports(name, "<!DOCTYPE html><html>".getBytes(StandardCharsets.US_ASCII)))
                    .as(name).isFalse();
        }
        assertThat(extractor.supports("brief.pdf", new byte[0])).isTrue();
    }

    @Test
    void corruptDocxIsAPerFileErrorAndTheNextFileIsStillScanned() throws IOException {
        RecordingContext ctx = new RecordingContext();
        ctx.scan(new ByteArrayInputStream("this is not a zip at all".getBytes(StandardCharsets.UTF_8)), "broken.docx");
        ctx.scan(new ByteArrayInputStream(pdf(null, "info@example.nl")), "ok.pdf");

        assertThat(ctx.errors).extracting(FileError::path).containsExactly("broken.docx");
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().path()).containsExactly("ok.pdf");
    }

    @Test
    void slowDocumentIsStoppedAtTheTimeLimit() throws IOException {
        byte[] pdf = pdf(null, "info@example.nl");
        // a stream that stalls after the first bytes, like a hung network share
        InputStream stalling = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                if (pos >= 100) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                return pos < pdf.length ? pdf[pos++] & 0xff : -1;
            }
        };
        ScanLimits limits = new ScanLimits(1 << 30, 3, 1000, 1L << 30, 200, Duration.ofMillis(500));
        RecordingContext ctx = new RecordingContext(new RegexTestScanner(), limits);
        new DocumentExtractor().extract(stalling, "slow.pdf", ctx);

        assertThat(ctx.errors).extracting(FileError::kind).containsExactly("timeout");
    }

    @Test
    void oversizedDocumentIsReportedTooLarge() throws IOException {
        byte[] pdf = pdf(null, "info@example.nl");
        ScanLimits limits = new ScanLimits(100, 3, 1000, 1L << 30, 200, Duration.ofSeconds(10));
        RecordingContext ctx = new RecordingContext(new RegexTestScanner(), limits);
        new DocumentExtractor().extract(new ByteArrayInputStream(pdf), "big.pdf", ctx);

        assertThat(ctx.errors).extracting(FileError::kind).containsExactly("too-large");
        assertThat(ctx.findings).isEmpty();
    }

    static byte[] pdf(String password, String... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @SuppressWarnings("unused")
    private static Finding first(RecordingContext ctx) {
        return ctx.findings.get(0);
    }
}
