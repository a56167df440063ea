package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.ScanStats;
import io.dataguardian.engine.scan.Sizes;
import io.dataguardian.engine.score.Scores;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printable PDF (A4, Apache PDFBox, standard Helvetica): title, scan summary (version, time,
 * files and bytes, scores with their band, counts per severity) and the findings table (severity,
 * type, location, masked value) over as many pages as needed. Findings are streamed from
 * {@link ScanResult#sortedFindings()}; page content beyond a few MB is cached in a temporary file.
 * Helvetica only encodes WinAnsi, so every other character is written as '?'. The output is
 * deterministic for a given result (dates and document id come from the scan, not the clock).
 */
public final class PdfReportWriter implements ReportWriter {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float TABLE_SIZE = 8;
    private static final float ROW = 12;
    /** Column x offsets (from the left margin) and widths: severity, type, location, masked value. */
    private static final float[] COL_X = {0, 60, 170, 390};
    private static final float[] COL_W = {56, 106, 216, 125};
    private static final String[] HEADERS = {"Severity", "Type", "Location", "Value (masked)"};
    private static final long MAX_MAIN_MEMORY = 8L << 20;

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        ScanResult r = report.result();
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY).streamCache)) {
            Page page = new Page(doc);
            page.start();
            try {
                info(doc, report);
                summary(page, report);
                findings(page, r);
            } finally {
                page.close();
            }
            doc.save(out);
        }
        out.flush();
    }

    private static void info(PDDocument doc, ScanReport report) {
        ScanResult r = report.result();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(ScanReport.TOOL_NAME + " privacy scan report");
        info.setCreator(ScanReport.TOOL_NAME + " " + report.toolVersion());
        Calendar started = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        started.setTimeInMillis(r.stats().started().toEpochMilli());
        info.setCreationDate(started);
        // a fixed id (else PDFBox derives one from the clock), so the same result gives the same bytes
        byte[] id = documentId(report);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] documentId(ScanReport report) {
        ScanResult r = report.result();
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update((report.toolVersion() + "|" + r.stats().started() + "|" + r.baseDirectory() + "|"
                    + r.findingCount() + "|" + r.scores()).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void summary(Page p, ScanReport report) throws IOException {
        ScanResult r = report.result();
        Scores sc = r.scores();
        ScanStats st = r.stats();
        p.text(p.bold, 18, 0, ScanReport.TOOL_NAME + " privacy scan report", PAGE.getWidth() - 2 * MARGIN);
        p.advance(26);
        p.line(10, "Scanned: " + r.baseDirectory());
        p.line(10, "Started: " + st.started() + "  (duration " + st.duration().toMillis() + " ms)");
        p.line(10, "Tool version: " + report.toolVersion());
        p.line(10, "Files scanned: " + st.filesScanned() + " (" + Sizes.format(st.bytesScanned()) + "), "
                + st.filesSkipped() + " skipped, " + r.errors().size() + " errors" + (st.cancelled() ? ", cancelled" : ""));
        p.advance(6);
        p.line(12, "Compliance score: " + sc.complianceScore() + "/100 (" + sc.complianceBand().label() + ")");
        p.line(12, "Risk score: " + sc.riskScore() + "/100 (" + sc.riskLevel().name().toLowerCase(Locale.ROOT) + " risk)");
        p.advance(6);
        StringBuilder counts = new StringBuilder("Findings: ").append(r.findingCount());
        for (Severity s : Severity.values()) {
            counts.append("   ").append(label(s)).append(": ").append(sc.count(s));
        }
        p.line(10, counts.toString());
        p.advance(14);
    }

    private static void findings(Page p, ScanResult r) throws IOException {
        p.text(p.bold, 13, 0, "Findings (" + r.findingCount() + ")", 400);
        p.advance(18);
        if (r.findingCount() == 0) {
            p.line(10, "No personal data or secrets found.");
            return;
        }
        p.tableHeader();
        for (Finding f : r.sortedFindings()) {
            if (p.y - ROW < MARGIN + 14) {
                p.newPage();
                p.tableHeader();
            }
            String value = f.maskedValue() + (f.occurrences() > 1 ? " x" + f.occurrences() : "");
            String[] cells = {label(f.severity()), f.entityType(), f.location().display(), value};
            for (int i = 0; i < cells.length; i++) {
                p.text(p.regular, TABLE_SIZE, COL_X[i], cells[i], COL_W[i]);
            }
            p.advance(ROW);
        }
        p.advance(10);
        p.line(8, "Values are masked; fingerprints are keyed HMAC-SHA256. Scores: see docs/scoring.md.");
    }

    private static String label(Severity s) {
        return s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The current page, its content stream, the cursor, and page numbers in the footer. */
    private static final class Page {
        final PDDocument doc;
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        PDPageContentStream cs;
        float y;
        int number;

        Page(PDDocument doc) {
            this.doc = doc;
        }

        void start() throws IOException {
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            number++;
            y = PAGE.getHeight() - MARGIN;
            text(regular, 7, 0, ScanReport.TOOL_NAME + " - page " + number, 300);
            y -= 16;
        }

        void newPage() throws IOException {
            cs.close();
            start();
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        void tableHeader() throws IOException {
            for (int i = 0; i < HEADERS.length; i++) {
                text(bold, TABLE_SIZE, COL_X[i], HEADERS[i], COL_W[i]);
            }
            cs.setLineWidth(0.5f);
            cs.moveTo(MARGIN, y - 3);
            cs.lineTo(PAGE.getWidth() - MARGIN, y - 3);
            cs.stroke();
            advance(ROW + 2);
        }

        void advance(float dy) throws IOException {
            y -= dy;
            if (y < MARGIN) {
                newPage();
            }
        }

        /** A summary line, wrapped to a new page when the page is full. */
        void line(float size, String s) throws IOException {
            if (y - size < MARGIN) {
                newPage();
            }
            text(regular, size, 0, s, PAGE.getWidth() - 2 * MARGIN);
            advance(size + 5);
        }

        /** Writes sanitized text at the cursor's baseline, shortened with "..." to fit {@code width}. */
        void text(PDType1Font font, float size, float x, String s, float width) throws IOException {
            String fitted = fit(font, size, sanitize(font, s), width);
            if (fitted.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN + x, y);
            cs.showText(fitted);
            cs.endText();
        }

        /** Replaces every character Helvetica (WinAnsi) cannot encode, and control characters, with '?'. */
        String sanitize(PDType1Font font, String s) {
            if (s == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> sb.append(cp >= 0x20 && cp != 0x7f && canEncode(font, cp)
                    ? new String(Character.toChars(cp)) : "?"));
            return sb.toString();
        }

        private boolean canEncode(PDType1Font font, int cp) {
            return encodable.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
        }

        private static String fit(PDType1Font font, float size, String s, float width) throws IOException {
            if (width(font, size, s) <= width) {
                return s;
            }
            // no cell holds more than a few hundred characters at these sizes
            int end = Math.min(s.length(), 300);
            while (end > 0 && width(font, size, s.substring(0, end) + "...") > width) {
                end--;
            }
            return s.substring(0, end) + "...";
        }

        private static float width(PDType1Font font, float size, String s) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }
    }
}
