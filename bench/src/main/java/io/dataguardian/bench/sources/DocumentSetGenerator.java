package io.dataguardian.bench.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes a mixed document set (PDF, DOCX, XLSX, CSV, JSON, EML, zips of CSV + DOCX) of about the
 * given size, with Dutch personal data sprinkled through ordinary text.
 *
 * <pre>java -cp ... io.dataguardian.bench.sources.DocumentSetGenerator /tmp/docs 1000   # MB</pre>
 */
public final class DocumentSetGenerator {

    private static final String[] WORDS = ("de het een en van in is dat op te voor met zijn niet aan er maar om ook als"
            + " bij nog wel door naar dan uit kan was over tot heeft worden moet deze klant factuur contract levering"
            + " afspraak offerte project overleg planning rapport bijlage").split(" ");

    private final Random random = new Random(7);

    private DocumentSetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/docset");
        long targetBytes = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
        Files.createDirectories(dir);
        DocumentSetGenerator g = new DocumentSetGenerator();
        long written = 0;
        int n = 0;
        while (written < targetBytes) {
            byte[] data;
            String name;
            switch (n % 7) {
                case 0 -> { data = g.pdf(20); name = "brief" + n + ".pdf"; }
                case 1 -> { data = g.docx(400); name = "dossier" + n + ".docx"; }
                case 2 -> { data = g.xlsx(5000); name = "klanten" + n + ".xlsx"; }
                case 3 -> { data = g.csv(20000).getBytes(StandardCharsets.UTF_8); name = "export" + n + ".csv"; }
                case 4 -> { data = g.json(5000).getBytes(StandardCharsets.UTF_8); name = "dump" + n + ".json"; }
                case 5 -> { data = g.eml().getBytes(StandardCharsets.UTF_8); name = "mail" + n + ".eml"; }
                default -> { data = g.zip(); name = "archief" + n + ".zip"; }
            }
            Files.write(dir.resolve(name), data);
            written += data.length;
            n++;
        }
        System.out.printf("wrote %d files, %.1f MB to %s%n", n, written / 1e6, dir);
    }

    private String sentence() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        if (random.nextInt(4) == 0) {
            sb.append("contact ").append(email()).append(' ');
        }
        if (random.nextInt(8) == 0) {
            sb.append("BSN ").append(bsn()).append(' ');
        }
        return sb.append('.').toString();
    }

    private String email() {
        return "persoon" + random.nextInt(100000) + "@voorbeeld.nl";
    }

    private String bsn() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            d[0] = 1 + random.nextInt(9);
            sum += 9 * d[0];
            for (int i = 1; i < 8; i++) {
                d[i] = random.nextInt(10);
                sum += (9 - i) * d[i];
            }
            if (sum % 11 <= 9) {
                d[8] = sum % 11;
                StringBuilder sb = new StringBuilder();
                for (int x : d) {
                    sb.append(x);
                }
                return sb.toString();
            }
        }
    }

    byte[] pdf(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(40, 750);
                    for (int l = 0; l < 60; l++) {
                        cs.showText(sentence());
                        cs.newLineAtOffset(0, -12);
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    byte[] docx(int paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < paragraphs; i++) {
                doc.createParagraph().createRun().setText(sentence() + " " + sentence());
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    byte[] xlsx(int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = wb.createSheet("Klanten");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("naam");
            header.createCell(1).setCellValue("email");
            header.createCell(2).setCellValue("bsn");
            header.createCell(3).setCellValue("opmerking");
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("Klant " + r);
                row.createCell(1).setCellValue(email());
                row.createCell(2).setCellValue(bsn());
                row.createCell(3).setCellValue(sentence());
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    String csv(int rows) {
        StringBuilder sb = new StringBuilder("id;naam;email;telefoon;notitie\n");
        for (int r = 1; r <= rows; r++) {
            sb.append(r).append(";Klant ").append(r).append(';').append(email()).append(";06-")
                    .append(10000000 + random.nextInt(89999999)).append(";\"").append(sentence()).append("\"\n");
        }
        return sb.toString();
    }

    String json(int records) {
        StringBuilder sb = new StringBuilder("{\"customers\":[");
        for (int r = 0; r < records; r++) {
            if (r > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":").append(r).append(",\"email\":\"").append(email()).append("\",\"bsn\":\"")
                    .append(bsn()).append("\",\"note\":\"").append(sentence()).append("\"}");
        }
        return sb.append("]}").toString();
    }

    String eml() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append(sentence()).append('\n');
        }
        return "From: " + email() + "\nTo: " + email() + "\nSubject: Uw gegevens\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n" + body;
    }

    byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("export/klanten.csv"));
            zip.write(csv(5000).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("docs/dossier.docx"));
            zip.write(docx(100));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
