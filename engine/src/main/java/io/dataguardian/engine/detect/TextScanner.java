package io.dataguardian.engine.detect;

import io.dataguardian.engine.finding.FindingSink;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs the whole detector catalogue (with suppressions and context scoring applied) over text.
 * Thread-safe: one instance serves every thread of a scan.
 */
public interface TextScanner {

    /** Matches in a short in-memory text: a cell, a header value, a metadata field, a column value. */
    List<Match> scan(CharSequence text);

    /**
     * Matches in one value whose field is known (a CSV column header, a JSON key, a database column):
     * the field name counts as context, so a date under {@code geboortedatum} is a date of birth and
     * {@code 2773 MB} under {@code postcode} is a postcode. Offsets are relative to {@code value}.
     * Scanners that do not use context fall back to {@link #scan(CharSequence)}.
     */
    default List<Match> scanField(String fieldName, CharSequence value) {
        return scan(value);
    }

    /**
     * Streams a text of any length through the catalogue in overlapping chunks, in bounded memory,
     * and sends each finding (with line, column and offsets relative to the start of this text) to
     * the sink. A match that crosses a chunk boundary is reported exactly once.
     *
     * @param path    location path for the findings (see {@link io.dataguardian.engine.finding.Location})
     * @param section location section for the findings, or null
     */
    void scan(Reader text, String path, String section, FindingSink sink) throws IOException;

    /**
     * {@link #scan(Reader, String, String, FindingSink)} with the work spread over {@code parallelism} tasks run on
     * {@code workers}: the calling thread decodes the text into large blocks, the workers scan them, and the caller
     * sends their findings to the sink in text order, with the same lines, columns and offsets, and the same
     * findings, as the one-thread scan. For large texts; scanners that cannot split fall back to the one-thread scan.
     */
    default void scan(Reader text, String path, String section, FindingSink sink, Executor workers, int parallelism)
            throws IOException {
        scan(text, path, section, sink);
    }
}
