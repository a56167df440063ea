package io.dataguardian.engine.scan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A path glob over '/'-separated relative paths: {@code *} and {@code ?} stay inside one path
 * segment, {@code **} crosses segments, {@code [abc]} and {@code {a,b}} as usual. A glob without a
 * '/' matches the file name at any depth ({@code *.log}); one with a '/' matches the whole relative
 * path ({@code src/**}/{@code *.java}); a trailing {@code /} or {@code /**} also matches everything
 * below a directory.
 */
public final class Glob {

    private final String glob;
    private final Pattern pattern;
    private final boolean nameOnly;

    private Glob(String glob, Pattern pattern, boolean nameOnly) {
        this.glob = glob;
        this.pattern = pattern;
        this.nameOnly = nameOnly;
    }

    /** @throws IllegalArgumentException for an empty glob or unbalanced brackets/braces */
    public static Glob compile(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("empty glob");
        }
        String g = glob.trim().replace('\\', '/');
        if (g.startsWith("./")) {
            g = g.substring(2);
        }
        boolean dirPrefix = g.endsWith("/");
        if (dirPrefix) {
            g = g.substring(0, g.length() - 1);
        }
        boolean anyDepth = g.indexOf('/') < 0;
        if (g.startsWith("/")) {
            g = g.substring(1);
        }
        boolean below = dirPrefix;
        if (g.endsWith("/**")) {
            g = g.substring(0, g.length() - 3);
            below = true;
        }
        // "dir/" and "dir/**" also match "dir" itself, so a directory can be pruned whole.
        String regex = (anyDepth ? "(?:.*/)?" : "") + toRegex(g, glob) + (below ? "(?:/.*)?" : "");
        return new Glob(glob, Pattern.compile(regex), false);
    }

    public static List<Glob> compileAll(List<String> globs) {
        return globs == null ? List.of() : globs.stream().map(Glob::compile).toList();
    }

    /** @param relativePath '/'-separated path relative to the scan root */
    public boolean matches(String relativePath) {
        if (nameOnly) {
            int slash = relativePath.lastIndexOf('/');
            return pattern.matcher(slash < 0 ? relativePath : relativePath.substring(slash + 1)).matches();
        }
        return pattern.matcher(relativePath).matches();
    }

    /** True when any segment-prefix of the path (a parent directory or the path itself) matches. */
    public boolean matchesPathOrParent(String relativePath) {
        if (matches(relativePath)) {
            return true;
        }
        int i = relativePath.indexOf('/');
        while (i > 0) {
            if (matches(relativePath.substring(0, i))) {
                return true;
            }
            i = relativePath.indexOf('/', i + 1);
        }
        return false;
    }

    /** Whether one of the globs matches; by index, not by iterator: it runs for every finding of a scan. */
    public static boolean anyMatches(List<Glob> globs, String relativePath) {
        for (int i = 0, n = globs.size(); i < n; i++) {
            if (globs.get(i).matches(relativePath)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return glob;
    }

    static String toRegex(String g, String original) {
        StringBuilder sb = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                            i++;
                            sb.append("(?:.*/)?"); // "**/" : zero or more directories
                        } else {
                            sb.append(".*");
                        }
                    } else {
                        sb.append("[^/]*");
                    }
                }
                case '?' -> sb.append("[^/]");
                case '[' -> {
                    int end = g.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("unbalanced '[' in glob '" + original + "'");
                    }
                    String body = g.substring(i + 1, end);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    sb.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    sb.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("unbalanced '}' in glob '" + original + "'");
                    }
                    braces--;
                    sb.append(')');
                }
                case ',' -> sb.append(braces > 0 ? "|" : ",");
                default -> {
                    if ("\\.^$+()|".indexOf(c) >= 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        if (braces != 0) {
            throw new IllegalArgumentException("unbalanced '{' in glob '" + original + "'");
        }
        return sb.toString();
    }
}
