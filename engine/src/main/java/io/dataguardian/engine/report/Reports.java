package io.dataguardian.engine.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The writers by format, and atomic writing to a file. */
public final class Reports {

    private Reports() {
    }

    public static ReportWriter writer(ReportFormat format) {
        return switch (format) {
            case JSON -> new JsonReportWriter();
            case SARIF -> new SarifReportWriter();
            case CSV -> new CsvReportWriter();
            case HTML -> new HtmlReportWriter();
            case TEXT -> new TextReportWriter();
            case PDF -> new PdfReportWriter();
        };
    }

    /**
     * Writes the report to a temporary file next to {@code target} and moves it into place, so a
     * crash never leaves a half-written report.
     */
    public static void writeAtomically(ReportFormat format, ScanReport report, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer(format).write(report, out);
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
