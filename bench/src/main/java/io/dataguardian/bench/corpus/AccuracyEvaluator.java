package io.dataguardian.bench.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a SARIF 2.1.0 report against the labels of a generated corpus.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.AccuracyEvaluator \
 *      --labels DIR/labels.json --sarif report.sarif [--corpus DIR] [--show-errors 5] [--json-out FILE]
 * java -cp ... AccuracyEvaluator --self-check
 * </pre>
 *
 * <p>Matching, per file and per scoring class ({@link EntityType#scoringClass()}): a prediction is
 * correct when its span overlaps a positive label of the same class; a label is found when a correct
 * prediction overlaps it. Precision = correct predictions / predictions; recall = found labels /
 * labels. Predictions of types outside the evaluated set (person names, health terms ...) and
 * predictions in files the labels do not list are ignored, and counted as such.
 */
public final class AccuracyEvaluator {

    /** The classes, in the order of the table. */
    static final List<String> CLASSES = List.of("BSN", "IBAN", "CREDIT_CARD", "PHONE_NUMBER", "EMAIL", "IP_ADDRESS",
            "POSTCODE", "PASSPORT/ID", "DATE_OF_BIRTH", "AWS_KEYS", "PRIVATE_KEY", "GITHUB_TOKEN", "JWT", "GENERIC_SECRET");
    static final List<String> PRECISION_098 = List.of("BSN", "IBAN", "CREDIT_CARD");

    /** A finding from the report, resolved to a span of a labelled file. */
    record Prediction(String path, EntityType type, String ruleId, int start, int end, int occurrences, boolean aggregated) {
        Prediction(String path, EntityType type, String ruleId, int start, int end) {
            this(path, type, ruleId, start, end, 1, false);
        }
    }

    /** Counts for one class. */
    static final class Stats {
        int labels;
        int found;
        int predictions;
        int correct;
        int duplicates;
        final Map<String, Integer> fpCauses = new TreeMap<>();
        final Map<String, Integer> fnKinds = new TreeMap<>();
        final Map<String, Integer> labelKinds = new TreeMap<>();
        final List<String[]> fpExamples = new ArrayList<>();
        final List<String[]> fnExamples = new ArrayList<>();

        int fp() {
            return predictions - correct;
        }

        int fn() {
            return labels - found;
        }

        double precision() {
            return predictions == 0 ? (labels == 0 ? 1 : 0) : (double) correct / predictions;
        }

        double recall() {
            return labels == 0 ? 1 : (double) found / labels;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, CorpusGenerator.FileLabels> files = new LinkedHashMap<>();
    private final Path corpusRoot;
    final Map<String, Stats> stats = new LinkedHashMap<>();
    final Map<String, Stats> byFormat = new TreeMap<>();
    int ignoredOtherTypes;
    int ignoredUnlabelledFiles;
    int unresolvedRegions;
    int regionChecks;
    int regionMismatches;
    int aggregatedResults;
    boolean creditAggregated;
    final Map<String, Integer> ignoredTypeCounts = new TreeMap<>();
    final Map<String, Integer> unknownFiles = new TreeMap<>();

    AccuracyEvaluator(List<CorpusGenerator.FileLabels> labels, Path corpusRoot) {
        labels.forEach(f -> files.put(f.path(), f));
        this.corpusRoot = corpusRoot;
        CLASSES.forEach(c -> stats.put(c, new Stats()));
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = CorpusGenerator.parseArgs(args);
        if (opts.containsKey("self-check")) {
            System.exit(selfCheck() ? 0 : 1);
        }
        if (!opts.containsKey("labels") || !opts.containsKey("sarif")) {
            System.err.println("usage: AccuracyEvaluator --labels DIR/labels.json --sarif FILE [--corpus DIR] [--show-errors N] [--json-out FILE] [--credit-aggregated] | --self-check");
            System.exit(2);
        }
        JsonMapper mapper = JsonMapper.builder().build();
        Path labelsPath = Path.of(opts.get("labels"));
        CorpusGenerator.Corpus corpus = mapper.readValue(labelsPath.toFile(), CorpusGenerator.Corpus.class);
        Path root = Path.of(opts.getOrDefault("corpus", labelsPath.toAbsolutePath().getParent().toString()));
        AccuracyEvaluator eval = new AccuracyEvaluator(corpus.fileLabels(), root);
        List<Prediction> predictions = eval.readSarif(mapper.readTree(Path.of(opts.get("sarif")).toFile()));
        eval.creditAggregated = opts.containsKey("credit-aggregated");
        int showErrors = Integer.parseInt(opts.getOrDefault("show-errors", "0"));
        eval.score(predictions, Math.max(showErrors, 0));
        eval.print(System.out, showErrors);
        if (opts.containsKey("json-out")) {
            Map<String, Object> json = eval.toJson(opts.get("sarif"), labelsPath.toString());
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(Path.of(opts.get("json-out")).toFile(), json);
            System.out.println("wrote " + opts.get("json-out"));
        }
    }

    // ---------------------------------------------------------------- SARIF

    List<Prediction> readSarif(JsonNode sarif) {
        List<Prediction> out = new ArrayList<>();
        for (JsonNode run : sarif.path("runs")) {
            Map<String, String> ruleTypes = new HashMap<>();
            for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
                String t = text(rule.path("properties").path("entityType"));
                if (t != null) {
                    ruleTypes.put(text(rule.path("id")), t);
                }
            }
            for (JsonNode result : run.path("results")) {
                String ruleId = text(result.path("ruleId"));
                if (ruleId == null) {
                    ruleId = text(result.path("rule").path("id"));
                }
                String typeName = text(result.path("properties").path("entityType"));
                if (typeName == null) {
                    typeName = ruleTypes.get(ruleId);
                }
                EntityType type = typeName != null ? EntityType.parse(typeName) : typeFromRuleId(ruleId);
                if (type == null) {
                    ignoredOtherTypes++;
                    ignoredTypeCounts.merge(typeName != null ? typeName : String.valueOf(ruleId), 1, Integer::sum);
                    continue;
                }
                JsonNode loc = result.path("locations").path(0).path("physicalLocation");
                String path = resolve(text(loc.path("artifactLocation").path("uri")));
                if (path == null) {
                    ignoredUnlabelledFiles++;
                    unknownFiles.merge(String.valueOf(text(loc.path("artifactLocation").path("uri"))), 1, Integer::sum);
                    continue;
                }
                int[] span = span(path, loc.path("region"));
                if (span == null) {
                    unresolvedRegions++;
                    continue;
                }
                JsonNode props = result.path("properties");
                int occurrences = Math.max(1, props.path("occurrences").asInt(1));
                boolean aggregated = props.has("section") || occurrences > 1;
                if (aggregated) {
                    aggregatedResults++;
                }
                out.add(new Prediction(path, type, ruleId, span[0], span[1], occurrences, aggregated));
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asString();
    }

    /** When a report names no entity type: a best guess from the rule id. */
    static EntityType typeFromRuleId(String ruleId) {
        if (ruleId == null) {
            return null;
        }
        String id = ruleId.toLowerCase(Locale.ROOT);
        EntityType direct = EntityType.parse(id);
        if (direct != null) {
            return direct;
        }
        String[][] table = {
            {"bsn", "BSN"}, {"rsin", "BSN"}, {"iban", "IBAN"}, {"card", "CREDIT_CARD"}, {"phone", "PHONE_NUMBER"},
            {"mail", "EMAIL"}, {"ipv4", "IP_ADDRESS"}, {"ipv6", "IP_ADDRESS"}, {"ip-address", "IP_ADDRESS"},
            {"postcode", "POSTCODE"}, {"postal", "POSTCODE"}, {"passport", "PASSPORT_NUMBER"}, {"id-card", "ID_CARD_NUMBER"},
            {"identity", "ID_CARD_NUMBER"}, {"birth", "DATE_OF_BIRTH"}, {"dob", "DATE_OF_BIRTH"},
            {"aws-access", "AWS_ACCESS_KEY"}, {"aws-secret", "AWS_SECRET_KEY"}, {"private-key", "PRIVATE_KEY"},
            {"github", "GITHUB_TOKEN"}, {"jwt", "JWT"}, {"generic", "GENERIC_SECRET"}, {"password", "GENERIC_SECRET"},
        };
        for (String[] row : table) {
            if (id.contains(row[0])) {
                return EntityType.valueOf(row[1]);
            }
        }
        return null;
    }

    /** The labelled path a report URI names (absolute, file:, or relative to any parent of the corpus). */
    String resolve(String uri) {
        if (uri == null) {
            return null;
        }
        String u = uri;
        if (u.startsWith("file://")) {
            u = u.substring("file://".length());
        } else if (u.startsWith("file:")) {
            u = u.substring("file:".length());
        }
        u = URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8).replace('\\', '/');
        while (true) {
            if (files.containsKey(u)) {
                return u;
            }
            int slash = u.indexOf('/');
            if (slash < 0) {
                return null;
            }
            u = u.substring(slash + 1);
        }
    }

    private final Map<String, int[]> lineStarts = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    String fileText(String path) {
        return texts.computeIfAbsent(path, p -> {
            try {
                return Files.readString(corpusRoot.resolve(p), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private int[] lineStarts(String path) {
        return lineStarts.computeIfAbsent(path, p -> {
            String t = fileText(p);
            if (t == null) {
                return new int[] {0};
            }
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    /** [start, end) in characters: from charOffset/charLength, else from lines and columns. */
    int[] span(String path, JsonNode region) {
        int[] byOffset = null;
        int[] byLines = null;
        if (region.has("charOffset")) {
            int s = region.path("charOffset").asInt();
            int len = Math.max(1, region.path("charLength").asInt(1));
            byOffset = new int[] {s, s + len};
        }
        if (region.has("startLine")) {
            int[] starts = lineStarts(path);
            int line = region.path("startLine").asInt();
            int col = region.path("startColumn").asInt(1);
            if (line >= 1 && line <= starts.length) {
                int s = starts[line - 1] + col - 1;
                int endLine = region.path("endLine").asInt(line);
                int e;
                if (region.has("endColumn") && endLine >= 1 && endLine <= starts.length) {
                    e = starts[endLine - 1] + region.path("endColumn").asInt() - 1;
                } else {
                    e = s + 1;
                }
                byLines = new int[] {s, Math.max(e, s + 1)};
            }
        }
        if (byOffset != null && byLines != null) {
            regionChecks++;
            if (byOffset[0] != byLines[0] || byOffset[1] != byLines[1]) {
                regionMismatches++;
            }
        }
        // line and column first: aggregated (per column / JSON path) findings carry them but not a real offset
        return byLines != null ? byLines : byOffset;
    }

    // ---------------------------------------------------------------- scoring

    void score(List<Prediction> predictions, int keepExamples) {
        Map<String, List<Prediction>> byFile = new LinkedHashMap<>();
        for (Prediction p : predictions) {
            byFile.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(p);
        }
        for (CorpusGenerator.FileLabels f : files.values()) {
            List<Prediction> preds = byFile.getOrDefault(f.path(), List.of());
            Stats fs = byFormat.computeIfAbsent(f.format(), k -> new Stats());
            fs.labels += f.positives().size();
            int[] hits = new int[f.positives().size()];
            for (Label l : f.positives()) {
                Stats s = stats.get(l.type().scoringClass());
                s.labels++;
                s.labelKinds.merge(l.type().name() + ":" + l.kind(), 1, Integer::sum);
            }
            for (Prediction p : preds) {
                Stats s = stats.get(p.type().scoringClass());
                s.predictions++;
                boolean correct = false;
                for (int i = 0; i < hits.length; i++) {
                    Label l = f.positives().get(i);
                    if (l.type().scoringClass().equals(p.type().scoringClass()) && overlaps(p, l)) {
                        if (!correct && hits[i] > 0) {
                            s.duplicates++;
                        }
                        correct = true;
                        hits[i]++;
                    }
                }
                if (creditAggregated && p.aggregated()) {
                    // lenient: an aggregated result stands for `occurrences` matches of its class in this file
                    int credit = correct ? p.occurrences() - 1 : p.occurrences();
                    for (int i = 0; i < hits.length && credit > 0; i++) {
                        if (hits[i] == 0 && f.positives().get(i).type().scoringClass().equals(p.type().scoringClass())) {
                            hits[i]++;
                            credit--;
                            correct = true;
                        }
                    }
                }
                fs.predictions++;
                if (correct) {
                    fs.correct++;
                    s.correct++;
                } else {
                    String cause = fpCause(f, p);
                    s.fpCauses.merge(cause, 1, Integer::sum);
                    keepExample(s.fpExamples, cause, keepExamples, f.path(), p.start(), p.end(), p.ruleId());
                }
            }
            for (int i = 0; i < hits.length; i++) {
                Label l = f.positives().get(i);
                Stats s = stats.get(l.type().scoringClass());
                if (hits[i] > 0) {
                    fs.found++;
                    s.found++;
                } else {
                    String kind = l.type().name() + ":" + l.kind();
                    String other = otherPrediction(preds, l);
                    String key = other == null ? kind : kind + " (reported as " + other + ")";
                    s.fnKinds.merge(key, 1, Integer::sum);
                    keepExample(s.fnExamples, key, keepExamples, f.path(), l.offset(), l.offset() + l.length(), null);
                }
            }
        }
    }

    private static boolean overlaps(Prediction p, Label l) {
        return p.start() < l.offset() + Math.max(1, l.length()) && l.offset() < p.end();
    }

    private static String fpCause(CorpusGenerator.FileLabels f, Prediction p) {
        for (Label n : f.negatives()) {
            if (overlaps(p, n)) {
                return "hard negative " + n.kind() + " (planted as " + n.type() + " look-alike)";
            }
        }
        for (Label l : f.positives()) {
            if (overlaps(p, l)) {
                return "overlaps a " + l.type() + " label (type confusion)";
            }
        }
        return "nothing planted there";
    }

    private static String otherPrediction(List<Prediction> preds, Label l) {
        for (Prediction p : preds) {
            if (overlaps(p, l)) {
                return p.type().name();
            }
        }
        return null;
    }

    /** Keeps up to {@code max} examples, spread over causes: at most ceil(max/2) of one cause. */
    private void keepExample(List<String[]> list, String cause, int max, String path, int start, int end, String ruleId) {
        if (max <= 0 || list.size() >= max) {
            return;
        }
        int cap = Math.max(1, (max + 1) / 2);
        String dir = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
        if (list.stream().filter(e -> e[0].equals(cause)).count() >= cap
                || list.stream().filter(e -> e[1].startsWith(dir + "/")).count() >= cap) {
            return;
        }
        list.add(new String[] {cause, path + ":" + lineOf(path, start), masked(path, start, end), ruleId == null ? "" : ruleId});
    }

    private int lineOf(String path, int offset) {
        int[] starts = lineStarts(path);
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    // ---------------------------------------------------------------- masking

    private static final Pattern KEEP_PREFIX = Pattern.compile("^(AKIA|ASIA|gh[pousr]_|github_pat_|eyJ|-----BEGIN [A-Z ]+-----|[A-Z]{2}(?=\\d\\d))");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{3,}");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/_\\-]{16,}");

    /** The span shape-masked (letters x/X, digits 9) between ⟦ ⟧, with 30 characters of context, digit runs and tokens masked too. */
    String masked(String path, int start, int end) {
        String t = fileText(path);
        if (t == null || start >= t.length()) {
            return "(file unreadable or span past its end)";
        }
        end = Math.min(end, t.length());
        String value = t.substring(start, end);
        int nl = value.indexOf('\n');
        String shown = nl >= 0 ? value.substring(0, nl).replace("\r", "") + "…(+" + value.lines().count() + " lines)" : value;
        int from = Math.max(0, start - 30);
        int lineStart = t.lastIndexOf('\n', start - 1) + 1;
        from = Math.max(from, lineStart);
        int lineEnd = t.indexOf('\n', end);
        int to = Math.min(end + 30, lineEnd < 0 ? t.length() : lineEnd);
        to = Math.max(to, end);
        String before = maskContext(t.substring(from, start));
        String after = nl >= 0 ? "" : maskContext(t.substring(end, to).replace("\r", ""));
        return before + "⟦" + shape(shown) + "⟧" + after;
    }

    static String shape(String value) {
        Matcher m = KEEP_PREFIX.matcher(value);
        int keep = m.find() ? m.end() : 0;
        StringBuilder sb = new StringBuilder(value.substring(0, keep));
        for (int i = keep; i < value.length(); i++) {
            char c = value.charAt(i);
            if (value.startsWith("…(+", i)) {
                sb.append(value, i, value.length());
                break;
            }
            sb.append(Character.isDigit(c) ? '9' : Character.isUpperCase(c) ? 'X' : Character.isLetter(c) ? 'x' : c);
        }
        return sb.toString();
    }

    /** An address, also one cut short by the context window (no dot after the @ yet). */
    private static final Pattern EMAIL_LIKE = Pattern.compile("[\\w.+-]+@[\\w.-]*");

    private static String maskContext(String s) {
        s = EMAIL_LIKE.matcher(s).replaceAll(mr -> Matcher.quoteReplacement(shape(mr.group())));
        String r = LONG_TOKEN.matcher(s).replaceAll(mr -> Matcher.quoteReplacement(shape(mr.group())));
        return DIGIT_RUN.matcher(r).replaceAll(mr -> "9".repeat(mr.group().length()));
    }

    // ---------------------------------------------------------------- output

    Stats micro() {
        Stats m = new Stats();
        for (Stats s : stats.values()) {
            m.labels += s.labels;
            m.found += s.found;
            m.predictions += s.predictions;
            m.correct += s.correct;
            m.duplicates += s.duplicates;
        }
        return m;
    }

    void print(PrintStream out, int showErrors) {
        out.printf(Locale.ROOT, "%-15s %7s %7s %7s %7s %9s %7s %7s%n", "class", "labels", "TP", "FP", "FN", "precision", "recall", "F1");
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            out.printf(Locale.ROOT, "%-15s %7d %7d %7d %7d %9.4f %7.4f %7.4f%s%n", e.getKey(), s.labels, s.found, s.fp(), s.fn(),
                    s.precision(), s.recall(), s.f1(), PRECISION_098.contains(e.getKey()) && s.precision() < 0.98 ? "   < precision target 0.98" : "");
        }
        Stats m = micro();
        out.printf(Locale.ROOT, "%-15s %7d %7d %7d %7d %9.4f %7.4f %7.4f%s%n", "MICRO", m.labels, m.found, m.fp(), m.fn(),
                m.precision(), m.recall(), m.f1(), m.f1() < 0.95 ? "   < micro-F1 target 0.95" : "   (target micro-F1 >= 0.95 met)");
        out.printf(Locale.ROOT, "%nby file format (all classes):%n%-15s %7s %7s %7s %7s %9s %7s %7s%n", "format", "labels", "TP", "FP", "FN", "precision", "recall", "F1");
        byFormat.forEach((k, s) -> out.printf(Locale.ROOT, "%-15s %7d %7d %7d %7d %9.4f %7.4f %7.4f%n", k, s.labels, s.found, s.fp(), s.fn(), s.precision(), s.recall(), s.f1()));
        out.printf(Locale.ROOT, "TP counts labels found; FP counts predictions overlapping no label of their class; duplicates (extra correct predictions on an already found label): %d%n", m.duplicates);
        out.printf(Locale.ROOT, "ignored: %d results of types outside the evaluated set %s; %d results in unlabelled files %s; %d results without a usable region%n",
                ignoredOtherTypes, ignoredTypeCounts, ignoredUnlabelledFiles, firstKeys(unknownFiles, 5), unresolvedRegions);
        out.printf(Locale.ROOT, "region consistency: %d results carry both charOffset and line/column; %d disagree (line/column used)%n", regionChecks, regionMismatches);
        out.printf(Locale.ROOT, "aggregated results (per CSV column / JSON path, properties.section or occurrences > 1): %d; %s%n", aggregatedResults,
                creditAggregated ? "LENIENT: each credited with up to `occurrences` same-class labels of its file" : "strict: each matches only its own span (use --credit-aggregated for the lenient view)");
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            if (!s.fpCauses.isEmpty()) {
                out.println("FP causes " + e.getKey() + ": " + s.fpCauses);
            }
            if (!s.fnKinds.isEmpty()) {
                out.println("FN kinds  " + e.getKey() + ": " + s.fnKinds);
            }
        }
        if (showErrors > 0) {
            for (Map.Entry<String, Stats> e : stats.entrySet()) {
                for (String[] ex : e.getValue().fpExamples) {
                    out.printf("FP %-14s %s  %s  [%s] rule=%s%n", e.getKey(), ex[1], ex[2], ex[0], ex[3]);
                }
                for (String[] ex : e.getValue().fnExamples) {
                    out.printf("FN %-14s %s  %s  [%s]%n", e.getKey(), ex[1], ex[2], ex[0]);
                }
            }
        }
    }

    private static String firstKeys(Map<String, Integer> m, int n) {
        return m.isEmpty() ? "" : m.keySet().stream().limit(n).toList() + (m.size() > n ? " …" : "");
    }

    Map<String, Object> toJson(String sarif, String labels) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sarif", sarif);
        root.put("labels", labels);
        List<Map<String, Object>> rows = new ArrayList<>();
        stats.forEach((k, s) -> rows.add(row(k, s, true)));
        root.put("classes", rows);
        root.put("micro", row("MICRO", micro(), false));
        List<Map<String, Object>> formats = new ArrayList<>();
        byFormat.forEach((k, s) -> formats.add(row(k, s, false)));
        root.put("formats", formats);
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("microF1AtLeast095", micro().f1() >= 0.95);
        for (String c : PRECISION_098) {
            targets.put(c + "PrecisionAtLeast098", stats.get(c).precision() >= 0.98);
        }
        root.put("targets", targets);
        Map<String, Object> ignored = new LinkedHashMap<>();
        ignored.put("otherTypes", ignoredOtherTypes);
        ignored.put("otherTypeCounts", ignoredTypeCounts);
        ignored.put("unlabelledFiles", ignoredUnlabelledFiles);
        ignored.put("unresolvedRegions", unresolvedRegions);
        root.put("ignored", ignored);
        root.put("regionConsistency", Map.of("checked", regionChecks, "mismatched", regionMismatches));
        root.put("aggregatedResults", aggregatedResults);
        root.put("creditAggregated", creditAggregated);
        return root;
    }

    private static Map<String, Object> row(String name, Stats s, boolean details) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("class", name);
        r.put("labels", s.labels);
        r.put("tp", s.found);
        r.put("fp", s.fp());
        r.put("fn", s.fn());
        r.put("predictions", s.predictions);
        r.put("duplicates", s.duplicates);
        r.put("precision", round(s.precision()));
        r.put("recall", round(s.recall()));
        r.put("f1", round(s.f1()));
        if (details) {
            r.put("fpCauses", s.fpCauses);
            r.put("fnKinds", s.fnKinds);
            List<Map<String, String>> ex = new ArrayList<>();
            s.fpExamples.forEach(e -> ex.add(Map.of("kind", "FP", "cause", e[0], "at", e[1], "masked", e[2])));
            s.fnExamples.forEach(e -> ex.add(Map.of("kind", "FN", "cause", e[0], "at", e[1], "masked", e[2])));
            r.put("examples", ex);
        }
        return r;
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    // ---------------------------------------------------------------- self-check

    /** Checks the matching rules on a hand-made case; prints what failed. */
    static boolean selfCheck() {
        List<Label> pos = List.of(
                new Label(EntityType.BSN, "plain", 1, 5, 1, 14, 4, 9),
                new Label(EntityType.PASSPORT_NUMBER, "passport", 2, 1, 2, 10, 20, 9),
                new Label(EntityType.AWS_SECRET_KEY, "aws-secret", 3, 1, 3, 41, 40, 40),
                new Label(EntityType.EMAIL, "address", 4, 1, 4, 20, 90, 19));
        List<Label> neg = List.of(new Label(EntityType.BSN, "bsn-11proof-fail", 5, 1, 5, 10, 120, 9));
        CorpusGenerator.FileLabels f = new CorpusGenerator.FileLabels("a/b.txt", "PROSE_EN", "LF", 200, pos, neg);
        AccuracyEvaluator e = new AccuracyEvaluator(List.of(f), Path.of("/nonexistent"));
        List<Prediction> preds = List.of(
                new Prediction("a/b.txt", EntityType.BSN, "nl-bsn", 4, 13),            // TP
                new Prediction("a/b.txt", EntityType.BSN, "nl-bsn-2", 6, 8),           // duplicate, still correct
                new Prediction("a/b.txt", EntityType.ID_CARD_NUMBER, "nl-id", 22, 23), // TP: same class as passport
                new Prediction("a/b.txt", EntityType.GENERIC_SECRET, "generic", 40, 80), // FP: type confusion
                new Prediction("a/b.txt", EntityType.BSN, "nl-bsn", 120, 129));       // FP: hard negative
        e.score(preds, 0);
        Stats bsn = e.stats.get("BSN");
        Stats id = e.stats.get("PASSPORT/ID");
        Stats aws = e.stats.get("AWS_KEYS");
        Stats gen = e.stats.get("GENERIC_SECRET");
        Stats mail = e.stats.get("EMAIL");
        boolean ok = check("BSN found", bsn.found, 1) & check("BSN predictions", bsn.predictions, 3)
                & check("BSN correct", bsn.correct, 2) & check("BSN duplicates", bsn.duplicates, 1) & check("BSN fp", bsn.fp(), 1)
                & check("passport/ID found", id.found, 1) & check("AWS fn", aws.fn(), 1) & check("generic fp", gen.fp(), 1)
                & check("email fn", mail.fn(), 1)
                & check("hard-negative cause", bsn.fpCauses.keySet().iterator().next().startsWith("hard negative") ? 1 : 0, 1)
                & check("micro labels", e.micro().labels, 4) & check("micro found", e.micro().found, 2);
        ok &= check("resolve", e.resolve("file:///work/main/bench/out/corpus/a/b.txt") != null ? 1 : 0, 1);
        ok &= check("rule id mapping", typeFromRuleId("nl-passport-number") == EntityType.PASSPORT_NUMBER ? 1 : 0, 1);
        ok &= check("shape", shape("NL91ABNA0417164300").equals("NL99XXXX9999999999") ? 1 : 0, 1);
        System.out.println(ok ? "self-check passed" : "self-check FAILED");
        return ok;
    }

    private static boolean check(String what, int actual, int expected) {
        if (actual != expected) {
            System.out.println("self-check: " + what + " = " + actual + ", expected " + expected);
            return false;
        }
        return true;
    }
}
