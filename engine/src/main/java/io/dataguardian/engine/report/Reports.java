package io.dataguardian.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** The writers by format, and atomic writing to a file. */
public final class Reports {

    private Reports() {
    }

    /** The English writer of the format. */
    public static ReportWriter writer(ReportFormat format) {
        return writer(format, Locale.ENGLISH);
    }

    /**
     * The writer of the format in the locale's language (Dutch or English, see {@link ReportTexts}). SARIF stays
     * English: its texts are read by code-scanning tools.
     */
    public static ReportWriter writer(ReportFormat format, Locale locale) {
        return switch (format) {
            case JSON -> new JsonReportWriter(locale);
            case SARIF -> new SarifReportWriter();
            case CSV -> new CsvReportWriter(locale);
            case HTML -> new HtmlReportWriter(locale);
            case TEXT -> new TextReportWriter(locale);
            case PDF -> new PdfReportWriter(locale);
        };
    }

    /**
     * Writes the report to a temporary file next to {@code target} and moves it into place, so a
     * crash never leaves a half-written report.
     */
    public static void writeAtomically(ReportFormat format, ScanReport report, Path target) throws IOException {
        writeAtomically(format, Locale.ENGLISH, report, target);
    }

    /** As {@link #writeAtomically(ReportFormat, ScanReport, Path)}, in the locale's language. */
    public static void writeAtomically(ReportFormat format, Locale locale, ScanReport report, Path target)
            throws IOException {
        writeAtomically(target, out -> writer(format, locale).write(report, out));
    }

    /** What writes a report's bytes to a stream. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code body} to a temporary file next to {@code target} and moves it into place when it ends
     * normally; when it throws, the temporary file is deleted and {@code target} is left as it was.
     */
    public static void writeAtomically(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            // a large report's write calls take another core than its formatting
            try (OutputStream out = new WriteBehindOutputStream(Files.newOutputStream(tmp))) {
                body.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
