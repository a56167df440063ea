package io.dataguardian.bench.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fourth labelled corpus, written blind to the detectors, their documentation and catalogue, and to the
 * templates and values of the other three generators (it reuses only {@link Label}, {@link EntityType},
 * {@link LabelledText} and the {@code Corpus}/{@code FileLabels} records of {@link CorpusGenerator}).
 * Its purpose is an out-of-sample estimate of how the scanner scores on a corpus written by a stranger:
 * values the way people write them (in Dutch and English sentences, chats, quoted e-mails, letters with
 * varied layouts, GDPR access-request exports), logs in four styles, CSVs with other headers and
 * delimiters, nested configs (Spring, Rails, serverless, GitLab CI), {@code .env} variants, source code
 * in seven languages, SQL, and hard negatives next to every type.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.Holdout3Corpus \
 *      --out /tmp/holdout3/s1 --seed 1 --files 312 --labels /tmp/holdout3/s1.labels.json
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.Holdout3Corpus --self-check [--seed N] [--files N]
 * </pre>
 *
 * <p>Labelling conventions (each writing has its own {@code kind}, so a disputed one can be scored apart):
 * <ul>
 *   <li>a span is the value only, as written: a BSN with its dots or spaces, an IBAN with its grouping
 *       spaces, a phone number with its {@code +31}, {@code (0)} and separators, an e-mail without angle
 *       brackets or {@code mailto:}, an IP without its port, a URL's user and host parts separately;
 *   <li>generic secrets are the value only, without quotes or the key; a prefix that belongs to the value
 *       ({@code sk_live_}, {@code SG.}) is part of it; a password in a connection URL
 *       ({@code mongodb://app:PW@host}) is a generic secret ({@code url-password});
 *   <li>an AWS secret, a GitHub token or a JWT under a {@code secret}/{@code token} key is labelled once,
 *       with its own type, never also as a generic secret;
 *   <li>a PEM private key is the whole block from BEGIN to END, also {@code \n}-escaped in a string;
 *       public keys and certificates are hard negatives;
 *   <li>a date of birth is the date only, when the text or the key says so ({@code geboren op}, {@code geb.},
 *       {@code dateOfBirth}, {@code born_on}, a {@code geboren}/{@code birth_date} column); every other date
 *       (invoice, created_at, expiry, release, visit, login timestamps) is a hard negative;
 *   <li>private, loopback and IPv6 addresses are positives; versions ({@code 2.14.1}, {@code 10.0.19041},
 *       {@code 4.2.7.1234}), UUIDs and GPS coordinates are IP hard negatives;
 *   <li>passports and ID cards are 9 characters (2 letters, 6 letters or digits, 1 digit, never the letter O);
 *       a 3-letter-6-digit SKU is a hard negative;
 *   <li>hard negatives: 9-digit order/invoice/ticket/reference numbers failing the 11-proof, 8-digit KvK
 *       numbers, tracking codes, Luhn-failing 16-digit numbers, masked cards and last-4s, EAN-13 and ISBN-13,
 *       mod-97-failing IBANs, git SHAs, sha256 hashes, trace ids, placeholders ({@code changeme},
 *       {@code ${VAR}}, {@code <password>}, {@code ****} ...), weak passwords (entropy &lt; 3.5), doc example
 *       tokens ({@code ghp_XXXX...}, {@code AKIAIOSFODNN7EXAMPLE}).
 * </ul>
 * Every file has its own {@code Random(seed * 1_000_003 + index)}: the same arguments give the same bytes.
 */
public final class Holdout3Corpus {

    private Holdout3Corpus() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = CorpusGenerator.parseArgs(args);
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        int files = Integer.parseInt(o.getOrDefault("files", "312"));
        if (o.containsKey("self-check")) {
            Path tmp = Files.createTempDirectory("holdout3-check");
            CorpusGenerator.Corpus c = write(tmp.resolve("tree"), seed, files);
            List<String> errors = selfCheck(tmp.resolve("tree"), c);
            errors.stream().limit(40).forEach(System.out::println);
            System.out.printf(Locale.ROOT, "self-check: %d files, %d positives, %d negatives, %d errors%n", c.files(),
                    c.positivesByType().values().stream().mapToInt(Integer::intValue).sum(),
                    c.negativesByType().values().stream().mapToInt(Integer::intValue).sum(), errors.size());
            System.exit(errors.isEmpty() ? 0 : 1);
        }
        if (!o.containsKey("out")) {
            System.err.println("usage: Holdout3Corpus --out DIR [--seed N] [--files N] [--labels FILE] | --self-check [--seed N] [--files N]");
            System.exit(2);
        }
        Path out = Path.of(o.get("out"));
        Path labels = Path.of(o.getOrDefault("labels", out.toAbsolutePath() + ".labels.json"));
        if (labels.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
            System.err.println("the labels file must lie outside the scanned tree");
            System.exit(2);
        }
        CorpusGenerator.Corpus c = write(out, seed, files);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(labels.toFile(), c);
        System.out.printf(Locale.ROOT, "wrote %d files, %d chars, positives %s, negatives %s; labels %s%n", c.files(), c.totalChars(),
                c.positivesByType(), c.negativesByType(), labels);
    }

    static CorpusGenerator.Corpus write(Path out, long seed, int files) throws IOException {
        List<CorpusGenerator.FileLabels> all = new ArrayList<>();
        Map<String, Integer> pos = new TreeMap<>();
        Map<String, Integer> neg = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < files; i++) {
            Random r = new Random(seed * 1_000_003L + i);
            Holdout3Templates.Kind k = Holdout3Templates.KINDS.get(i % Holdout3Templates.KINDS.size());
            boolean crlf = k.crlf() || r.nextInt(8) == 0;
            LabelledText d = new LabelledText(crlf ? "\r\n" : "\n");
            k.body().write(d, r);
            String rel = String.format(Locale.ROOT, k.path(), i);
            Path p = out.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, d.text(), StandardCharsets.UTF_8);
            all.add(new CorpusGenerator.FileLabels(rel, k.format(), crlf ? "CRLF" : "LF", d.length(), List.copyOf(d.positives()),
                    List.copyOf(d.negatives())));
            d.positives().forEach(l -> pos.merge(l.type().name(), 1, Integer::sum));
            d.negatives().forEach(l -> neg.merge(l.type().name(), 1, Integer::sum));
            total += d.length();
        }
        return new CorpusGenerator.Corpus("Holdout3Corpus", 1, seed, files, total, pos, neg, all);
    }

    // ------------------------------------------------------------------ self-check

    static final Pattern NINE = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");
    static final Pattern CARDISH = Pattern.compile("(?<![0-9])[0-9]{13,19}(?![0-9])");

    static List<String> selfCheck(Path root, CorpusGenerator.Corpus c) throws IOException {
        List<String> errors = new ArrayList<>();
        for (CorpusGenerator.FileLabels f : c.fileLabels()) {
            String text = Files.readString(root.resolve(f.path()), StandardCharsets.UTF_8);
            if (text.length() != f.chars()) {
                errors.add(f.path() + ": length " + text.length() + " != " + f.chars());
            }
            List<Label> every = new ArrayList<>(f.positives());
            every.addAll(f.negatives());
            every.sort(Comparator.comparingInt(Label::offset));
            for (int i = 0; i < every.size(); i++) {
                Label l = every.get(i);
                if (i > 0 && every.get(i - 1).offset() + every.get(i - 1).length() > l.offset()) {
                    errors.add(f.path() + ": overlap at " + l.offset());
                }
                if (!position(text, l.offset()).equals(l.line() + ":" + l.column())
                        || !position(text, l.offset() + l.length()).equals(l.endLine() + ":" + l.endColumn())) {
                    errors.add(f.path() + ": line/column disagree with offset " + l.offset());
                }
            }
            for (Label l : f.positives()) {
                String v = text.substring(l.offset(), l.offset() + l.length());
                String why = validPositive(l, v);
                if (why != null) {
                    errors.add(f.path() + ": positive " + l.type() + "/" + l.kind() + " '" + v + "': " + why);
                }
            }
            for (Label l : f.negatives()) {
                String v = text.substring(l.offset(), l.offset() + l.length());
                String why = validNegative(l, v);
                if (why != null) {
                    errors.add(f.path() + ": negative " + l.type() + "/" + l.kind() + " '" + v + "': " + why);
                }
            }
            checkUnlabelled(f, text, NINE, s -> Holdout3Values.elfProef(s), "unlabelled 11-proof number", errors);
            checkUnlabelled(f, text, CARDISH, Holdout3Values::luhn, "unlabelled Luhn-valid number", errors);
        }
        return errors;
    }

    private static void checkUnlabelled(CorpusGenerator.FileLabels f, String text, Pattern p, java.util.function.Predicate<String> ok,
                                        String what, List<String> errors) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (!ok.test(m.group())) {
                continue;
            }
            int s = m.start();
            boolean covered = false;
            for (List<Label> ls : List.of(f.positives(), f.negatives())) {
                for (Label l : ls) {
                    covered |= l.offset() <= s && s < l.offset() + l.length();
                }
            }
            if (!covered) {
                errors.add(f.path() + ": " + what + " at " + s + ": " + m.group());
            }
        }
    }

    private static String position(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return line + ":" + col;
    }

    static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3} ?[A-Z]{2}");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    static String validPositive(Label l, String v) {
        String digits = v.replaceAll("[^0-9]", "");
        return switch (l.type()) {
            case BSN -> Holdout3Values.elfProef(digits) && v.matches("[0-9][0-9 .]+[0-9]") ? null : "11-proof";
            case IBAN -> Holdout3Values.ibanValid(v) ? null : "mod-97";
            case CREDIT_CARD -> Holdout3Values.luhn(digits) && digits.length() >= 15 && digits.length() <= 16
                    && digits.matches("(4|5[1-5]|2[2-7]|3[47]|6011).*") ? null : "Luhn/issuer";
            case PHONE_NUMBER -> Holdout3Values.phoneValid(v) ? null : "libphonenumber";
            case EMAIL -> EMAIL.matcher(v).matches() ? null : "e-mail shape";
            case IP_ADDRESS -> ipValid(v) ? null : "IP shape";
            case POSTCODE -> POSTCODE.matcher(v).matches() ? null : "postcode shape";
            case PASSPORT_NUMBER, ID_CARD_NUMBER -> Holdout3Values.DOC.matcher(v).matches() ? null : "document shape";
            case DATE_OF_BIRTH -> v.matches(".*(19[3-9][0-9]|200[0-9]|201[0-6]).*") ? null : "birth year";
            case AWS_ACCESS_KEY -> v.matches("(AKIA|ASIA)[A-Z2-7]{16}") ? null : "AWS key id";
            case AWS_SECRET_KEY -> v.matches("[A-Za-z0-9+/]{40}") ? null : "AWS secret";
            case PRIVATE_KEY -> v.startsWith("-----BEGIN ") && v.contains("PRIVATE KEY-----") && v.endsWith("PRIVATE KEY-----") ? null : "PEM";
            case GITHUB_TOKEN -> v.matches("gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}") ? null : "GitHub shape";
            case JWT -> Holdout3Values.jwtValid(v) ? null : "JWT";
            case GENERIC_SECRET -> v.length() >= 8 && Holdout3Values.entropy(v) >= 3.5 ? null : "entropy/length";
        };
    }

    static boolean ipValid(String v) {
        if (v.contains(":")) {
            return v.matches("[0-9a-f:]+") && v.contains("::");
        }
        String[] p = v.split("\\.");
        if (p.length != 4) {
            return false;
        }
        for (String s : p) {
            if (!s.matches("[0-9]{1,3}") || Integer.parseInt(s) > 255) {
                return false;
            }
        }
        return true;
    }

    static String validNegative(Label l, String v) {
        String digits = v.replaceAll("[^0-9]", "");
        if (l.kind().endsWith("-fail")) {
            boolean passes = switch (l.type()) {
                case BSN -> digits.length() == 9 && Holdout3Values.elfProef(digits);
                case IBAN -> Holdout3Values.ibanValid(v);
                case CREDIT_CARD -> Holdout3Values.luhn(digits);
                default -> false;
            };
            if (passes) {
                return "passes its check";
            }
        }
        if (l.type() == EntityType.GENERIC_SECRET && !l.kind().equals("sentry-key")
                && v.length() >= 8 && Holdout3Values.entropy(v) >= 3.5 && !v.matches(".*[<>${}*%].*") && !List.of(Holdout3Values.PLACEHOLDERS).contains(v)) {
            return "a real-looking secret";
        }
        if (l.type() == EntityType.DATE_OF_BIRTH && v.matches(".*(19[0-9][0-9]|200[0-9]|201[0-6]).*")) {
            return "non-birth date with a birth-like year";
        }
        if (l.type() == EntityType.PRIVATE_KEY && v.contains("PRIVATE KEY")) {
            return "private key as negative";
        }
        return null;
    }
}
