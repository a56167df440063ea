package io.dataguardian.engine.source;

import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/** What the engine offers an extractor while it works on one item. */
public interface ExtractionContext {

    /** The catalogue, for extractors that look at values one by one (CSV columns, JSON paths). */
    TextScanner scanner();

    /** Scans a text stream and reports its findings under {@code path} / {@code section}. */
    void scanText(Reader text, String path, String section) throws IOException;

    /** Reports a finding the extractor built itself (e.g. one aggregated over a CSV column). */
    void finding(Finding finding);

    /** Reports that an item could not be scanned completely; the scan goes on. */
    void error(FileError error);

    /**
     * Hands a nested item (an archive entry, an e-mail attachment) back to the engine, which picks
     * the extractor for it. Nesting depth is counted by the engine; past
     * {@link ScanLimits#maxArchiveDepth()} the item is reported as an error instead.
     *
     * @param in   the nested content; not closed by the engine
     * @param path its full location path ({@code outer.zip!/inner.tar!/x.csv})
     */
    void nested(InputStream in, String path) throws IOException;

    /** Current nesting depth: 0 for a file on disk, 1 for an entry of an archive on disk, ... */
    int depth();

    ScanLimits limits();

    /** True once the scan was cancelled; long extractors check it between items. */
    boolean cancelled();

    /**
     * CSV and JSON: fold the matches of one column / JSON path into one finding per detector (true),
     * or report every occurrence with its exact position (false, the default).
     */
    default boolean aggregateColumns() {
        return false;
    }
}
