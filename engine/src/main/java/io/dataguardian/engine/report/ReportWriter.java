package io.dataguardian.engine.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a report. Writers stream the findings and never write a raw matched value: only what a
 * {@link io.dataguardian.engine.finding.Finding} carries (masked value, fingerprint, masked snippet).
 * The stream is flushed, not closed.
 */
public interface ReportWriter {

    void write(ScanReport report, OutputStream out) throws IOException;
}
