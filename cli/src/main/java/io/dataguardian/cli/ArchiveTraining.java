package io.dataguardian.cli;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.report.ReportFormat;
import io.dataguardian.engine.report.Reports;
import io.dataguardian.engine.report.ScanReport;
import io.dataguardian.engine.scan.ScanControl;
import io.dataguardian.engine.scan.ScanEngine;
import io.dataguardian.engine.scan.ScanListener;
import io.dataguardian.engine.scan.ScanRequest;
import io.dataguardian.engine.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The extra work of the run that dumps the launcher's class-data archive ({@code bin/dataguardian} sets
 * {@value #PROPERTY} on that run only): after the user's scan, one scan of a small made-up document of every
 * kind the engine reads (PDF, Word, Excel, PowerPoint, OpenDocument, RTF, e-mail with an HTML part, zip and tar.gz,
 * CSV, JSON) and one report in every format, all written to a private temporary directory and thrown away. The JVM
 * archives the classes a run loaded, so without this an archive dumped by a first scan of plain text left out
 * Tika, POI and PDFBox, and every later scan of documents read them from the jar again (~0.6 s of CPU on a
 * scan of 11 documents). It costs the dumping run ~1-2 s, once per built jar. The texts are prose without any
 * identifier (the e-mail's headers name addresses at the reserved {@code example.invalid}); nothing of this reaches the user's report, output or exit status, and any failure is ignored
 * (an archive with fewer classes is only slower).
 */
final class ArchiveTraining {

    static final String PROPERTY = "dataguardian.cds.dump";

    private static final String[] LINES = {
        "Verslag van het overleg over de planning van het nieuwe project, met de afspraken voor de levering.",
        "Minutes of the meeting about the project plan; the next review is scheduled after the summer.",
        "De cliënt vroeg naar de voortgang; één punt blijft open tot het volgende overleg.",
    };

    private ArchiveTraining() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Scans the made-up documents with the engine and writes every report format; never throws. */
    static void run(Supplier<ScanEngine> engines) {
        Path dir = null;
        try {
            ScanEngine engine = engines.get();
            dir = Files.createTempDirectory("dataguardian-cds-");
            writeSamples(dir);
            // twice: the second pass also reads the PDF and HTML reports the first one wrote
            for (int pass = 0; pass < 2; pass++) {
                scanAndReport(engine, dir, pass == 0);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // a smaller archive, nothing more
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    private static void scanAndReport(ScanEngine engine, Path dir, boolean keepDocuments) throws IOException {
        DetectionSettings settings = new DetectionSettings(new byte[32], Set.of(), List.of(), Set.of());
        ScanRequest request = ScanRequest.builder(settings).root(dir).threads(1).build();
        try (ScanResult result = engine.scan(request, ScanListener.NONE, new ScanControl())) {
            ScanReport report = new ScanReport(result, DataGuardianCli.version(),
                    ScanReport.rules(Catalogue.standard().detectors(), List.of()));
            for (ReportFormat format : ReportFormat.values()) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"))) {
                    boolean keep = keepDocuments && locale == Locale.ENGLISH
                            && (format == ReportFormat.PDF || format == ReportFormat.HTML);
                    try (OutputStream out = keep
                            ? Files.newOutputStream(dir.resolve("report." + format.id()))
                            : OutputStream.nullOutputStream()) {
                        Reports.writer(format, locale).write(report, out);
                    }
                }
            }
        }
    }

    static void writeSamples(Path dir) throws IOException {
        String text = String.join("\n", LINES) + "\n";
        Files.writeString(dir.resolve("notes.txt"), text);
        Files.writeString(dir.resolve("export.csv"), "id;omschrijving;status\n1;" + LINES[0] + ";open\n2;"
                + LINES[1] + ";gesloten\n");
        Files.writeString(dir.resolve("dump.json"), "{\"items\":[{\"id\":1,\"note\":\"" + LINES[2]
                + "\"},{\"id\":2,\"note\":\"" + LINES[1] + "\"}]}\n");
        // HTML files are read as text; Tika's HTML parser reads the e-mail's HTML part
        String html = "<html><head><title>Overleg</title></head><body><p>" + LINES[0] + "</p><p>" + LINES[1]
                + "</p></body></html>";
        Files.writeString(dir.resolve("page.html"), html + "\n");
        Files.writeString(dir.resolve("letter.rtf"), "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Helvetica;}}\\f0 "
                + LINES[1] + "\\par " + LINES[0] + "\\par}\n");
        Files.writeString(dir.resolve("mail.eml"), "From: planning <planning@example.invalid>\r\n"
                + "To: team <team@example.invalid>\r\nSubject: Overleg\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text.replace("\n", "\r\n")
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n"
                + "--b1\r\nContent-Type: text/csv; name=\"export.csv\"\r\n"
                + "Content-Disposition: attachment; filename=\"export.csv\"\r\n\r\nid;status\r\n1;open\r\n--b1--\r\n",
                StandardCharsets.UTF_8);
        byte[] docx = docx();
        Files.write(dir.resolve("dossier.docx"), docx);
        Files.write(dir.resolve("lijst.xlsx"), workbook(new XSSFWorkbook()));
        Files.write(dir.resolve("lijst.xls"), workbook(new HSSFWorkbook()));
        Files.write(dir.resolve("slides.pptx"), pptx());
        Files.write(dir.resolve("verslag.odt"), odt());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("archief.zip")))) {
            zip.putNextEntry(new ZipEntry("export.csv"));
            zip.write(Files.readAllBytes(dir.resolve("export.csv")));
            zip.putNextEntry(new ZipEntry("dossier.docx"));
            zip.write(docx);
        }
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("archief.tar.gz")))) {
            byte[] json = Files.readAllBytes(dir.resolve("dump.json"));
            try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gz)) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("dump.json");
                entry.setSize(json.length);
                tar.putArchiveEntry(entry);
                tar.write(json);
                tar.closeArchiveEntry();
            }
        }
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : LINES) {
                doc.createParagraph().createRun().setText(line);
            }
            var table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("status");
            table.getRow(1).getCell(0).setText(LINES[2]);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] workbook(Workbook wb) throws IOException {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Overzicht");
            for (int i = 0; i < LINES.length; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(i + 1);
                row.createCell(1).setCellValue(LINES[i]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] pptx() throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setText(LINES[1]);
            show.write(out);
            return out.toByteArray();
        }
    }

    /** A minimal OpenDocument text: the mimetype first and stored, then the content. */
    private static byte[] odt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mime = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mime.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mime);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mime);
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                    + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                    + "<manifest:file-entry manifest:full-path=\"/\""
                    + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                    + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                    + "<office:body><office:text><text:p>" + LINES[0] + "</text:p><text:p>" + LINES[2]
                    + "</text:p></office:text></office:body></office:document-content>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left in the temporary directory
                }
            });
        } catch (IOException e) {
            // left in the temporary directory
        }
    }
}
