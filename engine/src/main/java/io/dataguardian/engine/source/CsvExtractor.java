package io.dataguardian.engine.source;

import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".tab")) {
            return true;
        }
        boolean plain = n.endsWith(".txt") || n.endsWith(".dat") || n.endsWith(".psv")
                || (n.indexOf('.') < 0 && !n.isEmpty());
        return plain && head != null && tableDelimiter(head, head.length) != 0;
    }

    /** Head size below which {@code head} is the whole file (see the scan engine's dispatch). */
    static final int SNIFF_BYTES = 8192;
    /** Most lines of the head checked by {@link #tableDelimiter}. */
    private static final int SNIFF_LINES = 64;

    /**
     * The delimiter ({@code |}, TAB or {@code ;}) of a text that is clearly a delimited table, else 0: a header
     * line of at least three short names (each starts with a letter and holds only letters, digits, spaces and
     * {@code _ - . ( ) # /}; no quotes, commas or other delimiters) followed by at least two lines, and every
     * non-blank line of the head has exactly the header's number of delimiters. A line that starts with the
     * delimiter (a Markdown table) or white space, prose with an odd pipe, or a log whose fields vary fails.
     * For .txt / .dat / .psv / extensionless files, which are otherwise scanned as text.
     */
    static char tableDelimiter(byte[] head, int length) {
        int start = length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3 : 0;
        int end = length;
        if (length >= SNIFF_BYTES) {
            while (end > start && head[end - 1] != '\n') {
                end--; // the last line may be cut off
            }
        }
        int lineEnd = indexOf(head, '\n', start, end);
        if (lineEnd < 0) {
            return 0;
        }
        char delimiter = 0;
        int count = 0;
        for (char d : new char[] {'|', '\t', ';'}) {
            int c = count(head, d, start, lineEnd);
            if (c > 0) {
                if (delimiter != 0) {
                    return 0;
                }
                delimiter = d;
                count = c;
            }
        }
        if (count < 2 || !headerCells(head, start, trimCr(head, start, lineEnd), delimiter)) {
            return 0;
        }
        int rows = 0;
        int lines = 1;
        for (int p = lineEnd + 1; p < end && lines < SNIFF_LINES; lines++) {
            int e = indexOf(head, '\n', p, end);
            if (e < 0) {
                e = end;
            }
            int le = trimCr(head, p, e);
            if (le > p) {
                byte first = head[p];
                if (first == delimiter || first == ' ' || first == '\t' || count(head, delimiter, p, le) != count) {
                    return 0;
                }
                rows++;
            }
            p = e + 1;
        }
        return rows >= 2 ? delimiter : 0;
    }

    private static boolean headerCells(byte[] b, int from, int to, char delimiter) {
        int cellStart = from;
        for (int p = from; p <= to; p++) {
            if (p == to || b[p] == delimiter) {
                int s = cellStart;
                int e = p;
                while (s < e && b[s] == ' ') {
                    s++;
                }
                while (e > s && b[e - 1] == ' ') {
                    e--;
                }
                if (e == s || e - s > 40 || !(isAsciiLetter(b[s]) || b[s] < 0)) {
                    return false;
                }
                for (int k = s + 1; k < e; k++) {
                    byte c = b[k];
                    if (!(c < 0 || isAsciiLetter(c) || (c >= '0' && c <= '9') || c == ' ' || c == '_' || c == '-'
                            || c == '.' || c == '(' || c == ')' || c == '#' || c == '/')) {
                        return false;
                    }
                }
                cellStart = p + 1;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int indexOf(byte[] b, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int trimCr(byte[] b, int from, int to) {
        return to > from && b[to - 1] == '\r' ? to - 1 : to;
    }

    private static int count(byte[] b, char c, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                n++;
            }
        }
        return n;
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
        Columns columns = null;
        long dataRows = 0;
        // made once per file, not per cell with findings: a capturing lambda per cell went through invokedynamic's
        // allocation path (Unsafe.allocateInstance, a native call) for as long as this method ran interpreted or in C1
        Consumer<Finding> found = context::finding;
        CellPositions positions = new CellPositions();
        LabelCells labels = new LabelCells();
        Row row;
        while ((row = csv.next()) != null) {
            if (context.cancelled()) {
                break;
            }
            if (columns == null) {
                boolean personal = false;
                for (int i = 0; i < row.size; i++) {
                    if (!scanner.scan(row.text[i]).isEmpty()) {
                        personal = true;
                        break;
                    }
                }
                columns = new Columns(personal ? null : row);
                if (!personal) {
                    continue;
                }
            }
            if (row.size == 1 && row.text[0].isEmpty()) {
                continue; // blank line
            }
            dataRows++;
            for (int i = 0; i < row.size; i++) {
                String text = row.text[i];
                String name = columns.name(i);
                String section = columns.section(i);
                if (text.isBlank()) {
                    if (aggregate) {
                        aggregator.countEmpty(section, name);
                    }
                    continue;
                }
                String label = i > 0 ? labels.label(row.text[i - 1]) : null;
                String field = label == null ? name : name != null ? name + " " + label : label;
                List<Match> matches = field != null ? scanner.scanField(field, text) : scanner.scan(text);
                if (aggregate) {
                    aggregator.add(section, name, matches, row.line[i], row.column[i]);
                } else if (!matches.isEmpty()) {
                    OccurrenceFindings.emit(path, section, columns.hint(i), text, matches, positions.at(row, i), found);
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
            aggregator.emit(dataRows, found);
        }
    }

    /**
     * Key/value rows ({@code "Identiteit";"Geboortedatum";"4 maart 1979";"BRP"}): a cell whose text is a field
     * name ({@link ColumnNameHints}: {@code Geboortedatum}, {@code BSN}, {@code Telefoon}) labels the cell after
     * it, on top of that cell's column header. Only short cells of letters (spaces, {@code _ - .} between) are
     * looked up, and each distinct text once per file. The field names found are kept by their text; the other
     * texts (a name column's names, personal data) only by a 64-bit hash, so the cache holds no cell value.
     */
    static final class LabelCells {
        private final java.util.Map<String, String> names = new java.util.HashMap<>();
        private final java.util.Set<Long> others = new java.util.HashSet<>();

        /** The trimmed cell text when it names a field, else null. */
        String label(String cell) {
            String t = cell.trim();
            int n = t.length();
            if (n < 2 || n > 40 || !Character.isLetter(t.charAt(0)) || !Character.isLetter(t.charAt(n - 1))) {
                return null;
            }
            long h = 0xcbf29ce484222325L;
            for (int k = 0; k < n; k++) {
                char c = t.charAt(k);
                if (k > 0 && k < n - 1 && !Character.isLetter(c) && c != ' ' && c != '_' && c != '-' && c != '.') {
                    return null;
                }
                h = (h ^ c) * 0x100000001b3L;
            }
            String name = names.get(t);
            if (name != null) {
                return name;
            }
            Long key = h;
            if (others.contains(key)) {
                return null;
            }
            if (ColumnNameHints.entityType(t).isPresent()) {
                if (names.size() < 4096) {
                    names.put(t, t);
                }
                return t;
            }
            // a name column holds thousands of distinct names, each looked up once
            if (others.size() < 65_536) {
                others.add(key);
            }
            return null;
        }
    }

    /** The positions of one cell's text in the file: one object per file, pointed at each cell with findings. */
    private static final class CellPositions implements OccurrenceFindings.Positions {
        private Row row;
        private int cell;

        CellPositions at(Row row, int cell) {
            this.row = row;
            this.cell = cell;
            return this;
        }

        @Override
        public Location locate(String path, String section, int start, int end) {
            return row.locate(cell, path, section, start, end);
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
     * Column names, sections ({@code column email}, {@code column 3}) and name hints, worked out once
     * per file rather than once per cell.
     */
    private static final class Columns {
        private final String[] names;
        private String[] sections = new String[0];
        private String[] hints = new String[0];
        private boolean[] hinted = new boolean[0];

        /** @param header the header row, or null when the first row is data */
        Columns(Row header) {
            int n = header == null ? 0 : header.size;
            names = new String[n];
            for (int i = 0; i < n; i++) {
                String name = header.text[i].trim();
                names[i] = name.isEmpty() ? null : name;
            }
        }

        String name(int i) {
            return i < names.length ? names[i] : null;
        }

        String section(int i) {
            if (i >= sections.length) {
                sections = java.util.Arrays.copyOf(sections, Math.max(i + 1, 2 * sections.length));
            }
            String s = sections[i];
            if (s == null) {
                String name = name(i);
                s = "column " + (name != null ? name : Integer.toString(i + 1));
                sections[i] = s;
            }
            return s;
        }

        String hint(int i) {
            if (i >= hints.length) {
                int n = Math.max(i + 1, 2 * hints.length);
                hints = java.util.Arrays.copyOf(hints, n);
                hinted = java.util.Arrays.copyOf(hinted, n);
            }
            if (!hinted[i]) {
                String name = name(i);
                hints[i] = name == null ? null : ColumnNameHints.entityType(name).orElse(null);
                hinted[i] = true;
            }
            return hints[i];
        }
    }

    /**
     * The cells of one row (reused from row to row): each cell's text, where its first character is
     * (line, column, character offset in the file) and the text indexes before which the file has one
     * character more than the text (the second quote of a doubled quote, a closing quote), so
     * positions inside the cell map back exactly.
     */
    static final class Row {
        int size;
        String[] text = new String[16];
        int[] line = new int[16];
        int[] column = new int[16];
        long[] offset = new long[16];
        /** Cell i's skips are skips[skipFrom[i], skipFrom[i + 1]). */
        int[] skipFrom = new int[17];
        int[] skips = new int[16];
        int skipCount;

        void clear() {
            size = 0;
            skipCount = 0;
        }

        void addSkip(int index) {
            if (skipCount == skips.length) {
                skips = java.util.Arrays.copyOf(skips, 2 * skips.length);
            }
            skips[skipCount++] = index;
        }

        /** Adds a cell whose skips are skips[firstSkip, skipCount). */
        void add(String value, int cellLine, int cellColumn, long cellOffset, int firstSkip) {
            if (size == text.length) {
                int n = 2 * size;
                text = java.util.Arrays.copyOf(text, n);
                line = java.util.Arrays.copyOf(line, n);
                column = java.util.Arrays.copyOf(column, n);
                offset = java.util.Arrays.copyOf(offset, n);
                skipFrom = java.util.Arrays.copyOf(skipFrom, n + 1);
            }
            text[size] = value;
            line[size] = cellLine;
            column[size] = cellColumn;
            offset[size] = cellOffset;
            skipFrom[size] = firstSkip;
            size++;
            skipFrom[size] = skipCount;
        }

        /** Character offset in the file of text index {@code i} of cell {@code cell}. */
        long offsetOf(int cell, int i) {
            int extra = 0;
            for (int k = skipFrom[cell], to = skipFrom[cell + 1]; k < to; k++) {
                if (skips[k] <= i) {
                    extra++;
                }
            }
            return offset[cell] + i + extra;
        }

        Location locate(int cell, String path, String section, int start, int end) {
            long from = offsetOf(cell, start);
            long last = offsetOf(cell, Math.max(start, end - 1));
            long s = lineColumn(cell, start, from);
            long e = lineColumn(cell, Math.max(start, end - 1), last);
            return new Location(path, section, (int) (s >>> 32), (int) s, (int) (e >>> 32), (int) e + 1, from,
                    (int) (last + 1 - from));
        }

        /** Line (high 32 bits) and column (low 32 bits) of text index i, at file offset off. */
        private long lineColumn(int cell, int i, long off) {
            String t = text[cell];
            int lines = 0;
            int lastBreak = -1;
            for (int k = 0; k < i && k < t.length(); k++) {
                if (t.charAt(k) == '\n') {
                    lines++;
                    lastBreak = k;
                }
            }
            if (lastBreak < 0) {
                return pack(line[cell], (int) (column[cell] + (off - offset[cell])));
            }
            return pack(line[cell] + lines, (int) (off - offsetOf(cell, lastBreak)));
        }

        private static long pack(int line, int column) {
            return ((long) line << 32) | (column & 0xffffffffL);
        }
    }

    /**
     * A small RFC 4180 reader: one row at a time, with the line and column where each cell starts.
     * Reads through its own buffer; runs of plain characters in an unquoted cell are taken in one step.
     */
    static final class CsvReader {
        private final Reader in;
        private final char delimiter;
        private final char[] buf = new char[1 << 14];
        private int pos;
        private int lim;
        private boolean eof;
        private int line = 1;
        private int column = 1;
        private long offset;
        private final Row row = new Row();
        private char[] cell = new char[256];
        private int cellLength;
        private boolean truncated;
        int truncatedCells;
        boolean unterminatedQuote;
        int quoteLine;

        CsvReader(Reader in, char delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        /** True when buf[pos] is readable. */
        private boolean fill() throws IOException {
            while (pos >= lim) {
                if (eof) {
                    return false;
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    eof = true;
                    return false;
                }
                pos = 0;
                lim = n;
            }
            return true;
        }

        private int read() throws IOException {
            if (pos >= lim && !fill()) {
                return -1;
            }
            char c = buf[pos++];
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            offset++;
            return c;
        }

        private int peek() throws IOException {
            return pos < lim || fill() ? buf[pos] : -1;
        }

        private boolean ends(int c) {
            return c < 0 || c == delimiter || c == '\n' || c == '\r';
        }

        /** The next row, or null at the end of the text; valid until the next call. */
        Row next() throws IOException {
            if (!fill()) {
                return null;
            }
            row.clear();
            while (true) {
                int cellLine = line;
                int cellColumn = column;
                long cellOffset = offset;
                int firstSkip = row.skipCount;
                cellLength = 0;
                truncated = false;
                int c = read();
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
                                append('"');
                                row.addSkip(cellLength);
                                continue;
                            }
                            c = d;
                            if (!ends(c)) {
                                row.addSkip(cellLength); // the closing quote, before trailing text
                            }
                            break;
                        }
                        append((char) c);
                    }
                    // anything between the closing quote and the delimiter is kept as text
                    while (!ends(c)) {
                        append((char) c);
                        c = read();
                    }
                } else if (!ends(c)) {
                    append((char) c);
                    c = plainRun();
                }
                if (truncated) {
                    truncatedCells++;
                }
                if (row.size < MAX_FIELDS) {
                    row.add(new String(cell, 0, cellLength), cellLine, cellColumn, cellOffset, firstSkip);
                } else {
                    row.skipCount = firstSkip;
                }
                if (c == delimiter) {
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                return row;
            }
        }

        /**
         * Appends the rest of an unquoted cell (no quotes, delimiters or line ends in it, so every
         * character moves the column by one) and returns the character that ends it, or -1.
         */
        private int plainRun() throws IOException {
            char[] b = buf;
            char dl = delimiter;
            while (true) {
                int from = pos;
                int p = from;
                int l = lim;
                while (p < l) {
                    char ch = b[p];
                    if (ch == dl || ch == '\n' || ch == '\r') {
                        break;
                    }
                    p++;
                }
                append(b, from, p - from);
                column += p - from;
                offset += p - from;
                pos = p;
                if (p < l || !fill()) {
                    return read();
                }
            }
        }

        private void append(char ch) {
            if (cellLength >= MAX_CELL_CHARS) {
                truncated = true;
                return;
            }
            if (cellLength == cell.length) {
                cell = java.util.Arrays.copyOf(cell, 2 * cell.length);
            }
            cell[cellLength++] = ch;
        }

        private void append(char[] b, int from, int n) {
            int room = MAX_CELL_CHARS - cellLength;
            if (n > room) {
                truncated = true;
                n = room;
            }
            if (cellLength + n > cell.length) {
                cell = java.util.Arrays.copyOf(cell, Math.min(MAX_CELL_CHARS, Math.max(cellLength + n, 2 * cell.length)));
            }
            System.arraycopy(b, from, cell, cellLength, n);
            cellLength += n;
        }
    }
}
