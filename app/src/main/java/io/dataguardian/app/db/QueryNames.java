package io.dataguardian.app.db;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SQL into a short, bounded name for meters and the slow-query list: the first keyword and the
 * main table ({@code select findings}, {@code insert scans}, {@code copy findings}). At most
 * {@link #MAX_NAMES} distinct names exist; later ones are {@code other}, so a meter tag never explodes.
 */
public final class QueryNames {

    static final int MAX_NAMES = 200;

    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTO = Pattern.compile("\\binto\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE = Pattern.compile("^\\s*update\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COPY = Pattern.compile("^\\s*copy\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w$.])\\d+(?:\\.\\d+)?(?![\\w.])");

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public String nameOf(String sql) {
        String name = rawName(sql);
        if (known.contains(name)) {
            return name;
        }
        if (known.size() >= MAX_NAMES) {
            return "other";
        }
        known.add(name);
        return name;
    }

    static String rawName(String sql) {
        if (sql == null || sql.isBlank()) {
            return "other";
        }
        String s = sql.strip();
        int space = indexOfWhitespace(s);
        String keyword = (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
        Matcher m;
        switch (keyword) {
            case "select", "with" -> m = FROM.matcher(s);
            case "insert", "merge" -> m = INTO.matcher(s);
            case "update" -> m = UPDATE.matcher(s);
            case "delete" -> m = FROM.matcher(s);
            case "copy" -> m = COPY.matcher(s);
            default -> {
                return keyword.replaceAll("[^a-z_]", "");
            }
        }
        if (keyword.equals("with")) {
            keyword = "select";
        }
        if (m.find()) {
            String table = m.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
            int dot = table.lastIndexOf('.');
            return keyword + " " + (dot >= 0 ? table.substring(dot + 1) : table);
        }
        return keyword;
    }

    /** The statement with every literal replaced by {@code ?}: safe to log, never a parameter value. */
    public static String redact(String sql) {
        if (sql == null) {
            return "";
        }
        String s = STRING_LITERAL.matcher(sql).replaceAll("?");
        s = NUMBER_LITERAL.matcher(s).replaceAll("?");
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '(') {
                return i;
            }
        }
        return -1;
    }
}
