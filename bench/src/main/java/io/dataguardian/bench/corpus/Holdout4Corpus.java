package io.dataguardian.bench.corpus;

import io.dataguardian.bench.corpus.Holdout4Values.V;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fourth blind labelled accuracy corpus: Dutch and English prose, logs, CSV/TSV, JSON, YAML,
 * .env/.ini/.properties/TOML, source files and markup (Markdown, HTML, SOAP/XML, vCard/iCalendar),
 * written without looking at the scanner's detectors, with hard negatives next to each type.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.Holdout4Corpus --out DIR --seed 1 --files 320 --labels FILE.json
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.Holdout4Corpus --self-check [--seed 1] [--files 320]
 * </pre>
 *
 * <p>Same seed and arguments give the same bytes: file {@code i} draws from its own {@link Random}
 * seeded from (seed, i). File {@code i} uses template {@code i mod T} (round robin over the
 * templates of {@link Holdout4Templates}).
 *
 * <h2>Label conventions</h2>
 * <ul>
 * <li>A span is the value as written: a grouped BSN with its dots/spaces/dashes, a grouped IBAN or
 *     card with its spaces or dashes, a phone number with its prefix ({@code +31}, {@code 0031},
 *     {@code +31 (0)}) and separators, a postcode with or without its space.</li>
 * <li>Quotes, brackets, trailing punctuation, {@code mailto:}, key names and {@code key=} are never part of a span.</li>
 * <li>IP addresses: the address only, without a port, prefix length ({@code /24}) or brackets; IPv6 in
 *     its written (often compressed) form. Loopback, 0.0.0.0 and netmasks are not written at all.</li>
 * <li>E-mail: the address only (no display name, no {@code mailto:}).</li>
 * <li>Date of birth: labelled only when the text, key, column header or attribute says it is one
 *     (geboortedatum, geb., born, dob, birthDate, BDAY ...); the date as written. Other dates
 *     (invoice, appointment, release, timestamps) are negatives where they are planted.</li>
 * <li>Passport and ID-card numbers: the Dutch document number (2 letters, 6 letters/digits, 1 digit,
 *     no letter O), labelled PASSPORT_NUMBER or ID_CARD_NUMBER by context (same scoring class).</li>
 * <li>AWS: the key id (AKIA/ASIA + 16) and the 40-character secret, each its own label.</li>
 * <li>Private key: the whole PEM block from {@code -----BEGIN} to the closing {@code -----} of the END
 *     line, as written (with {@code \n} escapes in JSON/TOML strings, with YAML indentation inside).</li>
 * <li>GitHub tokens and JWTs: the token only (no {@code Bearer }, no {@code token=}).</li>
 * <li>Generic secret: the value only, without quotes or key, for an assignment to a password/secret/
 *     token/api-key name whose value has entropy &gt;= 3.5 bits/char and length &gt;= 8. A value that
 *     is an AWS secret, GitHub token, JWT or private key gets that type only (one label per span).</li>
 * <li>Hard negatives are labelled with the type they could be confused with and a kind naming why
 *     they are not one (bsn-11proof-fail, card-luhn-fail, card-masked, iban-mod97-fail, oid,
 *     version-4part, size-unit, invoice-date, secret-placeholder ...).</li>
 * <li>Disputed conventions, each with its own kind (all labelled positives, span = the value only):
 *     {@code secret-dsn-password} a password in a connection URL's user-info ({@code postgres://user:PASS@host},
 *     {@code redis://:PASS@host}); {@code secret-basic-auth} the password of {@code curl -u user:PASS};
 *     {@code secret-prose} a password given in prose ("db password is X", "wachtwoord ... (was X)");
 *     {@code secret-kv-pair} a value whose secret name sits in a sibling field ({@code {"key": "client_secret", "value": X}});
 *     {@code secret-app-key} a Laravel-style {@code APP_KEY=base64:X} (span without {@code base64:});
 *     {@code secret-other-key-name} a random key under a name outside password/secret/token/api-key ({@code StorageKey});
 *     {@code secret-tf-variable-default} the {@code default} of a Terraform variable named {@code db_password};
 *     {@code secret-ps-securestring} the literal in {@code $password = ConvertTo-SecureString 'X' ...};
 *     {@code secret-token-not-github-shape} a high-entropy value under a TOKEN name that is no valid GitHub token;
 *     {@code ipv4-network} a network address in a {@code subnet: a.b.0.0/16} line (span without the prefix length).</li>
 * <li>Phone numbers: valid per numbering plan (NL mobile 06-1..5, geographic area codes with 7/6-digit
 *     subscriber numbers, 088, 0800 + 4, 0900 + 7; UK (London 020, mobiles 074/075/077-079, no 076 pagers),
 *     DE, BE, FR, US in international form).</li>
 * </ul>
 */
public final class Holdout4Corpus {

    /** A text under construction that remembers where each planted value went (CRLF aware). */
    static final class Doc {
        private final StringBuilder text = new StringBuilder(4096);
        final String eol;
        final List<Label> positives = new ArrayList<>();
        final List<Label> negatives = new ArrayList<>();
        final List<String> posValues = new ArrayList<>();
        final List<String> negValues = new ArrayList<>();
        private int line = 1;
        private int column = 1;

        Doc(String eol) {
            this.eol = eol;
        }

        Doc t(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    if (eol.equals("\r\n")) {
                        text.append('\r');
                    }
                    text.append('\n');
                    line++;
                    column = 1;
                } else {
                    text.append(c);
                    column++;
                }
            }
            return this;
        }

        Doc nl() {
            return t("\n");
        }

        Doc p(V v) {
            return p(v.type(), v.kind(), v.value());
        }

        Doc p(EntityType type, String kind, String value) {
            positives.add(place(type, kind, value));
            posValues.add(eol.equals("\r\n") ? value.replace("\n", "\r\n") : value);
            return this;
        }

        Doc n(V v) {
            negatives.add(place(v.type(), v.kind(), v.value()));
            negValues.add(eol.equals("\r\n") ? v.value().replace("\n", "\r\n") : v.value());
            return this;
        }

        private Label place(EntityType type, String kind, String value) {
            int start = text.length();
            int l = line;
            int c = column;
            t(value);
            return new Label(type, kind, l, c, line, column, start, text.length() - start);
        }

        String text() {
            return text.toString();
        }
    }

    record Generated(String path, String format, Doc doc) {
    }

    private Holdout4Corpus() {
    }

    static long fileSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x4D4F4C44L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static Generated generate(long seed, int index) {
        Random r = new Random(fileSeed(seed, index));
        Holdout4Templates.Template t = Holdout4Templates.TEMPLATES.get(index % Holdout4Templates.TEMPLATES.size());
        String eol = switch (t.eol()) {
            case "CRLF" -> "\r\n";
            case "MIX" -> r.nextInt(3) == 0 ? "\r\n" : "\n";
            default -> "\n";
        };
        Doc d = new Doc(eol);
        t.body().accept(d, new Holdout4Values(r));
        String path = t.dir() + "/" + t.stem() + "-" + String.format("%04d", index) + "." + t.ext();
        return new Generated(path, t.kind(), d);
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String k = args[i].substring(2);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    m.put(k, args[++i]);
                } else {
                    m.put(k, "true");
                }
            }
        }
        return m;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = parseArgs(args);
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        int files = Integer.parseInt(o.getOrDefault("files", "320"));
        if (o.containsKey("self-check")) {
            System.exit(selfCheck(seed, files) ? 0 : 1);
        }
        if (!o.containsKey("out") || !o.containsKey("labels")) {
            System.err.println("usage: Holdout4Corpus --out DIR --seed N --files N --labels FILE.json | --self-check [--seed N] [--files N]");
            System.exit(2);
        }
        Path out = Path.of(o.get("out"));
        Path labels = Path.of(o.get("labels"));
        if (labels.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
            System.err.println("the labels file must lie outside the scanned directory");
            System.exit(2);
        }
        List<CorpusGenerator.FileLabels> fl = new ArrayList<>();
        Map<String, Integer> posBy = new TreeMap<>();
        Map<String, Integer> negBy = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < files; i++) {
            Generated g = generate(seed, i);
            Path p = out.resolve(g.path());
            Files.createDirectories(p.getParent());
            String text = g.doc().text();
            Files.writeString(p, text, StandardCharsets.UTF_8);
            total += text.length();
            g.doc().positives.forEach(l -> posBy.merge(l.type().name(), 1, Integer::sum));
            g.doc().negatives.forEach(l -> negBy.merge(l.type().name(), 1, Integer::sum));
            fl.add(new CorpusGenerator.FileLabels(g.path(), g.format(), g.doc().eol.equals("\r\n") ? "CRLF" : "LF", text.length(),
                    g.doc().positives, g.doc().negatives));
        }
        CorpusGenerator.Corpus c = new CorpusGenerator.Corpus("Holdout4Corpus", 1, seed, files, total, posBy, negBy, fl);
        if (labels.toAbsolutePath().getParent() != null) {
            Files.createDirectories(labels.toAbsolutePath().getParent());
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(labels.toFile(), c);
        int pos = posBy.values().stream().mapToInt(Integer::intValue).sum();
        int neg = negBy.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("wrote %d files, %d chars, %d positives %s, %d negatives %s%n", files, total, pos, posBy, neg, negBy);
    }

    // ------------------------------------------------------------------ self-check

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED_CARD = Pattern.compile("(?<![\\d])\\d{4}([ -])\\d{4,6}\\1\\d{4,5}(?:\\1\\d{1,4})?(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(\\+|00)?[0-9][0-9 ()\\-]{6,18}[0-9]");
    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3} ?[A-Z]{2}");
    private static final Pattern DOC = Pattern.compile("[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d");
    private static final Pattern AWS_ID = Pattern.compile("(AKIA|ASIA)[A-Z2-7]{16}");
    private static final Pattern AWS_SECRET = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Pattern GH = Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}");
    private static final Pattern DOB = Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2} [a-zA-Z]+ \\d{4}|[A-Z][a-z]+ \\d{1,2}, \\d{4}");

    static String validate(Label l, String s) {
        String compact = s.replaceAll("[ .\\-]", "");
        return switch (l.type()) {
            case BSN -> Holdout4Values.elfProef(compact) ? null : "BSN fails 11-proof";
            case IBAN -> Holdout4Values.ibanValid(s) ? null : "IBAN invalid";
            case CREDIT_CARD -> compact.matches("\\d{13,19}") && Holdout4Values.luhn(compact) ? null : "card fails Luhn";
            case PHONE_NUMBER -> PHONE.matcher(s).matches() ? null : "phone shape";
            case EMAIL -> EMAIL.matcher(s).matches() ? null : "email shape";
            case IP_ADDRESS -> ipValid(s) ? null : "ip invalid";
            case POSTCODE -> POSTCODE.matcher(s).matches() && !s.endsWith("SA") && !s.endsWith("SD") && !s.endsWith("SS") ? null : "postcode";
            case PASSPORT_NUMBER, ID_CARD_NUMBER -> DOC.matcher(s).matches() ? null : "document number shape";
            case DATE_OF_BIRTH -> DOB.matcher(s).matches() ? null : "date shape";
            case AWS_ACCESS_KEY -> AWS_ID.matcher(s).matches() ? null : "aws id shape";
            case AWS_SECRET_KEY -> AWS_SECRET.matcher(s).matches() ? null : "aws secret shape";
            case PRIVATE_KEY -> s.startsWith("-----BEGIN ") && s.contains("PRIVATE KEY-----") && s.endsWith("PRIVATE KEY-----") ? null : "pem";
            case GITHUB_TOKEN -> GH.matcher(s).matches() ? null : "github shape";
            case JWT -> jwtValid(s) ? null : "jwt";
            case GENERIC_SECRET -> Holdout4Values.genericSecretValid(s) ? null : "secret entropy/placeholder";
        };
    }

    /** Negatives of checksum and shape types must fail the check; context-only negatives (dates, OIDs ...) are not checked. */
    static String validateNegative(Label l, String s) {
        String compact = s.replaceAll("[ .\\-]", "");
        return switch (l.type()) {
            case BSN -> Holdout4Values.elfProef(compact) ? "negative BSN passes 11-proof" : null;
            case IBAN -> Holdout4Values.ibanValid(s) ? "negative IBAN passes mod-97" : null;
            case CREDIT_CARD -> compact.matches("\\d{13,19}") && Holdout4Values.luhn(compact) ? "negative card passes Luhn" : null;
            case POSTCODE -> l.kind().equals("postcode-leading-zero") || !s.matches("\\d{4} ?[A-Z]{2}") || l.kind().equals("size-unit") ? null : "postcode neg";
            case PASSPORT_NUMBER, ID_CARD_NUMBER -> DOC.matcher(s).matches() && !l.kind().startsWith("sku") ? "negative doc number has the shape" : null;
            case AWS_ACCESS_KEY -> AWS_ID.matcher(s).matches() ? "negative aws id has the shape" : null;
            case GITHUB_TOKEN -> GH.matcher(s).matches() && !l.kind().equals("github-placeholder") ? "negative github token has the shape" : null;
            case JWT -> jwtValid(s) ? "negative jwt decodes" : null;
            case GENERIC_SECRET -> Holdout4Values.genericSecretValid(s) && !l.kind().startsWith("not-secret") ? "negative secret passes entropy" : null;
            case IP_ADDRESS -> ipValid(s) && !l.kind().equals("oid") && !l.kind().startsWith("version") ? "negative ip valid" : null;
            default -> null;
        };
    }

    static boolean ipValid(String s) {
        if (s.contains(":")) {
            try {
                return s.matches("[0-9a-f:]+") && InetAddress.getByName(s) != null;
            } catch (IOException e) {
                return false;
            }
        }
        String[] p = s.split("\\.");
        if (p.length != 4) {
            return false;
        }
        for (String x : p) {
            if (!x.matches("\\d{1,3}") || Integer.parseInt(x) > 255 || (x.length() > 1 && x.startsWith("0"))) {
                return false;
            }
        }
        return true;
    }

    static boolean jwtValid(String s) {
        String[] p = s.split("\\.");
        if (p.length != 3) {
            return false;
        }
        try {
            String h = new String(Base64.getUrlDecoder().decode(p[0]), StandardCharsets.UTF_8);
            String b = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
            return h.startsWith("{") && h.endsWith("}") && b.startsWith("{") && b.endsWith("}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean selfCheck(long seed, int files) {
        int errors = 0;
        int pos = 0;
        int neg = 0;
        long chars = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> negByType = new TreeMap<>();
        for (int i = 0; i < files; i++) {
            Generated g = generate(seed, i);
            Generated again = generate(seed, i);
            String text = g.doc().text();
            chars += text.length();
            List<String> errs = new ArrayList<>();
            if (!text.equals(again.doc().text())) {
                errs.add("not deterministic");
            }
            int[] lineStarts = lineStarts(text);
            List<Label> all = new ArrayList<>();
            for (int k = 0; k < g.doc().positives.size(); k++) {
                Label l = g.doc().positives.get(k);
                String s = text.substring(l.offset(), l.offset() + l.length());
                checkPosition(l, s, g.doc().posValues.get(k), lineStarts, text, errs);
                String v = validate(l, s);
                if (v != null) {
                    errs.add(v + " [" + l.kind() + "] " + s);
                }
                all.add(l);
                byKind.merge(l.type().name() + ":" + l.kind(), 1, Integer::sum);
                byType.merge(l.type().scoringClass(), 1, Integer::sum);
            }
            for (int k = 0; k < g.doc().negatives.size(); k++) {
                Label l = g.doc().negatives.get(k);
                String s = text.substring(l.offset(), l.offset() + l.length());
                checkPosition(l, s, g.doc().negValues.get(k), lineStarts, text, errs);
                String v = validateNegative(l, s);
                if (v != null) {
                    errs.add(v + " [" + l.kind() + "] " + s);
                }
                all.add(l);
                negByType.merge(l.type().scoringClass(), 1, Integer::sum);
            }
            all.sort(Comparator.comparingInt(Label::offset));
            for (int k = 1; k < all.size(); k++) {
                Label a = all.get(k - 1);
                Label b = all.get(k);
                if (a.offset() + a.length() > b.offset()) {
                    errs.add("overlap " + a.kind() + " / " + b.kind() + " at " + b.offset());
                }
            }
            // no unlabelled checksum-valid digit run
            Matcher m = DIGITS.matcher(text);
            while (m.find()) {
                String d = m.group();
                boolean bad = d.length() == 9 && Holdout4Values.elfProef(d) || d.length() >= 13 && d.length() <= 19 && Holdout4Values.luhn(d);
                if (bad && !covered(all, m.start(), m.end())) {
                    errs.add("unlabelled checksum-valid run " + d.length() + " digits at " + m.start());
                }
            }
            Matcher gm = GROUPED_CARD.matcher(text);
            while (gm.find()) {
                String d = gm.group().replaceAll("[ -]", "");
                if (d.length() >= 13 && d.length() <= 19 && Holdout4Values.luhn(d) && !covered(all, gm.start(), gm.end())) {
                    errs.add("unlabelled grouped Luhn-valid run at " + gm.start());
                }
            }
            pos += g.doc().positives.size();
            neg += g.doc().negatives.size();
            if (!errs.isEmpty()) {
                errors += errs.size();
                System.out.println(g.path() + ":");
                errs.stream().limit(8).forEach(e -> System.out.println("  " + e));
            }
        }
        System.out.printf("%d files, %d chars, %d positives, %d negatives%n", files, chars, pos, neg);
        System.out.println("positives by class: " + byType);
        System.out.println("negatives by class: " + negByType);
        System.out.println("positive kinds: " + byKind);
        System.out.println(errors == 0 ? "self-check passed" : "self-check FAILED: " + errors + " errors");
        return errors == 0;
    }

    private static boolean covered(List<Label> all, int s, int e) {
        for (Label l : all) {
            if (l.offset() < e && s < l.offset() + l.length()) {
                return true;
            }
        }
        return false;
    }

    private static int[] lineStarts(String t) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkPosition(Label l, String s, String planted, int[] ls, String text, List<String> errs) {
        if (!s.equals(planted)) {
            errs.add("span text differs from planted value [" + l.kind() + "]");
        }
        if (l.length() == 0) {
            errs.add("empty label");
        }
        int start = ls[l.line() - 1] + l.column() - 1;
        int end = ls[l.endLine() - 1] + l.endColumn() - 1;
        if (start != l.offset() || end != l.offset() + l.length()) {
            errs.add("line/column disagree with offset [" + l.kind() + "] at " + l.offset());
        }
        if (l.offset() > 0 && l.type() != EntityType.PRIVATE_KEY) {
            char before = text.charAt(l.offset() - 1);
            char after = l.offset() + l.length() < text.length() ? text.charAt(l.offset() + l.length()) : ' ';
            if (Character.isLetterOrDigit(before) && Character.isLetterOrDigit(s.charAt(0))
                    || Character.isLetterOrDigit(after) && Character.isLetterOrDigit(s.charAt(s.length() - 1))) {
                errs.add("span glued to a neighbouring letter/digit [" + l.kind() + "] at " + l.offset());
            }
        }
    }
}
