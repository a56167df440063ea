package io.dataguardian.bench.corpus;

import io.dataguardian.bench.corpus.CorpusGenerator.Corpus;
import io.dataguardian.bench.corpus.CorpusGenerator.FileLabels;
import io.dataguardian.bench.corpus.Holdout2Values.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A third labelled corpus, written blind to the detectors and to the other two generators' templates:
 * material the first two do not cover (Kubernetes, Helm, Terraform, TOML, INI, XML configs, JSON Lines
 * and logfmt logs, syslog, Apache and IIS logs, TSV, quoted CSV with CRLF, Markdown tables, notebooks,
 * shell/Dockerfiles, TS/PHP/Go/C# sources, SQL INSERT variants, transcripts, Dutch agency letters,
 * forms, HTTP dumps) and variant writings of each value.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.Holdout2Corpus \
 *      --out DIR --seed N [--files 200] [--labels FILE] [--clean]
 * java -cp ... Holdout2Corpus --self-check [--seed N] [--files 200]
 * </pre>
 *
 * <p>Label conventions (see bench/README.md): the span is the value only (for generic secrets the value,
 * not the key; for PEM keys the whole BEGIN..END block, encrypted keys included); base64 values under a
 * Kubernetes Secret's {@code data:} are generic secrets (kind {@code k8s-b64}); a CIDR network
 * (host part zero) is a hard negative, a single address with a port is a positive; a year alone is
 * not a date of birth; a BTW number's 9 digits (an RSIN, 11-proof valid) are a BSN hard negative.
 */
public final class Holdout2Corpus {

    private Holdout2Corpus() {
    }

    /** A document under construction: the labelled text plus the planted values for the self-check. */
    static final class Doc {
        final LabelledText lt;
        final List<String> posValues = new ArrayList<>();
        final List<String> negValues = new ArrayList<>();

        Doc(String eol) {
            lt = new LabelledText(eol);
        }

        Doc t(String s) {
            lt.t(s);
            return this;
        }

        Doc p(EntityType type, String kind, String v) {
            lt.pos(type, kind, v);
            posValues.add(v);
            return this;
        }

        Doc n(EntityType type, String kind, String v) {
            lt.neg(type, kind, v);
            negValues.add(v);
            return this;
        }
    }

    interface Template {
        void write(Doc d, Holdout2Values v);
    }

    record Kind(String name, String dir, String ext, boolean crlf, Template template) {
    }

    static final List<Kind> KINDS = Holdout2Templates.kinds();

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                usage("unexpected argument " + a);
            }
            String k = a.substring(2);
            if (k.equals("clean") || k.equals("self-check")) {
                opts.put(k, "true");
            } else if (i + 1 < args.length) {
                opts.put(k, args[++i]);
            } else {
                usage("missing value for " + a);
            }
        }
        long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
        int files = Integer.parseInt(opts.getOrDefault("files", "200"));
        if (opts.containsKey("self-check")) {
            Map<String, String> texts = new TreeMap<>();
            Corpus c = build(seed, files, texts, true);
            System.out.printf(Locale.ROOT, "self-check passed: %d files, %d chars, positives %s, negatives %s%n",
                    c.files(), c.totalChars(), c.positivesByType(), c.negativesByType());
            return;
        }
        if (!opts.containsKey("out")) {
            usage("--out DIR is required");
        }
        Path out = Path.of(opts.get("out"));
        Path labels = Path.of(opts.getOrDefault("labels", out.toAbsolutePath().getParent().resolve(out.getFileName() + "-labels.json").toString()));
        if (labels.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
            usage("--labels must be outside the scanned tree " + out);
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    if (!opts.containsKey("clean")) {
                        usage(out + " is not empty: remove it or pass --clean");
                    }
                    try (Stream<Path> w = Files.walk(out)) {
                        for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                            if (!p.equals(out)) {
                                Files.delete(p);
                            }
                        }
                    }
                }
            }
        }
        Map<String, String> texts = new TreeMap<>();
        Corpus corpus = build(seed, files, texts, true);
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Path f = out.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        if (labels.toAbsolutePath().getParent() != null) {
            Files.createDirectories(labels.toAbsolutePath().getParent());
        }
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        mapper.writeValue(labels.toFile(), corpus);
        System.out.printf(Locale.ROOT, "wrote %d files, %d chars, to %s; labels: %s%n", corpus.files(), corpus.totalChars(), out, labels);
        System.out.println("positives by type: " + corpus.positivesByType());
        System.out.println("hard negatives by confusable type: " + corpus.negativesByType());
    }

    private static void usage(String msg) {
        System.err.println(msg);
        System.err.println("usage: Holdout2Corpus --out DIR --seed N [--files 200] [--labels FILE] [--clean] | --self-check [--seed N] [--files N]");
        System.exit(2);
    }

    static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + 0x2545F4914F6CDD1DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static Corpus build(long seed, int files, Map<String, String> texts, boolean check) {
        List<FileLabels> all = new ArrayList<>();
        Map<EntityType, Integer> pos = new EnumMap<>(EntityType.class);
        Map<EntityType, Integer> neg = new EnumMap<>(EntityType.class);
        long total = 0;
        for (int i = 0; i < files; i++) {
            Random r = new Random(mix(seed, i));
            Kind kind = KINDS.get(i % KINDS.size());
            boolean crlf = kind.crlf() || r.nextInt(5) == 0;
            Doc d = new Doc(crlf ? "\r\n" : "\n");
            kind.template().write(d, new Holdout2Values(r));
            String rel = kind.ext().startsWith("=")
                    ? kind.dir() + "/" + String.format(Locale.ROOT, "%04d-", i) + kind.name() + "/" + kind.ext().substring(1)
                    : kind.dir() + "/" + String.format(Locale.ROOT, "%04d-", i) + kind.name() + "." + kind.ext();
            String text = d.lt.text();
            if (check) {
                selfCheck(rel, text, d);
            }
            texts.put(rel, text);
            all.add(new FileLabels(rel, kind.name(), crlf ? "CRLF" : "LF", text.length(), List.copyOf(d.lt.positives()), List.copyOf(d.lt.negatives())));
            d.lt.positives().forEach(l -> pos.merge(l.type(), 1, Integer::sum));
            d.lt.negatives().forEach(l -> neg.merge(l.type(), 1, Integer::sum));
            total += text.length();
        }
        Map<String, Integer> pn = new LinkedHashMap<>();
        pos.forEach((k, x) -> pn.put(k.name(), x));
        Map<String, Integer> nn = new LinkedHashMap<>();
        neg.forEach((k, x) -> nn.put(k.name(), x));
        return new Corpus("dataguardian-bench Holdout2Corpus", 1, seed, files, total, pn, nn, all);
    }

    private static void fail(String file, String msg) {
        throw new IllegalStateException("self-check failed in " + file + ": " + msg);
    }

    static void selfCheck(String file, String text, Doc d) {
        List<Label> every = new ArrayList<>();
        checkList(file, text, d.lt.positives(), d.posValues, true);
        checkList(file, text, d.lt.negatives(), d.negValues, false);
        every.addAll(d.lt.positives());
        every.addAll(d.lt.negatives());
        every.sort(Comparator.comparingInt(Label::offset));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![0-9A-Za-z.\\-])[0-9]{9}(?![0-9A-Za-z])").matcher(text);
        while (m.find()) {
            int at = m.start();
            boolean labelled = every.stream().anyMatch(l -> l.offset() <= at && at < l.offset() + l.length());
            if (!labelled && Holdout2Values.elfProef(m.group())) {
                fail(file, "unlabelled 11-proof 9-digit number at offset " + at);
            }
        }
        for (int i = 1; i < every.size(); i++) {
            Label a = every.get(i - 1);
            Label b = every.get(i);
            if (a.offset() + a.length() > b.offset()) {
                fail(file, "labels overlap at offset " + b.offset() + ": " + a.kind() + " / " + b.kind());
            }
        }
    }

    private static void checkList(String file, String text, List<Label> labels, List<String> values, boolean positive) {
        if (labels.size() != values.size()) {
            fail(file, "label/value count");
        }
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            String v = values.get(i);
            String span = text.substring(l.offset(), l.offset() + l.length());
            if (!span.equals(v.replace("\n", text.contains("\r\n") ? "\r\n" : "\n"))) {
                fail(file, "span differs from planted value for " + l.kind());
            }
            int[] lc = lineCol(text, l.offset());
            int[] ec = lineCol(text, l.offset() + l.length());
            if (lc[0] != l.line() || lc[1] != l.column() || ec[0] != l.endLine() || ec[1] != l.endColumn()) {
                fail(file, "line/column disagree with offset for " + l.kind() + " at " + l.offset());
            }
            if (span.isBlank() || !span.strip().equals(span)) {
                fail(file, "span has surrounding blanks: " + l.kind());
            }
            String digits = span.replaceAll("[^0-9]", "");
            switch (l.type()) {
                case BSN -> {
                    boolean ok = Holdout2Values.elfProef(digits);
                    boolean expect = positive || l.kind().equals("btw-rsin");
                    if (ok != expect) {
                        fail(file, "BSN 11-proof " + ok + " for " + (positive ? "positive" : "negative") + " " + l.kind());
                    }
                }
                case IBAN -> {
                    if (Holdout2Values.mod97(span) != positive) {
                        fail(file, "IBAN mod-97 wrong for " + l.kind());
                    }
                }
                case CREDIT_CARD -> {
                    if (!l.kind().equals("masked") && Holdout2Values.luhn(digits) != positive) {
                        fail(file, "Luhn wrong for " + l.kind());
                    }
                }
                case PHONE_NUMBER -> {
                    if (positive && !Holdout2Values.phoneValid(span, "NL")) {
                        fail(file, "phone invalid per libphonenumber: " + l.kind());
                    }
                    if (!positive && l.kind().equals("invalid-example") && Holdout2Values.phoneValid(span, "NL")) {
                        fail(file, "example phone number is valid per libphonenumber");
                    }
                }
                case GITHUB_TOKEN -> {
                    if (positive && !span.startsWith("github_pat_")) {
                        String body = span.substring(4, 34);
                        if (!Holdout2Values.crcBase62(body).equals(span.substring(34))) {
                            fail(file, "GitHub token checksum");
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    static int[] lineCol(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                // part of the line end, not a column
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
