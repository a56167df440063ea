package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
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
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
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
 * deterministic for a given result (dates and document id come from the scan, not the clock). Texts are Dutch for a
 * Dutch locale, else English ({@link ReportTexts}); after the findings, the detectors that found something are
 * listed with their name and description.
 */
public final class PdfReportWriter implements ReportWriter {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float TABLE_SIZE = 8;
    private static final float ROW = 12;
    /** Column x offsets (from the left margin) and widths: severity, type, location, masked value. */
    private static final float[] COL_X = {0, 60, 170, 390};
    private static final float[] COL_W = {56, 106, 216, 125};
    private static final String[] HEADERS = {"severity", "type", "location", "value"};
    private static final long MAX_MAIN_MEMORY = 8L << 20;

    private final ReportTexts t;

    /** An English report. */
    public PdfReportWriter() {
        this(Locale.ENGLISH);
    }

    /** A report in Dutch for a Dutch locale, else in English. */
    public PdfReportWriter(Locale locale) {
        this.t = ReportTexts.of(locale);
    }

    @Override
    public void write(ScanReport report, OutputStream out) throws IOException {
        ScanResult r = report.result();
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY).streamCache)) {
            Page page = new Page(doc, t);
            page.start();
            try {
                info(doc, report);
                summary(page, report);
                findings(page, r);
                detectors(page, report);
            } finally {
                page.close();
            }
            doc.save(out);
        }
        out.flush();
    }

    private void info(PDDocument doc, ScanReport report) {
        ScanResult r = report.result();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(t.get("report.pdfTitle"));
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

    private void summary(Page p, ScanReport report) throws IOException {
        ScanResult r = report.result();
        Scores sc = r.scores();
        ScanStats st = r.stats();
        p.text(p.bold, 18, 0, t.get("report.pdfTitle"), PAGE.getWidth() - 2 * MARGIN);
        p.advance(26);
        p.line(10, t.get("report.scanned", r.baseDirectory()));
        p.line(10, t.get("report.started", st.started(), st.duration().toMillis()));
        p.line(10, t.get("report.toolVersion", report.toolVersion()));
        p.line(10, t.get("report.filesLine", st.filesScanned(), Sizes.format(st.bytesScanned()), st.filesSkipped(),
                r.errors().size()) + (st.cancelled() ? ", " + t.get("report.cancelled") : ""));
        p.advance(6);
        p.line(12, t.get("report.complianceLine", sc.complianceScore(), t.band(sc.complianceBand())));
        p.line(12, t.get("report.riskLine", sc.riskScore(), t.get("report.riskLevel", t.risk(sc.riskLevel()))));
        p.advance(6);
        StringBuilder counts = new StringBuilder(t.get("report.findingsCount", r.findingCount()));
        for (Severity s : Severity.values()) {
            counts.append("   ").append(t.severity(s)).append(": ").append(sc.count(s));
        }
        p.line(10, counts.toString());
        p.advance(14);
    }

    private void findings(Page p, ScanResult r) throws IOException {
        p.text(p.bold, 13, 0, t.get("report.findings", r.findingCount()), 400);
        p.advance(18);
        if (r.findingCount() == 0) {
            p.line(10, t.get("report.noFindings"));
            return;
        }
        p.tableHeader();
        for (Finding f : r.sortedFindings()) {
            if (p.y - ROW < MARGIN + 14) {
                p.newPage();
                p.tableHeader();
            }
            String value = f.maskedValue() + (f.occurrences() > 1 ? " x" + f.occurrences() : "");
            String[] cells = {t.severity(f.severity()), f.entityType(), f.location().display(), value};
            for (int i = 0; i < cells.length; i++) {
                p.text(p.regular, TABLE_SIZE, COL_X[i], cells[i], COL_W[i]);
            }
            p.advance(ROW);
        }
        p.advance(10);
        p.line(8, t.get("report.footer"));
    }

    /** Each detector that found something: id and name in bold, then its description wrapped to the page width. */
    private void detectors(Page p, ScanReport report) throws IOException {
        List<DetectorInfo> used = report.rulesWithFindings();
        if (used.isEmpty()) {
            return;
        }
        p.advance(8);
        if (p.y - 40 < MARGIN) {
            p.newPage();
        }
        p.text(p.bold, 13, 0, t.get("report.detectors"), 400);
        p.advance(18);
        float width = PAGE.getWidth() - 2 * MARGIN;
        for (DetectorInfo d : used) {
            if (p.y - 3 * ROW < MARGIN) {
                p.newPage();
            }
            p.text(p.bold, 9, 0, t.detectorName(d) + " (" + d.id() + ")", width);
            p.advance(ROW);
            for (String line : p.wrap(p.regular, TABLE_SIZE, t.detectorDescription(d), width)) {
                p.line(TABLE_SIZE, line);
            }
            p.advance(4);
        }
    }

    /** The current page, its content stream, the cursor, and page numbers in the footer. */
    private static final class Page {
        final PDDocument doc;
        final ReportTexts t;
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        PDPageContentStream cs;
        float y;
        int number;

        Page(PDDocument doc, ReportTexts t) {
            this.doc = doc;
            this.t = t;
        }

        void start() throws IOException {
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            number++;
            y = PAGE.getHeight() - MARGIN;
            text(regular, 7, 0, ScanReport.TOOL_NAME + " - " + t.get("report.page", number), 300);
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
                text(bold, TABLE_SIZE, COL_X[i], t.get("report.col." + HEADERS[i]), COL_W[i]);
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

        /** The text split at spaces into lines no wider than {@code width} (a longer word is shortened by text()). */
        List<String> wrap(PDType1Font font, float size, String s, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : sanitize(font, s).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(font, size, candidate) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
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
