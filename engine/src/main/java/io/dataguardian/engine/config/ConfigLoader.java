package io.dataguardian.engine.config;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.CustomRule;
import io.dataguardian.engine.scan.Glob;
import io.dataguardian.engine.scan.Sizes;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates {@code .dataguardian.yml}. Every problem (unknown key, wrong type, bad regex,
 * bad severity, bad glob, bad size, YAML syntax) is a {@link ConfigException} naming the file and
 * the line.
 */
public final class ConfigLoader {

    /**
     * Built on first use: most scans have no config file, and building a Jackson mapper (its date
     * formats, locale data) is ~0.1-0.2 s of a CLI run's start-up.
     */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    }

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ENTITY = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,63}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,128}");
    private static final Set<String> TOP_KEYS = Set.of("version", "rules", "disabledRules", "allow", "include",
            "exclude", "maxFileSize", "gitignore", "aggregateColumns");
    private static final Set<String> RULE_KEYS = Set.of("id", "regex", "severity", "articles", "contextWords",
            "entityType", "description");
    private static final Set<String> ALLOW_KEYS = Set.of("fingerprints", "paths");

    private ConfigLoader() {
    }

    /** The config file in {@code directory}, or {@link ProjectConfig#EMPTY} when there is none. */
    public static ProjectConfig findIn(Path directory) throws ConfigException {
        Path file = directory.resolve(ProjectConfig.FILE_NAME);
        return Files.isRegularFile(file) ? load(file) : ProjectConfig.EMPTY;
    }

    public static ProjectConfig load(Path file) throws ConfigException {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, name);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(name, 0, "not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    public static ProjectConfig parse(Reader reader, String fileName) throws ConfigException {
        Node root;
        try (JsonParser p = Yaml.MAPPER.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return ProjectConfig.EMPTY;
            }
            root = read(p);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(fileName, line, "invalid YAML: " + e.getOriginalMessage());
        }
        return new Validator(fileName).config(root);
    }

    /** A YAML value with the line it starts on: a Map, a List or a String (null for YAML null). */
    private record Node(Object value, int line) {
        String kind() {
            if (value instanceof Map) {
                return "a mapping";
            }
            if (value instanceof List) {
                return "a list";
            }
            return value == null ? "empty" : "a scalar";
        }
    }

    private static Node read(JsonParser p) {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node value = read(p);
                    map.put(key, new Node(value.value, value.value instanceof Map || value.value instanceof List
                            ? keyLine : Math.max(keyLine, value.line)));
                    keyLines.put(key, keyLine);
                }
                return new Node(new KeyedMap(map, keyLines), line);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return new Node(list, line);
            }
            case VALUE_NULL -> {
                return new Node(null, line);
            }
            default -> {
                return new Node(p.getString(), line);
            }
        }
    }

    /** A mapping that remembers the line of each key. */
    private static final class KeyedMap extends LinkedHashMap<String, Node> {
        final Map<String, Integer> keyLines;

        KeyedMap(Map<String, Node> values, Map<String, Integer> keyLines) {
            super(values);
            this.keyLines = keyLines;
        }
    }

    private static final class Validator {
        private final String file;

        Validator(String file) {
            this.file = file;
        }

        ConfigException error(int line, String problem) {
            return new ConfigException(file, line, problem);
        }

        KeyedMap mapping(Node n, String what) throws ConfigException {
            if (!(n.value instanceof KeyedMap m)) {
                throw error(n.line, what + " must be a mapping, found " + n.kind());
            }
            return m;
        }

        void checkKeys(KeyedMap m, Set<String> allowed, String where) throws ConfigException {
            for (Map.Entry<String, Integer> e : m.keyLines.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw error(e.getValue(), "unknown key '" + e.getKey() + "' in " + where + " (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        String string(Node n, String key) throws ConfigException {
            if (!(n.value instanceof String s)) {
                throw error(n.line, "'" + key + "' must be a single value, found " + n.kind());
            }
            return s;
        }

        List<Node> list(Node n, String key) throws ConfigException {
            if (n.value instanceof String) {
                return List.of(n); // a single value where a list is expected: be lenient
            }
            if (!(n.value instanceof List<?> l)) {
                throw error(n.line, "'" + key + "' must be a list, found " + n.kind());
            }
            @SuppressWarnings("unchecked")
            List<Node> nodes = (List<Node>) l;
            return nodes;
        }

        List<String> strings(Node n, String key) throws ConfigException {
            List<String> out = new ArrayList<>();
            for (Node item : list(n, key)) {
                out.add(string(item, key));
            }
            return out;
        }

        List<String> globs(Node n, String key) throws ConfigException {
            List<String> out = new ArrayList<>();
            for (Node item : list(n, key)) {
                String g = string(item, key);
                try {
                    Glob.compile(g);
                } catch (IllegalArgumentException e) {
                    throw error(item.line, "bad glob in '" + key + "': " + e.getMessage());
                }
                out.add(g);
            }
            return out;
        }

        ProjectConfig config(Node root) throws ConfigException {
            if (root.value == null) {
                return ProjectConfig.EMPTY;
            }
            KeyedMap top = mapping(root, "the configuration");
            checkKeys(top, TOP_KEYS, "the configuration");
            List<CustomRule> rules = new ArrayList<>();
            Set<String> disabled = new LinkedHashSet<>();
            Set<String> fingerprints = new LinkedHashSet<>();
            List<String> allowPaths = new ArrayList<>();
            List<String> include = new ArrayList<>();
            List<String> exclude = new ArrayList<>();
            Long maxFileSize = null;
            Boolean gitignore = null;
            Boolean aggregateColumns = null;
            for (Map.Entry<String, Node> e : top.entrySet()) {
                Node n = e.getValue();
                switch (e.getKey()) {
                    case "version" -> {
                        String v = string(n, "version");
                        if (!v.equals("1")) {
                            throw error(n.line, "unsupported version '" + v + "' (this release reads version 1)");
                        }
                    }
                    case "rules" -> {
                        Set<String> ids = new LinkedHashSet<>();
                        for (Node r : list(n, "rules")) {
                            CustomRule rule = rule(r);
                            if (!ids.add(rule.id())) {
                                throw error(r.line, "duplicate rule id '" + rule.id() + "'");
                            }
                            rules.add(rule);
                        }
                    }
                    case "disabledRules" -> disabled.addAll(strings(n, "disabledRules"));
                    case "allow" -> {
                        if (n.value == null) {
                            break;
                        }
                        KeyedMap allow = mapping(n, "'allow'");
                        checkKeys(allow, ALLOW_KEYS, "'allow'");
                        if (allow.containsKey("fingerprints")) {
                            for (Node f : list(allow.get("fingerprints"), "fingerprints")) {
                                String fp = string(f, "fingerprints");
                                if (!HEX.matcher(fp).matches()) {
                                    throw error(f.line, "fingerprint must be hexadecimal (as printed in reports)");
                                }
                                fingerprints.add(fp.toLowerCase(Locale.ROOT));
                            }
                        }
                        if (allow.containsKey("paths")) {
                            allowPaths.addAll(globs(allow.get("paths"), "paths"));
                        }
                    }
                    case "include" -> include.addAll(globs(n, "include"));
                    case "exclude" -> exclude.addAll(globs(n, "exclude"));
                    case "maxFileSize" -> {
                        try {
                            maxFileSize = Sizes.parse(string(n, "maxFileSize"));
                        } catch (IllegalArgumentException ex) {
                            throw error(n.line, "maxFileSize: " + ex.getMessage());
                        }
                    }
                    case "gitignore" -> {
                        String b = string(n, "gitignore").toLowerCase(Locale.ROOT);
                        if (!b.equals("true") && !b.equals("false")) {
                            throw error(n.line, "gitignore must be true or false");
                        }
                        gitignore = Boolean.valueOf(b);
                    }
                    case "aggregateColumns" -> {
                        String b = string(n, "aggregateColumns").toLowerCase(Locale.ROOT);
                        if (!b.equals("true") && !b.equals("false")) {
                            throw error(n.line, "aggregateColumns must be true or false");
                        }
                        aggregateColumns = Boolean.valueOf(b);
                    }
                    default -> throw error(n.line, "unknown key '" + e.getKey() + "'");
                }
            }
            return new ProjectConfig(file, rules, disabled, fingerprints, allowPaths, include, exclude,
                    maxFileSize, gitignore, aggregateColumns);
        }

        CustomRule rule(Node r) throws ConfigException {
            KeyedMap m = mapping(r, "a rule");
            checkKeys(m, RULE_KEYS, "a rule");
            Node idNode = m.get("id");
            if (idNode == null) {
                throw error(r.line, "a rule needs an 'id'");
            }
            String id = string(idNode, "id");
            if (!RULE_ID.matcher(id).matches()) {
                throw error(idNode.line, "rule id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
            }
            Node regexNode = m.get("regex");
            if (regexNode == null) {
                throw error(r.line, "rule '" + id + "' needs a 'regex'");
            }
            String regex = string(regexNode, "regex");
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw error(regexNode.line, "rule '" + id + "': bad regex: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
            if (regex.isEmpty() || Pattern.compile(regex).matcher("").matches()) {
                throw error(regexNode.line, "rule '" + id + "': the regex matches the empty string");
            }
            Severity severity = Severity.MEDIUM;
            if (m.containsKey("severity")) {
                Node s = m.get("severity");
                try {
                    severity = Severity.parse(string(s, "severity"));
                } catch (IllegalArgumentException e) {
                    throw error(s.line, "rule '" + id + "': " + e.getMessage());
                }
            }
            String entityType = "CUSTOM_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            if (m.containsKey("entityType")) {
                Node e = m.get("entityType");
                entityType = string(e, "entityType");
                if (!ENTITY.matcher(entityType).matches()) {
                    throw error(e.line, "rule '" + id + "': entityType must be upper-case letters, digits or '_'");
                }
            }
            List<String> articles = m.containsKey("articles") ? strings(m.get("articles"), "articles") : List.of();
            List<String> context = m.containsKey("contextWords")
                    ? strings(m.get("contextWords"), "contextWords") : List.of();
            String description = m.containsKey("description") ? string(m.get("description"), "description")
                    : "Project rule " + id;
            return new CustomRule(id, entityType, regex, severity, articles, context, description);
        }
    }
}
