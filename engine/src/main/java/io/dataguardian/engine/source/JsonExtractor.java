package io.dataguardian.engine.source;

import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.finding.Location;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON and NDJSON / JSON Lines, streamed with Jackson's token parser over characters (UTF-8, or
 * UTF-16 with a byte-order mark). Every string and number is scanned with its key as context. With
 * {@link ExtractionContext#aggregateColumns()} findings are aggregated per JSON path with array
 * indexes folded ({@code $.customers[*].email}), see {@link ColumnAggregator}; the share is matched
 * values / values at that path. Without it every match is its own finding at its exact line, column
 * and character offset (escape sequences in the string accounted for), with the JSON path as section.
 * NDJSON is a sequence of root values, each at {@code $}.
 */
public final class JsonExtractor implements ContentExtractor {

    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public int priority() {
        return 60;
    }

    @Override
    public boolean supports(String name, byte[] head) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }

    @Override
    public void extract(InputStream in, String path, ExtractionContext context) throws IOException {
        TextScanner scanner = context.scanner();
        boolean aggregate = context.aggregateColumns();
        ColumnAggregator aggregator = new ColumnAggregator(path);
        RecordingReader text = new RecordingReader(reader(in));
        NameHints hints = new NameHints();
        Paths paths = new Paths();
        Deque<String> containers = new ArrayDeque<>();
        Deque<Boolean> isArray = new ArrayDeque<>();
        String field = null;
        // the string of a "key" or "name" member, the name of its object's "value" member after it: Postman's and
        // HAR's {"key": "client_secret", "value": "..."}, a Kubernetes env entry {"name": "DB_PASSWORD", "value": ...}
        String pairName = null;
        // made once per file, not per value with findings (see CsvExtractor.extract)
        Consumer<Finding> found = context::finding;
        ValuePositions positions = new ValuePositions();
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (context.cancelled()) {
                    break;
                }
                switch (t) {
                    case PROPERTY_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        String here = paths.child(containers, isArray, field);
                        containers.push(here);
                        isArray.push(t == JsonToken.START_ARRAY);
                        field = null;
                        pairName = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        containers.pop();
                        isArray.pop();
                        field = null;
                        pairName = null;
                    }
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        String here = paths.child(containers, isArray, field);
                        String name = isArray.isEmpty() || isArray.peek() ? paths.lastName(containers) : field;
                        String value = p.getString();
                        if (field != null && pairName != null && field.equals("value")) {
                            name = pairName;
                        }
                        pairName = t == JsonToken.VALUE_STRING && (field != null && (field.equals("key")
                                || field.equals("name"))) && value.length() <= 64 ? value : null;
                        TokenStreamLocation loc = p.currentTokenLocation();
                        int column = (int) Math.max(1, loc.getColumnNr()) + (t == JsonToken.VALUE_STRING ? 1 : 0);
                        if (value.isBlank()) {
                            if (aggregate) {
                                aggregator.countEmpty(here, name);
                            }
                        } else {
                            List<Match> matches = name != null ? scanner.scanField(name, value) : scanner.scan(value);
                            if (aggregate) {
                                aggregator.add(here, name, matches, loc.getLineNr(), column);
                            } else if (!matches.isEmpty()) {
                                boolean string = t == JsonToken.VALUE_STRING;
                                long start = loc.getCharOffset() + (string ? 1 : 0);
                                long end = string ? p.currentLocation().getCharOffset() - 1 : start + value.length();
                                int[] map = string ? text.sourceIndexes(start, end, value.length()) : null;
                                int line = loc.getLineNr();
                                OccurrenceFindings.emit(path, here, hints.of(name), value, matches,
                                        positions.at(map, start, end, line, column), found);
                            }
                        }
                        field = null;
                    }
                    default -> field = null;
                }
            }
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            context.error(new FileError(path, "corrupt", "invalid JSON"
                    + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
                    + "; findings before that point are kept"));
        }
        if (aggregate) {
            aggregator.emit(-1, found);
        }
    }

    /**
     * The positions of one value's text in the file, from its start and end offsets, line and column and, for a
     * string, the map from its text to the source (escapes): one object per file, set for each value with findings.
     */
    private static final class ValuePositions implements OccurrenceFindings.Positions {
        private int[] map;
        private long start;
        private long end;
        private int line;
        private int column;

        ValuePositions at(int[] map, long start, long end, int line, int column) {
            this.map = map;
            this.start = start;
            this.end = end;
            this.line = line;
            this.column = column;
            return this;
        }

        @Override
        public Location locate(String path, String section, int from, int to) {
            int s0 = map == null ? from : map[from];
            int s1 = map == null ? to : to < map.length ? map[to] : (int) (end - start);
            return new Location(path, section, line, column + s0, line, column + s1, start + s0, s1 - s0);
        }
    }

    /** UTF-8 unless a byte-order mark says UTF-16 (the BOM is not part of the text, as for plain text). */
    private static Reader reader(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(ArchiveExtractor.CloseShield.of(raw), 3);
        byte[] head = in.readNBytes(3);
        int n = head.length;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            in.unread(head, 2, n - 2);
            return new InputStreamReader(in, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            in.unread(head, 2, n - 2);
            return new InputStreamReader(in, StandardCharsets.UTF_16LE);
        }
        in.unread(head, 0, n);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * Passes characters to the parser and keeps the last {@value #WINDOW} of them, so a string token's
     * source text can be read back to map positions in its decoded value to positions in the file.
     */
    static final class RecordingReader extends Reader {
        static final int WINDOW = 1 << 17;
        private final Reader in;
        private final char[] ring = new char[WINDOW];
        private long total;

        RecordingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = in.read(cbuf, off, len);
            for (int i = 0; i < n; i++) {
                ring[(int) ((total + i) % WINDOW)] = cbuf[off + i];
            }
            if (n > 0) {
                total += n;
            }
            return n;
        }

        /**
         * For a string token whose source text is [start, end) and whose decoded value has
         * {@code length} characters: the source index (relative to start) of each value index, or null
         * when they are the same (no escapes) or the source is no longer at hand.
         */
        int[] sourceIndexes(long start, long end, int length) {
            if (start < 0 || end < start || end - start == length || end > total || total - start > WINDOW) {
                return null;
            }
            int[] map = new int[length];
            int v = 0;
            int r = 0;
            int rawLength = (int) (end - start);
            while (r < rawLength && v < length) {
                map[v++] = r;
                char c = ring[(int) ((start + r) % WINDOW)];
                r += c != '\\' ? 1 : (r + 1 < rawLength && ring[(int) ((start + r + 1) % WINDOW)] == 'u') ? 6 : 2;
            }
            return v == length ? map : null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Name hints of the keys seen in one file, looked up once per key (a file repeats its keys). */
    static final class NameHints {
        /** Keys are data in some files ({"jan@example.nl": {...}}): past this many, hints are not kept. */
        private static final int MAX_KEPT = 4096;
        private final Map<String, String> kept = new HashMap<>();

        String of(String name) {
            if (name == null) {
                return null;
            }
            String hint = kept.get(name);
            if (hint == null) {
                hint = ColumnNameHints.entityType(name).orElse("");
                if (kept.size() < MAX_KEPT) {
                    kept.put(name, hint);
                }
            }
            return hint.isEmpty() ? null : hint;
        }
    }

    /**
     * JSON paths of one file, each distinct path built once: a file repeats the same few paths for
     * every record, and a path that comes back from here is the same String (with its hash) each time.
     */
    static final class Paths {
        /** Keys are data in some files: past this many kept paths, paths are built without keeping them. */
        private static final int MAX_KEPT = 8192;
        private final Map<String, Map<String, String>> children = new HashMap<>();
        private final Map<String, String> elements = new HashMap<>();
        private final Map<String, String> lastNames = new HashMap<>();
        /** Kept for a path without a named container; compared by identity. */
        private static final String NO_NAME = new String("(none)");
        private int kept;

        /** The path of a value or container under the innermost container, {@code field} its key. */
        String child(Deque<String> containers, Deque<Boolean> isArray, String field) {
            if (containers.isEmpty()) {
                return "$";
            }
            String parent = containers.peek();
            if (isArray.peek()) {
                String path = elements.get(parent);
                if (path == null) {
                    path = parent + "[*]";
                    keep(elements, parent, path);
                }
                return path;
            }
            if (field == null) {
                return parent;
            }
            Map<String, String> byField = children.get(parent);
            String path = byField == null ? null : byField.get(field);
            if (path == null) {
                path = childPath(parent, field);
                if (kept < MAX_KEPT) {
                    if (byField == null) {
                        byField = new HashMap<>();
                        children.put(parent, byField);
                    }
                    byField.put(field, path);
                    kept++;
                }
            }
            return path;
        }

        /** The name of the innermost named container, see {@link JsonExtractor#lastName(String)}. */
        String lastName(Deque<String> containers) {
            String p = containers.peek();
            if (p == null) {
                return null;
            }
            String name = lastNames.get(p);
            if (name == null) {
                name = JsonExtractor.lastName(p);
                keep(lastNames, p, name == null ? NO_NAME : name);
                return name;
            }
            return name == NO_NAME ? null : name;
        }

        private void keep(Map<String, String> map, String key, String value) {
            if (kept < MAX_KEPT) {
                map.put(key, value);
                kept++;
            }
        }
    }

    /** The path of key {@code field} of the object at {@code parent}. */
    private static String childPath(String parent, String field) {
        boolean plain = !field.isEmpty();
        for (int i = 0; i < field.length() && plain; i++) {
            char ch = field.charAt(i);
            plain = Character.isLetterOrDigit(ch) || ch == '_' || ch == '-';
        }
        return plain ? parent + "." + field : parent + "['" + field.replace("'", "\\'") + "']";
    }

    /** The name of the innermost named container of path {@code p}, for name hints on arrays of scalars ({@code emails: [...]}). */
    private static String lastName(String p) {
        String s = p.replace("[*]", "");
        int dot = s.lastIndexOf('.');
        return dot >= 0 ? s.substring(dot + 1) : null;
    }
}
