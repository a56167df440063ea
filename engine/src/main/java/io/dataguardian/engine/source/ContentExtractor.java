package io.dataguardian.engine.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns one kind of content (an archive, a PDF, a spreadsheet, a CSV file, ...) into text for the
 * {@link io.dataguardian.engine.detect.TextScanner}, or into nested items for other extractors.
 * Implementations are stateless and thread-safe; the engine asks each registered extractor in
 * order of {@link #priority()} and uses the first that {@link #supports} the item, falling back to
 * the plain-text reader.
 */
public interface ContentExtractor {

    /** Lower runs first. Plain text is the fallback and is not an extractor. */
    default int priority() {
        return 100;
    }

    /**
     * @param name the item's file name (last path segment, e.g. {@code report.pdf})
     * @param head up to the first 8 KiB of the content (fewer for a short item), for magic numbers
     */
    boolean supports(String name, byte[] head);

    /**
     * Extracts the item and scans what it finds through {@code context}. Problems with the item
     * itself (corrupt, encrypted, too large, hostile) are reported through
     * {@link ExtractionContext#error} and the method returns normally; only a failure to read the
     * stream may be thrown, and the engine then records it as a per-file error.
     *
     * @param in   the content, positioned at its start; the extractor must not close it
     * @param path the item's location path ({@code a.zip!/dir/b.csv})
     */
    void extract(InputStream in, String path, ExtractionContext context) throws IOException;
}
