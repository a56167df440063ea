package io.dataguardian.engine.report;

import java.util.Locale;

/** The report formats, by their command-line name. */
public enum ReportFormat {
    JSON("json", "application/json"),
    SARIF("sarif", "application/sarif+json"),
    CSV("csv", "text/csv"),
    HTML("html", "text/html"),
    TEXT("text", "text/plain"),
    PDF("pdf", "application/pdf");

    private final String id;
    private final String mediaType;

    ReportFormat(String id, String mediaType) {
        this.id = id;
        this.mediaType = mediaType;
    }

    public String id() {
        return id;
    }

    public String mediaType() {
        return mediaType;
    }

    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "' (json, sarif, csv, html, text, pdf)");
    }

    @Override
    public String toString() {
        return id;
    }
}
