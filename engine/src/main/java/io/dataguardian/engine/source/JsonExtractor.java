package io.dataguardian.engine.source;

import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON and NDJSON / JSON Lines, streamed with Jackson's token parser. Every string and number is
 * scanned; findings are aggregated per JSON path with array indexes folded ({@code
 * $.customers[*].email}), see {@link ColumnAggregator}. The share is matched values / values at that
 * path. NDJSON is a sequence of root values, each at {@code $}.
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
        ColumnAggregator aggregator = new ColumnAggregator(path);
        Deque<String> containers = new ArrayDeque<>();
        Deque<Boolean> isArray = new ArrayDeque<>();
        String field = null;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), ArchiveExtractor.CloseShield.of(in))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (context.cancelled()) {
                    break;
                }
                switch (t) {
                    case PROPERTY_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        String here = childPath(containers, isArray, field);
                        containers.push(here);
                        isArray.push(t == JsonToken.START_ARRAY);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        containers.pop();
                        isArray.pop();
                        field = null;
                    }
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        String here = childPath(containers, isArray, field);
                        String name = isArray.isEmpty() || isArray.peek() ? lastName(containers) : field;
                        String value = p.getString();
                        TokenStreamLocation loc = p.currentTokenLocation();
                        int column = (int) Math.max(1, loc.getColumnNr()) + (t == JsonToken.VALUE_STRING ? 1 : 0);
                        if (value.isBlank()) {
                            aggregator.countEmpty(here, name);
                        } else {
                            aggregator.add(here, name, scanner.scan(value), loc.getLineNr(), column);
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
        aggregator.emit(-1, context::finding);
    }

    private static String childPath(Deque<String> containers, Deque<Boolean> isArray, String field) {
        if (containers.isEmpty()) {
            return "$";
        }
        String parent = containers.peek();
        if (isArray.peek()) {
            return parent + "[*]";
        }
        if (field == null) {
            return parent;
        }
        boolean plain = !field.isEmpty() && field.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '-');
        return plain ? parent + "." + field : parent + "['" + field.replace("'", "\\'") + "']";
    }

    /** The name of the innermost named container, for name hints on arrays of scalars ({@code emails: [...]}). */
    private static String lastName(Deque<String> containers) {
        String p = containers.peek();
        if (p == null) {
            return null;
        }
        String s = p.replace("[*]", "");
        int dot = s.lastIndexOf('.');
        return dot >= 0 ? s.substring(dot + 1) : null;
    }
}
