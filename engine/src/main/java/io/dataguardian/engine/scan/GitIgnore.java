package io.dataguardian.engine.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore} file: patterns, {@code !} negation, a trailing {@code /} for
 * directories only, a leading or inner {@code /} anchoring to the file's directory, {@code **},
 * {@code #} comments and {@code \} escapes. Nested files are chained by {@link Chain}: the deepest
 * file's last matching rule wins, as in git. Not supported: {@code core.excludesFile} and
 * {@code .git/info/exclude}.
 */
final class GitIgnore {

    private record Rule(Pattern pattern, boolean negated, boolean dirOnly) {
    }

    private final String baseDir; // relative to the scan root, "" for the root, no trailing '/'
    private final List<Rule> rules;

    private GitIgnore(String baseDir, List<Rule> rules) {
        this.baseDir = baseDir;
        this.rules = rules;
    }

    static GitIgnore parse(String baseDir, List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = false;
            if (line.startsWith("!")) {
                negated = true;
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.indexOf('/') >= 0;
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            String regex;
            try {
                regex = Glob.toRegex(line, raw);
            } catch (IllegalArgumentException e) {
                continue; // git ignores patterns it cannot parse; so do we
            }
            if (line.endsWith("/**")) {
                regex = Glob.toRegex(line.substring(0, line.length() - 3), raw) + "/.*";
            }
            rules.add(new Rule(Pattern.compile(anchored ? regex : "(?:.*/)?" + regex), negated, dirOnly));
        }
        return new GitIgnore(baseDir, rules);
    }

    static GitIgnore load(String baseDir, Path file) throws IOException {
        return parse(baseDir, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** @return TRUE ignored, FALSE re-included, null when no rule of this file matches */
    Boolean decide(String relativePath, boolean directory) {
        String local;
        if (baseDir.isEmpty()) {
            local = relativePath;
        } else if (relativePath.startsWith(baseDir + "/")) {
            local = relativePath.substring(baseDir.length() + 1);
        } else {
            return null;
        }
        Boolean result = null;
        for (Rule rule : rules) {
            if (rule.dirOnly && !directory) {
                continue;
            }
            if (rule.pattern.matcher(local).matches()) {
                result = !rule.negated;
            }
        }
        return result;
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
            end--;
        }
        return s.substring(0, end).replace("\\ ", " ");
    }

    /** The .gitignore files that apply in one directory: its own and its ancestors'. Immutable. */
    static final class Chain {
        static final Chain EMPTY = new Chain(List.of());
        private final List<GitIgnore> files;

        private Chain(List<GitIgnore> files) {
            this.files = files;
        }

        Chain with(GitIgnore file) {
            List<GitIgnore> next = new ArrayList<>(files);
            next.add(file);
            return new Chain(List.copyOf(next));
        }

        boolean ignored(String relativePath, boolean directory) {
            for (int i = files.size() - 1; i >= 0; i--) {
                Boolean d = files.get(i).decide(relativePath, directory);
                if (d != null) {
                    return d;
                }
            }
            return false;
        }
    }
}
