package io.dataguardian.engine.source;

import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV and TSV, streamed cell by cell (RFC 4180 quotes, doubled quotes and newlines inside quoted
 * fields; delimiter {@code , ; TAB |} guessed from the first line). Each value is scanned with its
 * column header as context. With {@link ExtractionContext#aggregateColumns()} findings are aggregated
 * per column ({@code section = column email}), see {@link ColumnAggregator}; without it every match is
 * its own finding at its exact line, column and character offset, still with {@code section = column
 * email}. When the first row already holds personal data it is data, not a header, and columns are
 * named by number.
 */
public final class CsvExtractor implements ContentExtractor {

    /** Longest cell scanned; longer cells are cut (a binary file misnamed .csv has no newlines). */
    static final int MAX_CELL_CHARS = 1 << 16;
    static final int MAX_FIELDS = 10_000;

    @Override
    public int priority() {
        return 60;
    }

    @Override
    public boolean supports(String name, byte[] head) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".tab");
    }

    @Override
    public void extract(InputStream in, String path, ExtractionContext context) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1 << 16);
        int first = reader.read();
        if (first != '\uFEFF' && first >= 0) {
            reader.reset();
        }
        char delimiter = path.toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : guessDelimiter(reader);
        TextScanner scanner = context.scanner();
        boolean aggregate = context.aggregateColumns();
        ColumnAggregator aggregator = new ColumnAggregator(path);
        CsvReader csv = new CsvReader(reader, delimiter);
        List<String> header = null;
        long dataRows = 0;
        List<Cell> row;
        while ((row = csv.next()) != null) {
            if (context.cancelled()) {
                break;
            }
            if (header == null) {
                boolean personal = false;
                for (Cell c : row) {
                    if (!scanner.scan(c.text()).isEmpty()) {
                        personal = true;
                        break;
                    }
                }
                header = new ArrayList<>();
                if (!personal) {
                    for (Cell c : row) {
                        header.add(c.text().trim());
                    }
                    continue;
                }
            }
            if (row.size() == 1 && row.get(0).text().isEmpty()) {
                continue; // blank line
            }
            dataRows++;
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                String name = i < header.size() && !header.get(i).isEmpty() ? header.get(i) : null;
                String section = "column " + (name != null ? name : Integer.toString(i + 1));
                if (c.text().isBlank()) {
                    if (aggregate) {
                        aggregator.countEmpty(section, name);
                    }
                    continue;
                }
                List<Match> matches = name != null ? scanner.scanField(name, c.text()) : scanner.scan(c.text());
                if (aggregate) {
                    aggregator.add(section, name, matches, c.line(), c.column());
                } else {
                    OccurrenceFindings.emit(path, section, name, c.text(), matches, c::locate, context::finding);
                }
            }
        }
        if (csv.truncatedCells > 0) {
            context.error(new FileError(path, "too-large", csv.truncatedCells + " cell(s) longer than "
                    + MAX_CELL_CHARS + " characters were scanned only in part"));
        }
        if (csv.unterminatedQuote) {
            context.error(new FileError(path, "corrupt", "a quoted field opened on line " + csv.quoteLine
                    + " is never closed; the rest of the file was read as one field"));
        }
        if (aggregate) {
            aggregator.emit(dataRows, context::finding);
        }
    }

    private static char guessDelimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        char[] buf = new char[1 << 15];
        int n = reader.read(buf);
        reader.reset();
        int[] counts = new int[4];
        char[] candidates = {',', ';', '\t', '|'};
        boolean quoted = false;
        for (int i = 0; i < Math.max(n, 0); i++) {
            char ch = buf[i];
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (ch == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /**
     * One cell: its text, where its first character is (line, column, character offset in the file)
     * and the text indexes before which the file has one character more than the text (the second
     * quote of a doubled quote, a closing quote), so positions inside the cell map back exactly.
     */
    record Cell(String text, int line, int column, long offset, int[] skips) {

        Cell(String text, int line, int column) {
            this(text, line, column, 0, new int[0]);
        }

        /** Character offset in the file of text index {@code i}. */
        long offsetOf(int i) {
            int extra = 0;
            for (int k : skips) {
                if (k <= i) {
                    extra++;
                }
            }
            return offset + i + extra;
        }

        Location locate(String path, String section, int start, int end) {
            long from = offsetOf(start);
            long last = offsetOf(Math.max(start, end - 1));
            int[] s = lineColumn(start, from);
            int[] e = lineColumn(Math.max(start, end - 1), last);
            return new Location(path, section, s[0], s[1], e[0], e[1] + 1, from, (int) (last + 1 - from));
        }

        private int[] lineColumn(int i, long off) {
            int lines = 0;
            int lastBreak = -1;
            for (int k = 0; k < i && k < text.length(); k++) {
                if (text.charAt(k) == '\n') {
                    lines++;
                    lastBreak = k;
                }
            }
            if (lastBreak < 0) {
                return new int[] {line, (int) (column + (off - offset))};
            }
            return new int[] {line + lines, (int) (off - offsetOf(lastBreak))};
        }
    }

    /** A small RFC 4180 reader: one row at a time, with the line and column where each cell starts. */
    static final class CsvReader {
        private final Reader in;
        private final char delimiter;
        private int line = 1;
        private int column = 1;
        private int pending = -2;
        private long offset;
        private final List<Integer> skips = new ArrayList<>();
        int truncatedCells;
        boolean unterminatedQuote;
        int quoteLine;

        CsvReader(Reader in, char delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        private int read() throws IOException {
            int c;
            if (pending != -2) {
                c = pending;
                pending = -2;
            } else {
                c = in.read();
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else if (c >= 0) {
                column++;
            }
            if (c >= 0) {
                offset++;
            }
            return c;
        }

        private void unread(int c) {
            pending = c;
            if (c == '\n') {
                line--;
            } else if (c >= 0) {
                column--;
            }
            if (c >= 0) {
                offset--;
            }
        }

        List<Cell> next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            unread(c);
            List<Cell> row = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            while (true) {
                int cellLine = line;
                int cellColumn = column;
                long cellOffset = offset;
                skips.clear();
                sb.setLength(0);
                boolean truncated = false;
                c = read();
                if (c == '"') {
                    cellColumn++; // the value starts after the quote
                    cellOffset++;
                    int startLine = line;
                    while (true) {
                        c = read();
                        if (c < 0) {
                            unterminatedQuote = true;
                            quoteLine = startLine;
                            break;
                        }
                        if (c == '"') {
                            int d = read();
                            if (d == '"') {
                                truncated |= append(sb, '"');
                                skips.add(sb.length());
                                continue;
                            }
                            c = d;
                            if (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                                skips.add(sb.length()); // the closing quote, before trailing text
                            }
                            break;
                        }
                        truncated |= append(sb, (char) c);
                    }
                    // anything between the closing quote and the delimiter is kept as text
                    while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                        truncated |= append(sb, (char) c);
                        c = read();
                    }
                } else {
                    while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                        truncated |= append(sb, (char) c);
                        c = read();
                    }
                }
                if (truncated) {
                    truncatedCells++;
                }
                if (row.size() < MAX_FIELDS) {
                    row.add(new Cell(sb.toString(), cellLine, cellColumn, cellOffset,
                            skips.stream().mapToInt(Integer::intValue).toArray()));
                }
                if (c == delimiter) {
                    continue;
                }
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                return row;
            }
        }

        private static boolean append(StringBuilder sb, char ch) {
            if (sb.length() >= MAX_CELL_CHARS) {
                return true;
            }
            sb.append(ch);
            return false;
        }
    }
}
