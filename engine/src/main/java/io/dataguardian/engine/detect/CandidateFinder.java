package io.dataguardian.engine.detect;

import static io.dataguardian.engine.detect.Detectors.*;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one pass over the characters of a text window. Cheap character classes generate candidates
 * (digit runs, capitalised tokens, known secret prefixes, '@', '://', assignments, PEM headers,
 * lexicon words) and dispatch each to the hand-written matchers and validators of the detectors
 * that can start there. No regular expression runs over the text.
 *
 * <p>Not thread-safe: one instance per window scan. Emits raw {@link Candidate}s; context scoring,
 * overlap resolution and suppression happen in {@link CatalogueScanner}.
 */
final class CandidateFinder {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Lexicon LEX = Lexicon.STANDARD;
    /** jackson-core only: a databind mapper's start-up is not needed to check a JWT header. */
    private static final JsonFactory JSON = new JsonFactory();

    private static final byte OTHER = 0, DIGIT = 1, UPPER = 2, LOWER = 3, AT = 4, DASH = 5, COLON = 6, EQ = 7,
            PLUS = 8, LPAREN = 9, GT = 10;
    private static final byte[] CLS = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLS[c] = DIGIT;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CLS[c] = UPPER;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLS[c] = LOWER;
        }
        CLS['@'] = AT;
        CLS['-'] = DASH;
        CLS[':'] = COLON;
        CLS['='] = EQ;
        CLS['+'] = PLUS;
        CLS['('] = LPAREN;
        CLS['>'] = GT;
    }

    private static final int NO_CUE = Integer.MIN_VALUE / 2;

    /** The window's text, its limit and the candidates' list: set for one window by {@link #run(char[], int, List, int, int)}. */
    private char[] b;
    private int limit;
    private List<Candidate> out;
    /** The digits of the last number {@link #cardShape} looked at. */
    private final StringBuilder cardDigits = new StringBuilder(19);
    /** The digits of the last 9-digit number {@link #nineDigits} checked: no builder per number of the text. */
    private final StringBuilder bsnDigits = new StringBuilder(9);
    /** The compact chars of the last IBAN-shaped token {@link #iban(int, boolean)} checked (at most 34). */
    private final StringBuilder ibanChars = new StringBuilder(34);
    /** End position of the last word of each context class seen so far (for required-context gates). */
    private final int[] cue = new int[Ctx.CLASSES];
    /** End of the last AWS access key id (an AWS context for a secret key after it). */
    private int awsKeyEnd = NO_CUE;
    /** End of the last date seen (a birth label's own value: the label says nothing about the dates after it). */
    private int dateEnd = NO_CUE;

    /** A finder for one window, b[0, limit). */
    CandidateFinder(char[] buf, int limit, List<Candidate> out) {
        start(buf, limit, out);
    }

    /**
     * A finder to reuse, one window after another ({@link #run(char[], int, List, int, int)}): a scanner keeps one per
     * thread, instead of allocating its ~0.7 KB of fields and scratch arrays for every window (every cell of a table).
     */
    CandidateFinder() {
    }

    private void start(char[] buf, int limit, List<Candidate> out) {
        this.b = buf;
        this.limit = limit;
        this.out = out;
        java.util.Arrays.fill(cue, NO_CUE);
        // the window's own memory: positions in the last window's text mean nothing in this one
        awsKeyEnd = NO_CUE;
        dateEnd = NO_CUE;
        sqlSearched = -1;
        sqlValues = -1;
        sqlParsedValues = -1;
        sqlParsed = 0;
        sqlDepth = 0;
        sqlIndex = 0;
        createSearched = -1;
        createAt = -1;
        tableHead = NO_TABLE;
    }

    /**
     * Finds the candidates of the window b[0, limit) that start in [from, to) into out, as a new finder's
     * {@link #run(int, int)} would: every field a window reads is set first. Afterwards the finder holds neither the
     * text, nor the list, nor the digits of the last number it looked at.
     */
    void run(char[] buf, int limit, List<Candidate> out, int from, int to) {
        start(buf, limit, out);
        try {
            run(from, to);
        } finally {
            release();
        }
    }

    private void release() {
        b = null;
        out = null;
        java.util.Arrays.fill(phoneDigits, '\0');
        wipe(cardDigits);
        wipe(bsnDigits);
        wipe(ibanChars);
    }

    /** Empties a scratch builder and overwrites the chars it keeps (setLength(0) alone keeps them) with zeros. */
    private static void wipe(StringBuilder sb) {
        sb.setLength(0);
        sb.setLength(sb.capacity());
        sb.setLength(0);
    }

    /**
     * Chars per call of {@link #span}. A region is 256 Ki chars, so a text of 200 MB makes only ~800 calls of
     * run(): C2 compiled its loop on its back-edge counter, on-stack replacements at two loops and then the
     * method, ~0.35 s of compile time; a span makes a thousand calls in the first 256 Ki chars, and C2 compiles
     * span() once, as a method, on its calls and back edges together, before its loops reach the on-stack
     * replacement threshold. A deoptimised span() also returns to compiled code after at most this many chars.
     */
    private static final int SPAN = 256;

    /** Finds candidates starting in [from, to); matchers may read up to {@code limit}. */
    void run(int from, int to) {
        int i = from;
        while (i < to) {
            i = span(i, Math.min(to, i + SPAN));
        }
    }

    /**
     * Finds candidates starting in [from, to), and returns where the next may start (to or past it, when the
     * last token runs past to): the state between spans is that position and the fields.
     */
    private int span(int from, int to) {
        int i = from;
        while (i < to) {
            char c = b[i];
            if (c < 128) {
                byte cls = CLS[c];
                if (cls == OTHER) { // spaces and most punctuation: the commonest chars start nothing
                    i++;
                    continue;
                }
                if (cls == LOWER || cls == UPPER) {
                    // the commonest token, a plain word: an ASCII letter, lower-case ASCII letters, then white space
                    // or punctuation other than ':'. What word(i) would do for it, without its general checks.
                    int e = i + 1;
                    while (e < limit && isLower(b[e])) {
                        e++;
                    }
                    char next = e < limit ? b[e] : ' ';
                    // The test as one number and one branch, whose two ways are both common. As a chain of
                    // branches, the rare way of one (the first lower-case word of the text that starts like a
                    // token lowerToken knows) was a branch C2 had compiled as never taken: taking it cost a
                    // recompile of this method. A token prefix counts for lower-case words of 2+ letters only.
                    int tokenPrefix = (cls - UPPER) & ((i + 1 - e) >>> 31)
                            & lowerTokenPrefix(c, b[Math.min(i + 1, e - 1)]);
                    int plain = PLAIN_WORD_END[Math.min(next, 128)] & ((e - i - AWS_SECRET_MIN) >>> 31)
                            & (tokenPrefix ^ 1);
                    if (plain != 0) {
                        long lex = LEX.lookupPlain(b, i, e);
                        if (lex != 0) {
                            onWord(i, e, lex);
                        } else if (e - i > 6 && cls == UPPER) {
                            address(i, e);
                        }
                        i = e;
                        continue;
                    }
                }
                switch (cls) {
                    case DIGIT -> i = digitStart(i);
                    case UPPER, LOWER -> i = word(i);
                    case AT -> {
                        email(i);
                        i++;
                    }
                    case DASH -> i = dash(i);
                    case COLON -> {
                        colon(i);
                        i++;
                    }
                    case EQ -> {
                        assignment(i);
                        i++;
                    }
                    case GT -> {
                        xmlElement(i);
                        i++;
                    }
                    case PLUS -> {
                        if (i + 1 < limit && isDigit(b[i + 1]) && (i == 0 || !isWordChar(b[i - 1]))) {
                            int e = phone(i);
                            i = e > i ? e : -e > i ? -e : i + 1;
                        } else {
                            i++;
                        }
                    }
                    case LPAREN -> {
                        if (i + 1 < limit && b[i + 1] == '0') {
                            int e = phone(i);
                            i = e > i ? e : i + 1;
                        } else {
                            if (at(i - 1) == 'e') {
                                defineConstant(i);
                            } else if (at(i - 1) == ' ' && (at(i - 2) | 0x20) == 's') {
                                sqlValues(i);
                            }
                            i++;
                        }
                    }
                    default -> i++;
                }
            } else if (Character.isLetter(c)) {
                i = word(i);
            } else {
                i++;
            }
        }
        return i;
    }

    /**
     * 1 for the chars that may follow a plain word in span()'s fast path: ASCII other than letters, digits (which
     * would continue the word) and ':' (which may make a short hex word the start of an IPv6 address); else 0,
     * also at index 128, which stands for every char of 128 and more.
     */
    private static final int[] PLAIN_WORD_END = new int[129];

    static {
        for (char c = 0; c < 128; c++) {
            boolean end = CLS[c] != DIGIT && CLS[c] != UPPER && CLS[c] != LOWER && c != ':';
            PLAIN_WORD_END[c] = end ? 1 : 0;
        }
    }

    /** Words this long may be an AWS secret key's start: word(i) checks them (see awsSecret). */
    private static final int AWS_SECRET_MIN = 16;

    // ------------------------------------------------------------------ character helpers

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** [0-9A-Za-z], one load instead of two compares on the class table (alnumEnd is the hottest loop). */
    private static final boolean[] ASCII_ALNUM = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_ALNUM[c] = CLS[c] >= DIGIT && CLS[c] <= LOWER;
        }
    }

    static boolean isAsciiAlnum(char c) {
        return c < 128 && ASCII_ALNUM[c];
    }

    private static final boolean[] LATIN1_LETTER = new boolean[256];

    static {
        for (char c = 0; c < 256; c++) {
            LATIN1_LETTER[c] = Character.isLetter(c);
        }
    }

    static boolean isLetter(char c) {
        return c < 256 ? LATIN1_LETTER[c] : Character.isLetter(c);
    }

    static boolean isWordChar(char c) {
        return c < 128 ? (CLS[c] >= DIGIT && CLS[c] <= LOWER) || c == '_' : Character.isLetterOrDigit(c);
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private char at(int p) {
        return p >= 0 && p < limit ? b[p] : '\0';
    }

    private boolean startsWith(int p, String s) {
        if (p + s.length() > limit) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[p + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int digits(int p) {
        int q = p;
        while (q < limit && isDigit(b[q])) {
            q++;
        }
        return q - p;
    }

    private int alnumEnd(int p) {
        int q = p;
        while (q < limit) {
            char c = b[q];
            if (c < 128 ? !ASCII_ALNUM[c] : !Character.isLetterOrDigit(c)) {
                break;
            }
            q++;
        }
        return q;
    }

    /** A number may end at e: no word character follows, nor a separator that continues the number. */
    private boolean okEnd(int e) {
        if (e >= limit) {
            return true;
        }
        char c = b[e];
        if (isWordChar(c)) {
            return false;
        }
        return !((c == '.' || c == '-' || c == '/') && isDigit(at(e + 1)));
    }

    /** A number may start at p: no word character precedes, nor a separator that continues a number. */
    private boolean okStart(int p) {
        if (p == 0) {
            return true;
        }
        char c = b[p - 1];
        if (isWordChar(c) || c == '+') {
            return false;
        }
        return !((c == '.' || c == '-' || c == '/' || c == ':') && isDigit(at(p - 2)));
    }

    private boolean recent(Ctx cls, int pos, int distance) {
        return cue[cls.ordinal()] >= pos - distance;
    }

    private void emit(int detector, int start, int end, double adjust) {
        out.add(new Candidate(detector, start, end, adjust));
    }

    private String str(int s, int e) {
        return new String(b, s, e - s);
    }

    // ------------------------------------------------------------------ numbers

    private int digitStart(int i) {
        if (!okStart(i)) {
            return Math.max(i + 1, alnumEnd(i));
        }
        int consumed = numeric(i);
        return Math.max(consumed, alnumEnd(i));
    }

    /** Dispatches a number starting at i to the numeric detectors; returns how far it consumed. */
    private int numeric(int i) {
        int d1 = digits(i);
        int e1 = i + d1;
        char s1 = at(e1);
        if (d1 <= 2 && s1 < 128 && SHORT_NUMBER_END[s1]) {
            minor(i, d1); // "= 0;", "exec-4]", "12,": of the numeric detectors only an age may be this
            return e1;
        }
        if (d1 <= 3 && s1 == '.') {
            int e = ipv4(i);
            if (e > 0) {
                return e;
            }
        }
        int hexEnd = e1;
        while (hexEnd < limit && hexEnd - i <= 4 && isHex(b[hexEnd])) {
            hexEnd++;
        }
        if (hexEnd - i <= 4 && at(hexEnd) == ':' && (isHex(at(hexEnd + 1)) || at(hexEnd + 1) == ':')) {
            int e = ipv6(i);
            if (e > 0) {
                return e;
            }
        }
        int de = date(i, d1);
        if (de > 0) {
            return de;
        }
        if (d1 == 4 && s1 == ',' && at(i - 1) == '(' && recent(Ctx.BIRTH, i, 60)) {
            de = dateArguments(i);
            if (de > 0) {
                return de;
            }
        }
        int best = e1;
        if (b[i] == '0' && (d1 >= PHONE_MIN_DIGITS || s1 < 128 && PHONE_GROUP_END[s1])
                && !(d1 == 4 && s1 == ' ' && groupedByFour(i))) {
            best = Math.max(best, phone(i));
        }
        best = Math.max(best, nineDigits(i, d1));
        best = Math.max(best, card(i, d1));
        if (okEnd(e1)) {
            if (d1 == 8 && recent(Ctx.KVK, i, 40)) {
                emit(KVK, i, e1, 0);
            }
            if (d1 == 10 && recent(Ctx.DRIVING, i, 40)) {
                emit(DRIVING, i, e1, 0);
            }
            if (d1 >= 6 && d1 <= 9 && recent(Ctx.PASSPORT, i, 30)) {
                emit(PASSPORT, i, e1, 0);
            }
        }
        if (d1 == 4 && b[i] != '0') {
            best = Math.max(best, postcode(i));
        }
        if (d1 <= 2) {
            minor(i, d1);
        }
        return best;
    }

    /**
     * ASCII chars after which a number of one or two digits is no IP address (the next would be '.' or ':',
     * or a hex digit), date (a separator or a space), nor phone number (a separator or a bracket).
     */
    private static final boolean[] SHORT_NUMBER_END = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            SHORT_NUMBER_END[c] = !isHex(c) && " .-/:()".indexOf(c) < 0;
        }
    }

    private int ipv4(int i) {
        int p = i;
        for (int part = 0; part < 4; part++) {
            int n = digits(p);
            if (n == 0 || n > 3) {
                return -1;
            }
            int v = intAt(p, n);
            if (v > 255 || (n > 1 && b[p] == '0')) {
                return -1;
            }
            p += n;
            if (part < 3) {
                if (at(p) != '.') {
                    return -1;
                }
                p++;
            }
        }
        // a fifth part (OID, version) or a word character continues it
        if (p < limit && (isWordChar(b[p]) || (b[p] == '.' && isDigit(at(p + 1))))) {
            return -1;
        }
        if (at(i - 1) == '/' && productVersion(i, p)) {
            return p;
        }
        if (notHostAddress(i, p)) {
            return p;
        }
        emit(IP, i, p, 0);
        return p;
    }

    /**
     * A dotted quad [i, p) that names no host: the unspecified address 0.0.0.0 (bind-all), a network in CIDR
     * notation (10.0.0.0/8, 172.16.0.0/12: the bits after the prefix all zero; 192.168.1.10/24 is an interface
     * address and is reported), or a version under a version key (version = "5.1.0.12", tag: "2.4.1.300",
     * app_version: 1.2.3.4, imageTag: 1.2.3.4).
     */
    private boolean notHostAddress(int i, int p) {
        long v = 0;
        for (int q = i, part = 0; part < 4; part++) {
            int n = digits(q);
            v = (v << 8) | intAt(q, n);
            q += n + 1;
        }
        if (v == 0) {
            return true;
        }
        if (at(p) == '/' && isDigit(at(p + 1))) {
            int n = digits(p + 1);
            if (n <= 2) {
                int len = intAt(p + 1, n);
                if (len < 32 && (v & (0xFFFFFFFFL >>> len)) == 0) {
                    return true;
                }
            }
        }
        return versionKey(i);
    }

    /** The key right before the value at i (quotes, ':' or '=', spaces between) ends in "version" or "tag". */
    private boolean versionKey(int i) {
        int k = i - 1;
        if (k >= 0 && (b[k] == '"' || b[k] == '\'')) {
            k--;
        }
        while (k >= 0 && b[k] == ' ') {
            k--;
        }
        if (k < 0 || (b[k] != ':' && b[k] != '=')) {
            return at(i - 1) == '\'' && sqlVersionColumn(i);
        }
        k--;
        if (k >= 0 && (b[k] == '"' || b[k] == '\'')) {
            k--;
        }
        while (k >= 0 && b[k] == ' ') {
            k--;
        }
        return endsWithKeyWord(k, "version") || endsWithKeyWord(k, "tag");
    }

    /**
     * Whether the quoted value at i is in an SQL INSERT tuple under a column named like a version (build, version,
     * release: INSERT INTO t (..., build) VALUES (..., '7.17.9.4731')).
     */
    private boolean sqlVersionColumn(int i) {
        long column = sqlColumn(i);
        return column != NOT_SQL && (column & Ctx.VERSION.bit()) != 0;
    }

    /** b[.., k] ends with word w (case-insensitive) starting at a key's start, a separator or a hump. */
    private boolean endsWithKeyWord(int k, String w) {
        int s = k - w.length() + 1;
        if (s < 0) {
            return false;
        }
        for (int j = 0; j < w.length(); j++) {
            if ((b[s + j] | 0x20) != w.charAt(j)) {
                return false;
            }
        }
        char before = s > 0 ? b[s - 1] : ' ';
        return !isLetter(before) || (isUpper(b[s]) && isLower(before));
    }

    /**
     * A dotted quad [i, p) that is the version of a User-Agent product token (RFC 9110 product = token "/"
     * version): "KlantApp/9.24.53.87 (Android 14)", "okhttp/4.9.3.1 Dalvik/2.1.0". Its product is a word
     * (starting with a letter, no dots: not a host name) and a comment "(" or another product follows. A
     * Java InetAddress ("localhost/127.0.0.1:5432") is followed by a port or nothing of the kind.
     */
    private boolean productVersion(int i, int p) {
        int k = i - 1;
        while (k > 0 && (isAsciiAlnum(b[k - 1]) || b[k - 1] == '-' || b[k - 1] == '_')) {
            k--;
        }
        if (k == i - 1 || !isLetter(b[k]) || (k > 0 && (b[k - 1] == '.' || b[k - 1] == '/' || b[k - 1] == ':'))) {
            return false;
        }
        if (at(p) != ' ') {
            return false;
        }
        if (at(p + 1) == '(') {
            return true;
        }
        int q = p + 1;
        while (q < limit && (isAsciiAlnum(b[q]) || b[q] == '-' || b[q] == '_')) {
            q++;
        }
        return q > p + 1 && isLetter(b[p + 1]) && at(q) == '/' && isDigit(at(q + 1));
    }

    /** IPv6 starting at i (a hex digit or ':'); validated on the small run of hex, ':' and '.' chars. */
    private int ipv6(int i) {
        if (i > 0 && (isWordChar(b[i - 1]) || b[i - 1] == ':')) {
            return -1;
        }
        int p = i;
        while (p < limit && p - i < 46 && (isHex(b[p]) || b[p] == ':' || b[p] == '.')) {
            p++;
        }
        while (p > i && (b[p - 1] == '.' || (b[p - 1] == ':' && at(p - 2) != ':'))) {
            p--;
        }
        if (p < limit && (isWordChar(b[p]) || b[p] == ':')) {
            return -1;
        }
        String s = str(i, p);
        if (!validIpv6(s)) {
            return -1;
        }
        if (s.endsWith("::") && (p - i == 2 || (at(p) == '/' && isDigit(at(p + 1))))) {
            return p; // the unspecified address ::, a network prefix 2001:db8::/32 or fe80::/10: no host
        }
        emit(IP, i, p, 0);
        return p;
    }

    private static final java.util.regex.Pattern IPV4_TAIL =
            java.util.regex.Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    static boolean validIpv6(String s) {
        if (s.contains(":::")) {
            return false;
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        if (s.equals("::1")) {
            return true;
        }
        String[] halves = dc >= 0 ? new String[] {s.substring(0, dc), s.substring(dc + 2)} : new String[] {s};
        int groups = 0;
        int nonEmpty = 0;
        boolean digit = false;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int k = 0; k < parts.length; k++) {
                String g = parts[k];
                boolean last = h == halves.length - 1 && k == parts.length - 1;
                if (g.contains(".")) {
                    if (!last || !IPV4_TAIL.matcher(g).matches()) {
                        return false;
                    }
                    groups += 2;
                    digit = true;
                    nonEmpty++;
                    continue;
                }
                if (g.isEmpty() || g.length() > 4) {
                    return false;
                }
                for (int c = 0; c < g.length(); c++) {
                    if (!isHex(g.charAt(c))) {
                        return false;
                    }
                    digit |= isDigit(g.charAt(c));
                }
                groups++;
                nonEmpty++;
            }
        }
        if (dc < 0) {
            return groups == 8;
        }
        return groups <= 7 && nonEmpty >= 2 && digit;
    }

    private static final String[] MONTHS_NL = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december"};
    private static final String[] MONTHS_EN = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};

    /** Lower- and upper-case first letters of the month names and abbreviations {@link #monthNumber} knows. */
    private static final boolean[] MONTH_INITIAL = new boolean[128];

    static {
        for (char c : "jfmasondJFMASOND".toCharArray()) {
            MONTH_INITIAL[c] = true;
        }
    }

    static int monthNumber(String w) {
        String s = w.toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        for (int m = 0; m < 12; m++) {
            if (s.equals(MONTHS_NL[m]) || s.equals(MONTHS_EN[m])) {
                return m + 1;
            }
            if (s.length() >= 3 && s.length() <= 4 && (MONTHS_NL[m].startsWith(s) || MONTHS_EN[m].startsWith(s))) {
                return m + 1;
            }
        }
        return s.equals("mrt") ? 3 : 0;
    }

    private static boolean validDate(int y, int m, int d) {
        return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31
                && !(d > 30 && (m == 4 || m == 6 || m == 9 || m == 11)) && !(m == 2 && d > 29);
    }

    /** A numeric date at i; emits a date of birth when a birth word precedes it. Returns its end or -1. */
    private int date(int i, int d1) {
        int e1 = i + d1;
        char sep = at(e1);
        int end = -1;
        if ((d1 == 1 || d1 == 2) && (sep == '-' || sep == '/' || sep == '.')) {
            int d2 = digits(e1 + 1);
            int e2 = e1 + 1 + d2;
            if ((d2 == 1 || d2 == 2) && at(e2) == sep && digits(e2 + 1) == 4) {
                int a = intAt(i, d1);
                int m = intAt(e1 + 1, d2);
                int y = intAt(e2 + 1, 4);
                if (validDate(y, m, a) || validDate(y, a, m)) {
                    end = e2 + 5;
                }
            } else if ((d2 == 1 || d2 == 2) && at(e2) == sep && digits(e2 + 1) == 2
                    && (recent(Ctx.BIRTH, i, 60) || tableHead >= 0)) {
                return shortYearBirthDate(i, d1, e1, d2, e2);
            }
        } else if (d1 == 4 && (sep == '-' || sep == '/' || sep == '.')) {
            if (digits(e1 + 1) == 2 && at(e1 + 3) == sep && digits(e1 + 4) == 2) {
                int y = intAt(i, d1);
                int m = intAt(e1 + 1, 2);
                int a = intAt(e1 + 4, 2);
                if (validDate(y, m, a)) {
                    end = e1 + 6;
                }
            }
        } else if ((d1 == 1 || d1 == 2) && sep == ' ' && isLetter(at(e1 + 1))) {
            end = dayMonthYear(i, d1, e1 + 1);
        }
        if (end < 0) {
            return -1;
        }
        boolean iso = at(end) == 'T' && isDigit(at(end + 1));
        if (!iso && !okEnd(end)) {
            return -1;
        }
        if (at(i - 1) == '\'') {
            quotedDate(i, end);
        } else if (!birthDate(i, end) && bornAfter(end)) {
            emit(DOB, i, end, 0);
        }
        dateEnd = end;
        return end;
    }

    /**
     * Emits the date [s, end) as a date of birth when a birth word labels it or it is a cell of a table's birth
     * column or the example of a schema property named by a birth word (keyed then: the header or name may be far
     * above, out of the context scorer's reach). Whether it did.
     */
    private boolean birthDate(int s, int end) {
        int cell = tableHead >= 0 ? birthColumn(s, end) : NOT_ROW;
        boolean column = cell == BIRTH_CELL;
        boolean label = recent(Ctx.BIRTH, s, 60) && birthLabel(s, end) && !(cell == OTHER_CELL && headerCue(s));
        // keyed then too: the property's name may be lines above, out of the context scorer's reach
        column |= !label && cell == NOT_ROW && recent(Ctx.BIRTH, s, 400) && schemaExample(s);
        if (label || column) {
            emit(DOB, s, end, 0);
            out.get(out.size() - 1).keyed = column;
        }
        return label || column;
    }

    /**
     * Whether the date at s is the example: (or default:) of a YAML schema property named by the last birth word
     * (OpenAPI: {@code geboortedatum:\n  type: string\n  format: date\n  example: 1956-12-28}): the property's line
     * is the nearest one above, at most 6 lines up, that is indented less than the example's; the lines between
     * are indented as much (its other keywords); the birth word ends on the property's line, at its ':'.
     */
    private boolean schemaExample(int s) {
        int p = s;
        if (at(p - 1) == '"' || at(p - 1) == '\'') {
            p--;
        }
        while (p > 0 && b[p - 1] == ' ') {
            p--;
        }
        if (at(p - 1) != ':') {
            return false;
        }
        int ke = p - 1;
        int ks = ke;
        while (ks > 0 && isLower(b[ks - 1]) && ke - ks < 8) {
            ks--;
        }
        if (!(ke - ks == 7 && startsWith(ks, "example") || ke - ks == 7 && startsWith(ks, "default"))) {
            return false;
        }
        int indent = 0;
        while (ks - indent > 0 && b[ks - indent - 1] == ' ') {
            indent++;
        }
        int ls = ks - indent;
        if (indent == 0 || ls == 0 || b[ls - 1] != '\n') {
            return false;
        }
        int label = cue[Ctx.BIRTH.ordinal()];
        for (int lines = 0; lines < 6 && ls > 0; lines++) {
            int le = ls - 1; // the '\n' ending the line above
            int ps = le;
            while (ps > 0 && b[ps - 1] != '\n' && le - ps < 200) {
                ps--;
            }
            int n = 0;
            while (ps + n < le && b[ps + n] == ' ') {
                n++;
            }
            if (n > indent || ps + n == le) {
                return false; // a nested block or a blank line between
            }
            if (n < indent) {
                int e = le;
                while (e > ps && (b[e - 1] == ' ' || b[e - 1] == '\r')) {
                    e--;
                }
                return at(e - 1) == ':' && label > ps + n && (label == e - 1 || label == e - 2 && b[label] == '"');
            }
            ls = ps;
        }
        return false;
    }

    /**
     * "Geb.datum: 03-04-79", "geboren 3/4/79": day, month and a two-digit year (dd-mm-yy only, day and month
     * validated) labelled by a birth word; without that label it is no date here (-1: a range, a version).
     */
    private int shortYearBirthDate(int i, int d1, int e1, int d2, int e2) {
        int a = intAt(i, d1);
        int m = intAt(e1 + 1, d2);
        int y = 1900 + intAt(e2 + 1, 2);
        int end = e2 + 3;
        if (!validDate(y, m, a) || !okEnd(end) || (at(end) == b[e1] && isDigit(at(end + 1)))) {
            return -1;
        }
        if (!birthDate(i, end)) {
            return -1;
        }
        dateEnd = end;
        return end;
    }

    /** "born on the 4th of March 1979", "21st June 1980": an ordinal day, "of", a month, a year, after a birth word. */
    private int ordinalDate(int i, int d1) {
        int p = i + d1;
        String suffix = str(p, Math.min(limit, p + 2));
        if (!suffix.equals("st") && !suffix.equals("nd") && !suffix.equals("rd") && !suffix.equals("th")
                || at(p + 2) != ' ') {
            return -1;
        }
        p += 3;
        if (startsWith(p, "of ")) {
            p += 3;
        }
        int we = p;
        while (we < limit && isLetter(b[we]) && we - p < 10) {
            we++;
        }
        int m = we > p ? monthNumber(str(p, we)) : 0;
        if (at(we) == ',') {
            we++;
        }
        if (m <= 0 || at(we) != ' ' || digits(we + 1) != 4) {
            return -1;
        }
        int end = we + 5;
        int a = intAt(i, d1);
        if (!validDate(intAt(we + 1, 4), m, a) || !okEnd(end) || !birthLabel(i, end)) {
            return -1;
        }
        emit(DOB, i, end, 0);
        dateEnd = end;
        return end;
    }

    /**
     * Whether the last birth word is a cell of the current table's header and s lies below it: then, in a row of the
     * table, the column decides, not the word's nearness (a date in the next column of the first row is no birth
     * date).
     */
    private boolean headerCue(int s) {
        int label = cue[Ctx.BIRTH.ordinal()];
        return tableHead >= 0 && label > tableHead && label <= tableEnd && s > tableEnd;
    }

    /**
     * The year, month and day arguments of a date constructor after a birth word ({@code GeboorteDatum = new
     * DateTime(1979, 4, 3)}, {@code birthDate = LocalDate.of(1979, 4, 3)}, {@code dob=date(1979, 4, 3)}): the
     * span from the year to the day is a date of birth. Returns its end, or -1.
     */
    private int dateArguments(int i) {
        int p = i + 4;
        int month = 0;
        int day = 0;
        for (int k = 1; k < 3; k++) {
            if (at(p) != ',') {
                return -1;
            }
            p++;
            if (at(p) == ' ') {
                p++;
            }
            int n = digits(p);
            if (n < 1 || n > 2) {
                return -1;
            }
            day = intAt(p, n);
            if (k == 1) {
                month = day;
            }
            p += n;
        }
        if (at(p) != ')' || !validDate(intAt(i, 4), month, day) || !birthLabel(i, p) || !constructedForCue(i)) {
            return -1;
        }
        emit(DOB, i, p, 0);
        dateEnd = p;
        return p;
    }

    /**
     * Whether the '(' before i opens the call that the last birth word's key is assigned or passed: between them
     * only ' ', '=', ':', quotes and '(', then "new " or not, then a (dotted) name: {@code GeboorteDatum = new
     * DateTime(}, {@code setBirthDate(LocalDate.of(}; not {@code GeboorteDatum = x; Start = new DateTime(}.
     */
    private boolean constructedForCue(int i) {
        int p = cue[Ctx.BIRTH.ordinal()];
        if (p < 0 || p >= i) {
            return false;
        }
        while (p < i && (b[p] == ' ' || b[p] == '\t' || b[p] == '=' || b[p] == ':' || b[p] == '"' || b[p] == '\''
                || b[p] == '(')) {
            p++;
        }
        if (startsWith(p, "new ")) {
            p += 4;
        }
        while (p < i && (isWordChar(b[p]) || b[p] == '.')) {
            p++;
        }
        return p == i - 1;
    }

    /**
     * A date in single quotes: in a tuple of an SQL INSERT with a column list its column decides (a birth-date
     * column, however far left its name; not the created_at next to it), else the birth word before it.
     */
    private void quotedDate(int s, int end) {
        long column = sqlColumn(s);
        if (column == NOT_SQL) {
            if (recent(Ctx.BIRTH, s, 60) && birthLabel(s, end)) {
                emit(DOB, s, end, 0);
            }
        } else if ((column & Ctx.BIRTH.bit()) != 0) {
            emit(DOB, s, end, 0);
            out.get(out.size() - 1).keyed = true;
        }
    }

    /** {@link #sqlColumn} of a position in no INSERT tuple with a column list. */
    private static final long NOT_SQL = -1L;
    /** sqlColumn's memory: chars before sqlSearched searched for VALUES, the last found, the parse state after it. */
    private int sqlSearched = -1;
    private int sqlValues = -1;
    private int sqlParsedValues = -1;
    private int sqlParsed;
    private int sqlDepth;
    private int sqlIndex;

    /** How far before a value the VALUES of its INSERT statement may be. */
    private static final int SQL_REACH = 4096;

    /**
     * The context classes of the name of the SQL column whose value holds p: p inside a tuple of
     * {@code INSERT INTO t (c1, c2, ...) VALUES (...), (...)} whose VALUES is at most SQL_REACH chars before;
     * else NOT_SQL. For the rare values that lack their context word nearby (the column list may be far left on
     * the line): the tuple is parsed from VALUES on (quotes, nested brackets) to count its top-level commas.
     */
    private long sqlColumn(int p) {
        int lo = Math.max(0, p - SQL_REACH);
        // the chars before sqlSearched were searched by an earlier call (whose last VALUES is sqlValues): each
        // char is searched once however many values follow
        int v = p - 6;
        int stop = Math.max(lo, sqlSearched);
        while (v >= stop && !((b[v] | 0x20) == 'v' && regionEqualsLower(v, "values") && (v == 0 || !isWordChar(b[v - 1]))
                && !isWordChar(at(v + 6)))) {
            v--;
        }
        sqlSearched = Math.max(sqlSearched, p - 5);
        if (v < stop) {
            v = sqlValues;
        } else {
            sqlValues = v;
        }
        if (v < lo) {
            return NOT_SQL;
        }
        int close = v - 1;
        while (close >= lo && (b[close] == ' ' || b[close] == '\t' || b[close] == '\n' || b[close] == '\r')) {
            close--;
        }
        if (close < lo) {
            return NOT_SQL;
        }
        int open;
        if (b[close] == ')') {
            open = close - 1;
            while (open >= lo && b[open] != '(' && b[open] != ')' && b[open] != '\'' && b[open] != ';') {
                open--;
            }
            if (open < lo || b[open] != '(') {
                return NOT_SQL;
            }
        } else {
            // INSERT INTO t VALUES (...): the columns of t's CREATE TABLE, when the window holds it
            open = createTable(close);
            if (open < 0) {
                return NOT_SQL;
            }
            close = -1;
        }
        // the tuples are parsed on from where the last call for this VALUES stopped (outside a string)
        int k = v + 6;
        int depth = 0;
        int index = 0;
        if (v == sqlParsedValues && p >= sqlParsed) {
            k = sqlParsed;
            depth = sqlDepth;
            index = sqlIndex;
        }
        int safe = k;
        for (; k < p && depth >= 0; k++) {
            char c = b[k];
            if (c == '\'' || c == '"') {
                k++;
                while (k < p && !(b[k] == c && at(k + 1) != c)) {
                    k += b[k] == '\\' || b[k] == c ? 2 : 1;
                }
                if (k >= p) {
                    break; // p is inside this string: resume from its quote next time
                }
            } else if (c == '(') {
                if (++depth == 1) {
                    index = 0;
                }
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 1) {
                index++;
            } else if (c == ';' && depth == 0) {
                depth = -1; // the statement ended: nothing after it belongs to this VALUES
            }
            safe = k + 1;
        }
        if (k >= p || depth < 0) {
            sqlParsedValues = v;
            sqlParsed = depth < 0 ? Integer.MAX_VALUE : safe;
            sqlDepth = depth;
            sqlIndex = index;
        }
        if (depth < 1) {
            return NOT_SQL;
        }
        if (close < 0) {
            return createColumn(open, index);
        }
        int ns = open + 1;
        for (int q = open + 1; q <= close; q++) {
            if (q == close || b[q] == ',') {
                if (index-- == 0) {
                    return columnClasses(ns, q);
                }
                ns = q + 1;
            }
        }
        return NOT_SQL;
    }

    /** createTable's memory: the chars before createSearched were searched for CREATE TABLE, the last found. */
    private int createSearched = -1;
    private int createAt = -1;

    /**
     * The '(' of the column definitions of {@code CREATE TABLE t (...)} for the table name that ends at ne (the
     * last char before an INSERT's VALUES: {@code INSERT INTO t VALUES}), or -1. Only the last CREATE TABLE before
     * the INSERT counts (a dump creates each table before its rows) and only for the same name (schema and
     * quotes aside); each char of the window is searched once, however many rows follow.
     */
    private int createTable(int ne) {
        while (ne >= 0 && (b[ne] == '"' || b[ne] == '`' || b[ne] == ']')) {
            ne--;
        }
        int ns = ne;
        while (ns >= 0 && isWordChar(b[ns])) {
            ns--;
        }
        ns++;
        ne++;
        if (ns >= ne) {
            return -1;
        }
        int k = ns - 1;
        for (int stop = Math.max(0, createSearched); k >= stop; k--) {
            if ((b[k] | 0x20) == 'c' && k + 12 < limit && regionEqualsLower(k, "create") && (k == 0 || !isWordChar(b[k - 1]))
                    && (b[k + 6] == ' ' || b[k + 6] == '\n' || b[k + 6] == '\t') && regionEqualsLower(k + 7, "table")
                    && !isWordChar(b[k + 12])) {
                createAt = k;
                break;
            }
        }
        createSearched = Math.max(createSearched, ns);
        if (createAt < 0) {
            return -1;
        }
        int p = createAt + 12;
        while (p < ns && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r')) {
            p++;
        }
        if (p + 14 < ns && regionEqualsLower(p, "if not exists ")) {
            p += 14;
        }
        // the name, schema-qualified and quoted or not: its last part must be the INSERT's table
        int nameEnd = p;
        while (nameEnd < ns && (isWordChar(b[nameEnd]) || b[nameEnd] == '.' || b[nameEnd] == '"' || b[nameEnd] == '`'
                || b[nameEnd] == '[' || b[nameEnd] == ']')) {
            nameEnd++;
        }
        int q = nameEnd;
        while (q < ns && (b[q] == ' ' || b[q] == '\t' || b[q] == '\n' || b[q] == '\r')) {
            q++;
        }
        if (q >= ns || b[q] != '(') {
            return -1;
        }
        int le = nameEnd;
        while (le > p && !isWordChar(b[le - 1])) {
            le--;
        }
        int ls = le;
        while (ls > p && isWordChar(b[ls - 1])) {
            ls--;
        }
        if (le - ls != ne - ns) {
            return -1;
        }
        for (int j = 0; j < le - ls; j++) {
            if (Lexicon.lower(b[ls + j]) != Lexicon.lower(b[ns + j])) {
                return -1;
            }
        }
        return q;
    }

    /**
     * Lexicon classes of the name of the index-th column definition of the CREATE TABLE whose '(' is at open
     * ({@code geboortedatum date}, {@code bsn varchar(11)}: top-level commas separate them), or NOT_SQL.
     */
    private long createColumn(int open, int index) {
        int depth = 0;
        int ds = open + 1;
        for (int k = open + 1; k < limit; k++) {
            char c = b[k];
            if (c == '(') {
                depth++;
            } else if (c == '\'') {
                k++;
                while (k < limit && !(b[k] == '\'' && at(k + 1) != '\'')) {
                    k += b[k] == '\'' ? 2 : 1; // a DEFAULT 'it''s'
                }
            } else if (c == ';') {
                return NOT_SQL;
            } else if ((c == ',' && depth == 0) || (c == ')' && depth-- == 0)) {
                if (index-- == 0) {
                    while (ds < k && !isLetter(b[ds])) {
                        ds++;
                    }
                    int de = ds;
                    while (de < k && isWordChar(b[de])) {
                        de++;
                    }
                    return de > ds ? columnClasses(ds, de) : NOT_SQL;
                }
                if (c == ')') {
                    return NOT_SQL;
                }
                ds = k + 1;
            }
        }
        return NOT_SQL;
    }

    /** Lexicon classes of a column name [s, e) (quotes and brackets trimmed): whole and its '_' / camelCase parts. */
    private long columnClasses(int s, int e) {
        while (s < e && !isLetter(b[s])) {
            s++;
        }
        while (e > s && !isWordChar(b[e - 1])) {
            e--;
        }
        long cls = LEX.lookup(b, s, e);
        int ps = s;
        for (int k = s + 1; k <= e; k++) {
            if (k == e || b[k] == '_' || (isUpper(b[k]) && isLower(b[k - 1]))) {
                cls |= LEX.lookup(b, ps, k);
                ps = k < e && b[k] == '_' ? k + 1 : k;
            }
        }
        return cls;
    }

    /** No table header names a birth column (see {@link #birthHeader}). */
    private static final int NO_TABLE = -1;
    /** Separator kind of a table whose cells are separated by runs of two or more spaces (or tabs). */
    private static final char SPACES = ' ';
    /** The longest table line (header or row) looked at. */
    private static final int TABLE_LINE = 2000;
    /**
     * The last table header line with a birth column: its start (or NO_TABLE), its end, its separator ('|', '\t',
     * ';', ',' or SPACES), the separators on it and after the birth cell, and the start of the first line after it
     * not yet checked to be a row of the table.
     */
    private int tableHead = NO_TABLE;
    private int tableEnd;
    private char tableKind;
    private int tableSeps;
    private int tableRight;
    private int tableNext;

    /**
     * A birth word [s, e) that may name a column of a table: its cell (the words around it, single spaces, '_',
     * '.' and '-' within) is bounded by a separator ('|', tab, ';', ',' or two or more spaces) on one side at
     * least and by separators or the line's ends on the other, and the header line has no digit (no log line, no
     * record: a header names columns). Markdown, pandas output, delimited text:
     * {@code | Naam | Geboren | Status |}, {@code    klant_id   email   geboortedatum   iban}.
     */
    private void birthHeader(int s, int e) {
        tableHeader(s, e, true);
    }

    /**
     * The word [s, e) in a table header, as {@link #birthHeader} reads it; a birth word's table becomes the current
     * one, a password word's column is read at once ({@link #passwordColumn}).
     */
    private void tableHeader(int s, int e, boolean birth) {
        int cs = s;
        while (cs > 0 && s - cs < 40 && (isWordChar(b[cs - 1]) || b[cs - 1] == '.' || b[cs - 1] == '-'
                || (b[cs - 1] == ' ' && cs > 1 && isWordChar(b[cs - 2])))) {
            cs--;
        }
        int ce = e;
        while (ce < limit && ce - e < 40 && (isWordChar(b[ce]) || b[ce] == '.' || b[ce] == '-'
                || (b[ce] == ' ' && isWordChar(at(ce + 1))))) {
            ce++;
        }
        char left = cellEdge(cs, -1);
        char right = cellEdge(ce, 1);
        char kind;
        if (left == '|' || right == '|') {
            kind = '|';
        } else if (left == '\t' || right == '\t') {
            kind = '\t';
        } else if (left == ';' || right == ';') {
            kind = ';';
        } else if (left == ',' || right == ',') {
            kind = ',';
        } else if (left == SPACES || right == SPACES) {
            kind = SPACES;
        } else {
            return;
        }
        if (left != kind && left != '\n' || right != kind && right != '\n') {
            return;
        }
        int ls = cs;
        while (ls > 0 && b[ls - 1] != '\n' && cs - ls < TABLE_LINE) {
            ls--;
        }
        int le = ce;
        while (le < limit && b[le] != '\n' && le - ce < TABLE_LINE) {
            le++;
        }
        if ((ls > 0 && b[ls - 1] != '\n') || (le < limit && b[le] != '\n')) {
            return;
        }
        for (int k = ls; k < le; k++) {
            if (isDigit(b[k])) {
                return;
            }
        }
        int seps = separators(ls, le, kind);
        if (seps < (kind == '|' || kind == ',' || kind == ';' ? 2 : 1)) {
            return;
        }
        if (!birth) {
            if (kind != SPACES) {
                passwordColumn(le, kind, seps, separators(ce - 1, le, kind));
            }
            return;
        }
        tableHead = ls;
        tableEnd = le;
        tableKind = kind;
        tableSeps = seps;
        tableRight = separators(ce - 1, le, kind); // from the cell's last char: a space run after it counts
        tableNext = le + 1;
    }

    /**
     * The cells of a password column (the header line ends at le; the column has right separators after it) in
     * the rows that follow, while each has the header's separators: a cell that holds one token (backticks or
     * quotes aside) passing the password test is a secret. Markdown runbooks: {@code | CRM | svc_crm | `x9Lq...` |}.
     */
    private void passwordColumn(int le, char kind, int seps, int right) {
        int ls = le + 1;
        for (int row = 0; row < 200 && ls < limit; row++) {
            int e = ls;
            while (e < limit && b[e] != '\n' && e - ls <= TABLE_LINE) {
                e++;
            }
            if (e - ls > TABLE_LINE || separators(ls, e, kind) != seps) {
                return;
            }
            // the cell's end is the right-th separator from the line's end, its start the one before
            int ce = e;
            for (int n = 0; n < right; ) {
                if (b[--ce] == kind) {
                    n++;
                }
            }
            int cs = ce;
            while (cs > ls && b[cs - 1] != kind) {
                cs--;
            }
            while (cs < ce && (b[cs] == ' ' || b[cs] == '`' || b[cs] == '"' || b[cs] == '\'')) {
                cs++;
            }
            while (ce > cs && (b[ce - 1] == ' ' || b[ce - 1] == '\r' || b[ce - 1] == '`' || b[ce - 1] == '"'
                    || b[ce - 1] == '\'')) {
                ce--;
            }
            if (ce - cs >= 8 && ce - cs <= 64 && tokenEnd(cs) >= ce && b[cs - 1] == b[ce] // quoted alike or not
                    && !lettersOnly(cs, ce)) {
                reportSecret(str(cs, ce), true, cs, ce);
            }
            ls = e + 1;
        }
    }

    /**
     * Whether b[s, e) is a plain word: letters only, none upper-case after the first (Onbekend, Welkomstmail,
     * verstrekt: no password in a table cell or a sentence; lZYOsVaqyRmh is one).
     */
    private boolean lettersOnly(int s, int e) {
        for (int k = s; k < e; k++) {
            if (!isLetter(b[k]) || (k > s && Character.isUpperCase(b[k]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What bounds a table cell at p on one side (dir -1: before p, 1: from p on): its separator ('|', '\t', ';',
     * ',', SPACES for a run of two or more spaces), '\n' for the line's end (spaces, a JSON string's quote and an
     * escaped line end "\n" aside), else 0.
     */
    private char cellEdge(int p, int dir) {
        int q = dir < 0 ? p - 1 : p;
        int spaces = 0;
        while (q >= 0 && q < limit && b[q] == ' ') {
            q += dir;
            spaces++;
        }
        if (q < 0 || q >= limit || b[q] == '\n' || b[q] == '\r') {
            return '\n';
        }
        char c = b[q];
        if (c == '|' || c == '\t' || c == ';' || c == ',') {
            return c;
        }
        if (spaces >= 2) {
            return SPACES;
        }
        if (c == '"' || (dir > 0 && c == '\\' && at(q + 1) == 'n')) {
            // "geboortedatum\n", in a notebook's output or any JSON string: the line's end if only quotes,
            // brackets, commas and spaces follow (or, before the cell, precede) on the line
            for (int k = q + dir; k >= 0 && k < limit && b[k] != '\n'; k += dir) {
                char x = b[k];
                if (x != '"' && x != ',' && x != ' ' && x != '[' && x != ']' && x != '\r'
                        && !(dir > 0 && (x == '\\' || x == 'n') && (x == '\\' ? at(k + 1) == 'n' : b[k - 1] == '\\'))) {
                    return 0;
                }
            }
            return '\n';
        }
        return 0;
    }

    /** The separators of this kind on the line part [s, e): for SPACES, runs of 2+ spaces or a tab between content. */
    private int separators(int s, int e, char kind) {
        int n = 0;
        if (kind != SPACES) {
            for (int k = s; k < e; k++) {
                n += b[k] == kind ? 1 : 0;
            }
            return n;
        }
        boolean content = false;
        int run = 0;
        boolean tab = false;
        for (int k = s; k < e; k++) {
            char c = b[k];
            if (c == ' ' || c == '\t' || c == '\r') {
                run++;
                tab |= c == '\t';
            } else {
                if (content && (run >= 2 || tab)) {
                    n++;
                }
                content = true;
                run = 0;
                tab = false;
            }
        }
        return n;
    }

    /** What {@link #birthColumn} found: the date's line is no row of the table, a row with the date in another column, the birth column. */
    private static final int NOT_ROW = 0, OTHER_CELL = 1, BIRTH_CELL = 2;

    /**
     * Whether the date [s, end) is a cell of the birth column of the table whose header {@link #birthHeader} saw
     * (BIRTH_CELL): every line between is a row (as many separators as the header, or one more for SPACES: pandas
     * prints the index without a header), the date's line is one, the date fills its cell and as many separators
     * follow it as follow the birth word in the header. OTHER_CELL: the date's line is a row, the date elsewhere in
     * it; NOT_ROW: it is none. A line between that is no row ends the table.
     */
    private int birthColumn(int s, int end) {
        int ls = s;
        while (ls > 0 && b[ls - 1] != '\n' && s - ls < TABLE_LINE) {
            ls--;
        }
        if (ls <= tableEnd || (ls > 0 && b[ls - 1] != '\n')) {
            return NOT_ROW;
        }
        while (tableNext < ls) {
            int le = tableNext;
            while (le < ls - 1 && b[le] != '\n') {
                le++;
            }
            if (!tableRow(tableNext, le)) {
                tableHead = NO_TABLE;
                return NOT_ROW;
            }
            tableNext = le + 1;
        }
        int le = end;
        while (le < limit && b[le] != '\n' && le - end < TABLE_LINE) {
            le++;
        }
        if (!tableRow(ls, le)) {
            return NOT_ROW;
        }
        char kind = tableKind;
        char left = cellEdge(s, -1);
        char right = cellEdge(end, 1);
        return (left == kind || left == '\n') && (right == kind || right == '\n')
                && separators(end - 1, le, kind) == tableRight ? BIRTH_CELL : OTHER_CELL;
    }

    /** Whether the line [ls, le) is a row of the current table: its separators as many as the header's (SPACES: or one more). */
    private boolean tableRow(int ls, int le) {
        if (le - ls > TABLE_LINE) {
            return false;
        }
        int n = separators(ls, le, tableKind);
        return n == tableSeps || (tableKind == SPACES && n == tableSeps + 1);
    }

    /**
     * Whether the last birth word labels the date [s, end): not when a time of day follows the date (a
     * timestamp, "2025-10-18 12:06:37"; midnight is a date stored as a date-time, "1990-01-31T00:00:00"), and
     * from the line before not for a date that starts its line unless the label ends that line
     * ("Geboortedatum:\n12-03-1985"): a birth word in a sentence says nothing about the date that opens the next
     * record, while an answer on the next line ("date of birth?\n[10:07] Jan: sure, it's 3 May 1980") counts.
     */
    private boolean birthLabel(int s, int end) {
        int t = at(end) == ' ' || at(end) == 'T' ? end + 1 : end;
        if (isDigit(at(t)) && isDigit(at(t + 1)) && at(t + 2) == ':' && isDigit(at(t + 3)) && isDigit(at(t + 4))
                && !(b[t] == '0' && b[t + 1] == '0' && b[t + 3] == '0' && b[t + 4] == '0')) {
            return false;
        }
        boolean lineBreak = false;
        boolean labelEndsLine = true;
        boolean startsLine = true;
        int label = cue[Ctx.BIRTH.ordinal()];
        for (int k = Math.max(0, label); k < s; k++) {
            char c = b[k];
            if (c == '\n') {
                lineBreak = true;
                startsLine = true;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != ':' && c != '=' && c != '"' && c != '\'') {
                labelEndsLine &= lineBreak;
                startsLine = false;
            }
        }
        if (dateEnd > label && dateEnd <= s && (lineBreak || wordBetween(dateEnd, s))) {
            // "Geb.datum: 14-05-1984\n\nU heeft op 12-05-2024 ...", "(born 13 May 1986), meeting moved to
            // 17 June 2020": the label had its date, and the words after it are about another
            return false;
        }
        return !lineBreak || labelEndsLine || !startsLine;
    }

    /** Whether b[s, e) holds the letter 'O'. */
    private boolean hasLetterO(int s, int e) {
        for (int k = s; k < e; k++) {
            if (b[k] == 'O') {
                return true;
            }
        }
        return false;
    }

    /** Whether b[s, e) holds a word of three or more letters. */
    private boolean wordBetween(int s, int e) {
        int run = 0;
        for (int k = s; k < e; k++) {
            run = isLetter(b[k]) ? run + 1 : 0;
            if (run >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dutch word order, the birth word after the date: "dat ze op 12-03-1980 geboren is", "is 4 maart 1979
     * geboren". Only "geboren" as the very next word (spaces or tabs between, no punctuation, same line).
     */
    private boolean bornAfter(int end) {
        int p = end;
        while (p < limit && (b[p] == ' ' || b[p] == '\t') && p - end < 3) {
            p++;
        }
        return p > end && p + 7 <= limit && (b[p] | 0x20) == 'g' && regionEqualsLower(p, "geboren")
                && !isLetter(at(p + 7));
    }

    /**
     * The end of "12 maart 1985" / "5 Oct. 1984" (d1 digits at i, a word at ws), or -1. Out of date()'s line:
     * the month lookup builds a String, and C2 inlined it into date() (~35 KB compilations, recompiled as often).
     */
    private int dayMonthYear(int i, int d1, int ws) {
        int we = ws;
        while (we < limit && isLetter(b[we]) && we - ws < 10) {
            we++;
        }
        if (at(we) == '.') {
            we++;
        }
        // "5 items", "12 maanden": a word no month name or abbreviation starts like needs no String
        int m = b[ws] < 128 && !MONTH_INITIAL[b[ws]] ? 0 : monthNumber(str(ws, we));
        if (m > 0 && at(we) == ' ' && digits(we + 1) == 4) {
            int a = intAt(i, d1);
            int y = intAt(we + 1, 4);
            if (validDate(y, m, a)) {
                return we + 5;
            }
        }
        return -1;
    }

    /** "March 12, 1985" / "maart 12 1985" after a month word [s, e). */
    private void monthFirstDate(int s, int e) {
        int p = e;
        if (at(p) == '.') {
            p++;
        }
        if (at(p) != ' ') {
            return;
        }
        int d = digits(p + 1);
        if (d < 1 || d > 2) {
            return;
        }
        int q = p + 1 + d;
        if (at(q) == ',') {
            q++;
        }
        if (at(q) != ' ' || digits(q + 1) != 4 || !okEnd(q + 5)) {
            return;
        }
        int m = monthNumber(str(s, e));
        int day = intAt(p + 1, d);
        int y = intAt(q + 1, 4);
        if (m > 0 && validDate(y, m, day)) {
            if (!birthDate(s, q + 5) && bornAfter(q + 5)) {
                emit(DOB, s, q + 5, 0);
            }
            dateEnd = q + 5;
        }
    }

    /** BSN / RSIN shapes: 123456782, 123.456.782, 123 456 782, 123-456-782, 1234.56.782. */
    private int nineDigits(int i, int d1) {
        int end = -1;
        StringBuilder digits = null;
        if (d1 == 9) {
            if (okEnd(i + 9)) {
                end = i + 9;
                digits = bsnDigits;
                digits.setLength(0);
                digits.append(b, i, 9);
            }
        } else if (d1 == 3 || d1 == 4) {
            char sep = at(i + d1);
            if (sep == '.' || sep == ' ' || sep == '-') {
                int g2 = d1 == 3 ? 3 : 2;
                int p = i + d1 + 1;
                if (digits(p) == g2 && at(p + g2) == sep && digits(p + g2 + 1) == 3) {
                    int e = p + g2 + 4;
                    boolean continues = at(e) == sep && isDigit(at(e + 1));
                    if (okEnd(e) && !continues) {
                        end = e;
                        digits = bsnDigits;
                        digits.setLength(0);
                        digits.append(b, i, d1).append(b, p, g2).append(b, p + g2 + 1, 3);
                    }
                }
            }
        }
        if (end < 0 || !Checksums.elevenProof(digits)) {
            return -1;
        }
        emit(BSN, i, end, 0);
        if (recent(Ctx.RSIN, i, 40)) {
            emit(RSIN, i, end, 0);
        }
        if (recent(Ctx.PASSPORT, i, 30) && d1 == 9) {
            emit(PASSPORT, i, end, 0);
        }
        return end;
    }

    /**
     * A card number at i: its shape ({@link #cardShape}), then the issuer and Luhn checks. Two methods so that
     * the first card number of a text that passes them, a way C2 had compiled as never taken, deoptimises this
     * small one, not cardShape's large compilation (too large for C2 to inline here).
     */
    private int card(int i, int d1) {
        int end = cardShape(i, d1);
        if (end < 0 || !issuer(cardDigits) || !Checksums.luhn(cardDigits)) {
            return -1;
        }
        emit(CARD, i, end, 0);
        return end;
    }

    /** The end of a number shaped like a card number at i, its digits in {@link #cardDigits}; else -1. */
    private int cardShape(int i, int d1) {
        if (d1 != 4 && (d1 < 13 || d1 > 19)) {
            return -1;
        }
        int end = -1;
        if (d1 == 4 && (at(i + 4) != ' ' && at(i + 4) != '-' || !isDigit(at(i + 5)))) {
            return -1; // a year or other 4-digit number, not a group of a card number: no allocation
        }
        if (d1 >= 13 && !issuer(d1, intAt(i, 4))) {
            return -1; // an epoch in milliseconds or other long number no card issuer uses: no allocation
        }
        StringBuilder digits = cardDigits;
        digits.setLength(0);
        if (d1 >= 13 && d1 <= 19) {
            if (okEnd(i + d1)) {
                digits.append(b, i, d1);
                end = i + d1;
            }
        } else if (d1 == 4) {
            char sep = at(i + 4);
            if (sep == ' ' || sep == '-') {
                end = groupedCard(i, sep, digits);
            }
        }
        return end;
    }

    /**
     * The end of a card number written in groups ("4111 1111 1111 1111", "3782-822463-10005") at i, its digits
     * appended to {@code digits}; else -1. Out of cardShape()'s line, so that a group shape first seen late (a
     * recompile) costs a compilation of this method only.
     */
    private int groupedCard(int i, char sep, StringBuilder digits) {
        int[] groups = cardGroups;
        int n = 0;
        int p = i;
        while (n < 6) {
            int g = digits(p);
            if (g == 0) {
                break;
            }
            groups[n++] = g;
            digits.append(b, p, g);
            p += g;
            if (at(p) == sep && isDigit(at(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        boolean shape = false;
        if (n == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4)) {
            shape = true;
        } else if (n >= 4) {
            shape = true;
            for (int k = 0; k < n - 1; k++) {
                shape &= groups[k] == 4;
            }
            shape &= groups[n - 1] >= 1 && groups[n - 1] <= 4;
        }
        return shape && okEnd(p) && !(at(p) == sep && isDigit(at(p + 1))) ? p : -1;
    }

    /** The group lengths of the last grouped number {@link #groupedCard} read (lengths only, never digits). */
    private final int[] cardGroups = new int[6];

    static boolean issuer(CharSequence d) {
        int n = d.length();
        if (n < 12) {
            return false;
        }
        int p4 = 0;
        for (int k = 0; k < 4; k++) {
            p4 = p4 * 10 + (d.charAt(k) - '0');
        }
        return issuer(n, p4);
    }

    /** Whether a card issuer uses numbers of n digits (12 to 19) starting with the four digits p4. */
    private static boolean issuer(int n, int p4) {
        if (n < 12 || n > 19) {
            return false;
        }
        int p3 = p4 / 10;
        int p2 = p4 / 100;
        if (p4 / 1000 == 4) {
            return n == 13 || n == 16 || n == 19;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) {
            return n >= 16;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16;
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14;
        }
        return p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759
                || (p4 >= 6761 && p4 <= 6763);
    }

    /** The fewest digits of a number {@link #phone} accepts (a service number 0800 1234). */
    private static final int PHONE_MIN_DIGITS = 8;
    /**
     * Chars after which phone() may read on past a group of digits; after a shorter first group ended by any
     * other char (the 0 of "sum = 0;", "x: 0,"), it finds too few digits: numeric() does not call it.
     */
    private static final boolean[] PHONE_GROUP_END = new boolean[128];

    static {
        for (char c : " -./()".toCharArray()) {
            PHONE_GROUP_END[c] = true;
        }
    }

    /**
     * Whether 15 or 16 digits start at i in groups of four ("0100 1181 9325 5693", a payment reference or an
     * account number written like a card): no phone number is written so, and none of its groups is one.
     */
    private boolean groupedByFour(int i) {
        int p = i;
        for (int g = 0; g < 3; g++) {
            if (digits(p) != 4 || at(p + 4) != ' ') {
                return false;
            }
            p += 5;
        }
        int last = digits(p);
        int e = p + last;
        return (last == 3 || last == 4) && !(at(e) == ' ' && isDigit(at(e + 1)));
    }

    /** Scratch arrays of {@link #phone}, reused: it runs for every number starting with 0, + or (. */
    private final char[] phoneDigits = new char[16];
    private final int[] phoneGroupEnds = new int[8];
    private final int[] phoneGroupDigits = new int[8];

    /** Phone numbers from i (a '0', '+' or '('): NL national numbers and +CC / 00CC numbers. */
    private int phone(int i) {
        char[] digits = phoneDigits;
        java.util.Arrays.fill(digits, '\0');
        int nd = 0;
        int[] groupEnds = phoneGroupEnds;
        int[] groupDigits = phoneGroupDigits;
        int ng = 0;
        int p = i;
        boolean plus = b[p] == '+';
        if (plus) {
            p++;
        }
        while (p < limit && p - i < 26) {
            char c = b[p];
            if (isDigit(c)) {
                if (nd == 16) {
                    return -1;
                }
                digits[nd++] = c;
                p++;
                if (!isDigit(at(p)) && ng < 8) {
                    groupEnds[ng] = p;
                    groupDigits[ng++] = nd;
                }
            } else if (c == '(' && at(p + 1) == '0' && at(p + 2) == ')' && nd > 0) {
                p += 3; // +31 (0)6: the trunk zero in brackets is not dialled
                if (at(p) == ' ') {
                    p++;
                }
            } else if (c == '(' && (p == i || b[p - 1] == ' ') && isDigit(at(p + 1))) {
                p++;
            } else if (c == ')' && nd > 0 && (at(p + 1) == ' ' || isDigit(at(p + 1)))) {
                p++;
                if (at(p) == ' ') {
                    p++;
                }
            } else if ((c == ' ' || c == '-' || c == '.' || c == '/') && nd > 0 && isDigit(b[p - 1])
                    && (isDigit(at(p + 1)) || (c == ' ' && at(p + 1) == '('))) {
                p++;
            } else if (c == ' ' && ng == 1 && nd >= 2 && nd <= 4 && p == groupEnds[0] && at(p + 1) == '-'
                    && at(p + 2) == ' ' && isDigit(at(p + 3))) {
                p += 3; // 06 - 123 456 78, 020 - 123 45 67: a spaced dash after the area code or 06
            } else {
                break;
            }
        }
        int e = ng == 0 ? -1 : phoneMatch(i, plus, ng);
        // +31 6 0744591858 (one digit too many): an international number none of whose prefixes is valid is one
        // run; its tail (0744591858) is no number of its own
        return e < 0 && plus && ng >= 2 ? -p : e;
    }

    /**
     * The longest prefix of the digit groups {@link #phone} read from i that is a valid number: emits it and
     * returns its end, or -1. Out of phone()'s line: it builds strings and calls into libphonenumber, which C2
     * inlined into phone() (40-90 KB compilations, recompiled whenever phone()'s scanning loop took a new way).
     */
    private int phoneMatch(int i, boolean plus, int ng) {
        char[] digits = phoneDigits;
        int[] groupEnds = phoneGroupEnds;
        int[] groupDigits = phoneGroupDigits;
        for (int g = ng - 1; g >= 0; g--) {
            int end = groupEnds[g];
            int n = groupDigits[g];
            if (!okEnd(end)) {
                continue;
            }
            String number;
            if (plus) {
                if (n < 8 || n > 15) {
                    continue;
                }
                number = "+" + new String(digits, 0, n);
            } else if (digits[0] == '0' && digits[1] == '0') {
                if (n < 10 || n > 17) {
                    continue;
                }
                number = "+" + new String(digits, 2, n - 2);
            } else if (digits[0] == '0') {
                boolean service = n >= 8 && n <= 11 && digits[1] == '8' && digits[2] == '0' && digits[3] == '0'
                        || n >= 8 && n <= 11 && digits[1] == '9' && digits[2] == '0';
                if (n != 10 && !service) {
                    continue;
                }
                number = new String(digits, 0, n);
            } else {
                continue;
            }
            if (validPhone(number)) {
                emit(PHONE, i, end, 0);
                return end;
            }
        }
        return -1;
    }

    static boolean validPhone(String number) {
        int n = number.length();
        if (n >= 8 && n <= 11 && number.charAt(0) == '0' && number.charAt(1) >= '1' && number.charAt(1) <= '9') {
            // a Dutch national number: what PhoneNumberUtil.parse(number, "NL") yields (country code 31, the
            // trunk 0 stripped) built directly; parse's normalising regexes cost ~80% of the check.
            // Same answer as the parse path on 300,000 random 8-11 digit 06/0800/0900/088/0xx numbers.
            long national = 0;
            for (int k = 1; k < n; k++) {
                char c = number.charAt(k);
                if (c < '0' || c > '9') {
                    return validPhoneParsed(number);
                }
                national = national * 10 + (c - '0');
            }
            int known = PhoneValidity.check(31, number, 1, n);
            if (known != PhoneValidity.UNKNOWN) {
                return known == PhoneValidity.VALID;
            }
            return PHONES.isValidNumber(new Phonenumber.PhoneNumber().setCountryCode(31).setNationalNumber(national));
        }
        if (n >= 9 && n <= 16 && number.charAt(0) == '+' && number.charAt(1) >= '1' && number.charAt(1) <= '9') {
            return validInternational(number);
        }
        return validPhoneParsed(number);
    }

    /** Calling codes PhoneNumberUtil knows (its countryCallingCodeToRegionCodeMap), indexed by code. */
    private static final boolean[] CALLING_CODES = new boolean[1000];

    static {
        for (int cc : PHONES.getSupportedCallingCodes()) {
            CALLING_CODES[cc] = true;
        }
    }

    /** Per calling code: the national-prefix-for-parsing pattern of its main region, resolved on first use. */
    private static final NationalPrefix[] NATIONAL_PREFIX = new NationalPrefix[1000];

    /** Immutable (final fields), so a benign race between two scan threads resolving the same code is safe. */
    private static final class NationalPrefix {
        final boolean known;
        final java.util.regex.Pattern pattern;
        /** The pattern when it is only digits (most are: "0", "8", "1"): its prefix match is startsWith. */
        final String literal;

        NationalPrefix(boolean known, java.util.regex.Pattern pattern) {
            this.known = known;
            this.pattern = pattern;
            String p = pattern == null ? null : pattern.pattern();
            this.literal = p != null && !p.isEmpty() && p.chars().allMatch(c -> c >= '0' && c <= '9') ? p : null;
        }

        /** Whether the pattern matches a prefix of number[from, to) (Matcher.region(from, to).lookingAt()). */
        boolean startsAt(String number, int from, int to) {
            if (pattern == null) {
                return false;
            }
            if (literal != null) {
                return to - from >= literal.length() && number.startsWith(literal, from);
            }
            return pattern.matcher(number).region(from, to).lookingAt();
        }
    }

    private static NationalPrefix nationalPrefix(int cc) {
        NationalPrefix np = NATIONAL_PREFIX[cc];
        if (np == null) {
            String region = PHONES.getRegionCodeForCountryCode(cc);
            com.google.i18n.phonenumbers.metadata.source.MetadataSource source =
                    com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider.getInstance()
                            .getPhoneNumberMetadataSource();
            com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata md = "001".equals(region)
                    ? source.getMetadataForNonGeographicalRegion(cc)
                    : source.getMetadataForRegion(region);
            if (md == null) {
                np = new NationalPrefix(false, null);
            } else {
                String prefix = md.getNationalPrefixForParsing();
                np = new NationalPrefix(true, prefix == null || prefix.isEmpty()
                        ? null : java.util.regex.Pattern.compile(prefix));
            }
            NATIONAL_PREFIX[cc] = np;
        }
        return np;
    }

    /**
     * "+" and 8-15 digits, the first not 0: what PhoneNumberUtil.parse(number, "NL") yields, built directly.
     * parse takes the shortest known calling code of 1-3 digits (none: INVALID_COUNTRY_CODE, and its retry
     * without the plus finds none either, since a leading 31 would have been found), then strips the main
     * region's national prefix when its pattern matches the start of the national number: only that case,
     * and a national number with a leading zero (the Italian leading zero), still go through parse.
     * Same answer as parse on random and example-based numbers of every calling code (ValidatorsTest).
     */
    static boolean validInternational(String number) {
        int n = number.length();
        int cc = 0;
        int ccEnd = 0;
        for (int k = 1; k <= 3; k++) {
            char c = number.charAt(k);
            if (c < '0' || c > '9') {
                return validPhoneParsed(number);
            }
            cc = cc * 10 + (c - '0');
            if (CALLING_CODES[cc]) {
                ccEnd = k + 1;
                break;
            }
        }
        if (ccEnd == 0) {
            return false;
        }
        if (number.charAt(ccEnd) == '0') {
            return validPhoneParsed(number);
        }
        long national = 0;
        for (int k = ccEnd; k < n; k++) {
            char c = number.charAt(k);
            if (c < '0' || c > '9') {
                return validPhoneParsed(number);
            }
            national = national * 10 + (c - '0');
        }
        NationalPrefix np = nationalPrefix(cc);
        if (!np.known || np.startsAt(number, ccEnd, n)) {
            return validPhoneParsed(number);
        }
        int known = PhoneValidity.check(cc, number, ccEnd, n);
        if (known != PhoneValidity.UNKNOWN) {
            return known == PhoneValidity.VALID;
        }
        return PHONES.isValidNumber(new Phonenumber.PhoneNumber().setCountryCode(cc).setNationalNumber(national));
    }

    static boolean validPhoneParsed(String number) {
        try {
            Phonenumber.PhoneNumber pn = PHONES.parse(number, "NL");
            return PHONES.isValidNumber(pn);
        } catch (NumberParseException e) {
            return false;
        }
    }

    private int postcode(int i) {
        int p = i + 4;
        if (at(p) == ' ') {
            p++;
        }
        char l1 = at(p);
        char l2 = at(p + 1);
        if (!isUpper(l1) || !isUpper(l2) || isWordChar(at(p + 2))) {
            return -1;
        }
        char after = at(p + 2);
        if (p == i + 4 && (after == '/' || after == '+') && isWordChar(at(p + 3))) {
            return -1; // "3652ID/nmJd9O0n...": a line of base64 (a PEM body), not an address
        }
        if (l1 == 'S' && (l2 == 'A' || l2 == 'D' || l2 == 'S')) {
            return -1;
        }
        if (UNIT_LIKE[(l1 - 'A') * 26 + l2 - 'A'] && !recent(Ctx.ADDRESS, i, 40) && !cityFollows(p + 2)
                && !(at(i - 1) == '\'' && addressColumn(i)) && !postalLine(i, p + 2)) {
            return -1; // 1024 MB, 2000 KM: only with an address cue, a city after it or in a postcode column
        }
        emit(POSTCODE, i, p + 2, p == i + 4 ? -0.05 : 0);
        return p + 2;
    }

    /** Whether the quoted value at i is in an address (postcode) column of an SQL INSERT. */
    private boolean addressColumn(int i) {
        long column = sqlColumn(i);
        return column != NOT_SQL && (column & Ctx.ADDRESS.bit()) != 0;
    }

    /** Letter pairs of units, eras and countries, by A-Z x A-Z: "1024 MB" is a postcode only with more evidence. */
    private static final boolean[] UNIT_LIKE = new boolean[26 * 26];

    static {
        for (String u : List.of("KB", "MB", "GB", "TB", "PB", "KM", "CM", "MM", "KG", "MS", "HZ", "PM", "AM", "BC",
                "AD", "CE", "EU", "US", "UK", "NL", "BE", "DE", "FR", "CC")) {
            UNIT_LIKE[(u.charAt(0) - 'A') * 26 + u.charAt(1) - 'A'] = true;
        }
    }

    /** A capitalised word (a city) after a postcode: "1755 PB Zwolle", "2773 MB;Eindhoven". */
    private boolean cityFollows(int p) {
        char c = at(p);
        if (c == ' ' || c == ',' || c == ';' || c == '\t') {
            p++;
            if (at(p) == ' ') {
                p++;
            }
        } else {
            return false;
        }
        return (isUpper(at(p)) || (at(p) >= 128 && Character.isUpperCase(at(p)))) && isLower(at(p + 1));
    }

    /**
     * The last line of a Dutch postal address as PostNL prints it: the postcode at the start of its line, then one or
     * two spaces and the town in capitals up to the end of the line ("1234 MB  AMSTERDAM", "2511CV 'S-GRAVENHAGE",
     * "4611 KM  BERGEN OP ZOOM"). A size or distance in a sentence or list ("1024 MB RAM free") is not alone on
     * its line with a word of four or more capitals (three after PostNL's two spaces: "6711 MB  EDE").
     */
    private boolean postalLine(int i, int e) {
        int ls = i;
        while (ls > 0 && (b[ls - 1] == ' ' || b[ls - 1] == '\t')) {
            ls--;
        }
        if (ls > 0 && b[ls - 1] != '\n') {
            return false;
        }
        int p = e;
        if (at(p) != ' ') {
            return false;
        }
        p++;
        boolean twoSpaces = at(p) == ' ';
        if (twoSpaces) {
            p++;
        }
        int capitals = 0;
        int run = 0;
        while (p < limit && b[p] != '\n' && b[p] != '\r') {
            char c = b[p];
            if (isUpper(c) || (c >= 128 && Character.isUpperCase(c))) {
                run++;
                capitals = Math.max(capitals, run);
            } else if (c == ' ' || c == '-' || c == '\'') {
                run = 0;
            } else {
                return false;
            }
            p++;
        }
        return capitals >= 4 || (capitals == 3 && twoSpaces); // "1234 MB  EDE": PostNL's two spaces
    }

    private int intAt(int p, int n) {
        int v = 0;
        for (int k = p; k < p + n; k++) {
            v = v * 10 + (b[k] - '0');
        }
        return v;
    }

    private static final String[] AGE_UNITS = {" jaar oud", " years old", "-year-old", " year old", " jarige",
        "-jarige", " jaar", " years"};

    private void minor(int i, int d1) {
        int age = intAt(i, d1);
        int e = i + d1;
        char next = at(e);
        if (isLower(next) && recent(Ctx.BIRTH, i, 60) && ordinalDate(i, d1) > 0) {
            return;
        }
        if (age >= 16 || (next != ' ' && next != '-' && !recent(Ctx.AGE, i, 6)) || !okStart(i)) {
            return;
        }
        for (String u : AGE_UNITS) {
            if (startsWith(e, u) && !isWordChar(at(e + u.length()))) {
                boolean explicit = u.contains("old") || u.contains("oud") || u.contains("jarige");
                if (explicit || recent(Ctx.PERSON, i, 40) || recent(Ctx.AGE, i, 40)) {
                    emit(MINOR, i, e + u.length(), 0);
                }
                return;
            }
        }
        if (recent(Ctx.AGE, i, 6) && okEnd(e)) {
            emit(MINOR, i, e, 0);
        }
    }

    // ------------------------------------------------------------------ words and tokens

    private int word(int i) {
        int k = i;
        while (k < limit && isLetter(b[k])) {
            k++;
        }
        int end = k < limit && isDigit(b[k]) ? alnumEnd(k) : k;
        char c = b[i];
        boolean boundary = i == 0 || !isWordChar(b[i - 1]) && b[i - 1] != '-' && b[i - 1] != '/';
        int consumed = end;
        if (boundary) {
            if (isUpper(c)) {
                consumed = Math.max(consumed, upperToken(i, end));
            } else if (isLower(c) && LOWER_TOKEN_START[c]) {
                consumed = Math.max(consumed, lowerToken(i, end));
            }
            if (k == i + 2 && end - i >= 4 && isLower(c) && isLower(b[i + 1]) && isDigit(b[i + 3])) {
                consumed = Math.max(consumed, lowerIban(i));
            }
            if (at(end) == ':' && isHex(c) && end - i <= 4) {
                consumed = Math.max(consumed, ipv6(i));
            }
            if (end - i >= AWS_SECRET_MIN && recent(Ctx.AWS, i, 60)) {
                consumed = Math.max(consumed, awsSecret(i, null));
            }
        }
        long cls = LEX.lookup(b, i, k);
        if (cls != 0) {
            onWord(i, k, cls);
        } else if (k - i > 6 && isUpper(c)) {
            address(i, k);
        }
        return Math.max(consumed, i + 1);
    }

    private void onWord(int s, int e, long cls) {
        for (long cues = cls & CUE_BITS; cues != 0; cues &= cues - 1) {
            cue[Long.numberOfTrailingZeros(cues)] = e; // bit k is the class of ordinal k
        }
        if ((cls & Ctx.BIRTH.bit()) != 0) {
            birthHeader(s, e);
        }
        if ((cls & Ctx.CARD.bit()) != 0 && idCard(b, s)) {
            cue[Ctx.IDCARD.ordinal()] = e;
        }
        if ((cls & Ctx.SPECIAL) != 0) {
            long special = cls & Ctx.SPECIAL;
            for (int k = 0; k < SPECIAL_CTX.length; k++) {
                if ((special & SPECIAL_CTX[k].bit()) != 0) {
                    emit(HEALTH + k, s, e, 0);
                    break;
                }
            }
        }
        if ((cls & (Ctx.NAME_LABEL.bit() | Ctx.TITLE.bit())) != 0) {
            personName(s, e, (cls & Ctx.TITLE.bit()) != 0, (cls & Ctx.NAME_LABEL.bit()) != 0);
        }
        if ((cls & Ctx.MONTH.bit()) != 0) {
            monthFirstDate(s, e);
        }
        if ((cls & Ctx.SECRET.bit()) != 0 && e - s == 8 && at(e) == ' ' && at(s - 1) == ' ') {
            netrcPassword(s, e);
        }
        if ((cls & Ctx.SECRET.bit()) != 0 && (e - s == 8 || e - s == 10)
                && (regionEqualsLower(s, "password") || regionEqualsLower(s, "wachtwoord"))) {
            if (at(e) == ' ' && at(e + 1) == '\'') {
                quotedPassword(e + 1);
            } else if (at(e) == ' ') {
                prosePassword(e);
            }
            tableHeader(s, e, false);
        }
    }

    /** Whether the line of the text that holds p has the word w (as part of a word) before p, at most 300 chars back. */
    private boolean lineHasBefore(int p, String w) {
        int ls = p;
        while (ls > 0 && b[ls - 1] != '\n' && p - ls < 300) {
            ls--;
        }
        for (int k = ls; k + w.length() <= p; k++) {
            if (b[k] == w.charAt(0) && startsWith(k, w)) {
                return true;
            }
        }
        return false;
    }

    /** The end of the token at p: the first white space or quote (at most 300 chars on). */
    private int tokenEnd(int p) {
        int e = p;
        while (e < limit && e - p < 300 && b[e] > ' ' && b[e] != '"' && b[e] != '\'') {
            e++;
        }
        return e;
    }

    /** The password word at [s, e) of a .netrc entry (machine host login user password ...): its value. */
    private void netrcPassword(int s, int e) {
        if (!startsWith(s, "password") || !lineHasBefore(s, " login ")
                || !(lineHasBefore(s, "machine ") || lineHasBefore(s, "default "))) {
            return;
        }
        int vs = e + 1;
        int ve = tokenEnd(vs);
        if (ve - vs >= 8) {
            reportSecret(str(vs, ve), true, vs, ve);
        }
    }

    /**
     * A single-quoted literal right after the password word, the clause of SQL's CREATE/ALTER USER|ROLE ... WITH
     * PASSWORD 'x' (PostgreSQL, Snowflake, Redshift), also written in lower case: the literal (quote at q), closed on
     * the line and followed by the statement's end, a space or ',', ')', if it passes the password test (8+ chars,
     * not letters only: "the password 'Incorrect'" is a word).
     */
    private void quotedPassword(int q) {
        int vs = q + 1;
        int ve = vs;
        while (ve < limit && ve - vs <= 128 && b[ve] != '\'' && b[ve] != '\n') {
            ve++;
        }
        if (at(ve) != '\'' || ve - vs < 8 || ve - vs > 128) {
            return;
        }
        char after = at(ve + 1);
        if ((after == ';' || after == ' ' || after == ',' || after == ')' || after == '\n' || after == '\r'
                || ve + 1 == limit) && !lettersOnly(vs, ve)) {
            reportSecret(str(vs, ve), true, vs, ve);
        }
    }

    /**
     * A password told in a sentence, after the password word that ends at e: "Je tijdelijke wachtwoord voor het
     * portaal is: kXLK8Jdt!77", "your new password is Hq7vXz2LmP9w." The words up to "is" (at most 60 chars on the
     * line, no ':' or '=' among them: that is an assignment) and then one token, quotes and a sentence's last '.'
     * or ',' aside, that passes the password test (8+ chars, two classes, entropy near the maximum).
     */
    private void prosePassword(int e) {
        int p = e;
        int stop = Math.min(limit - 4, e + 60);
        while (p < stop && !(b[p] == ' ' && b[p + 1] == 'i' && b[p + 2] == 's' && (b[p + 3] == ':' || b[p + 3] == ' '))) {
            char c = b[p];
            if (c == '\n' || c == ':' || c == '=' || c == '.') {
                return;
            }
            p++;
        }
        if (p >= stop) {
            return;
        }
        p += 3;
        if (b[p] == ':') {
            p++;
        }
        while (at(p) == ' ') {
            p++;
        }
        char q = at(p);
        boolean quoted = q == '"' || q == '\'' || q == '`';
        int vs = quoted ? p + 1 : p;
        int ve = vs;
        while (ve < limit && ve - vs <= 64 && b[ve] > ' ' && !(quoted && b[ve] == q)) {
            ve++;
        }
        if (quoted && at(ve) != q) {
            return;
        }
        if (!quoted && (b[ve - 1] == '.' || b[ve - 1] == ',' || b[ve - 1] == ';')) {
            ve--;
        }
        if (ve - vs >= 8 && ve - vs <= 64 && !lettersOnly(vs, ve)) { // not a word: "the password is Incorrect"
            reportSecret(str(vs, ve), true, vs, ve);
        }
    }

    /**
     * The ( at i of an SQL INSERT's VALUES (...) after a column list (INSERT INTO t (name, secret) VALUES (...)):
     * the value of the first column named like a secret.
     */
    private void sqlValues(int i) {
        if (i < 9 || !(startsWith(i - 7, "VALUES") || startsWith(i - 7, "values")) || isWordChar(b[i - 8])) {
            return;
        }
        int ce = i - 8;
        while (ce > 0 && b[ce] == ' ') {
            ce--;
        }
        if (b[ce] != ')') {
            return;
        }
        int cs = ce;
        while (cs > 0 && b[cs] != '(' && b[cs] != '\n' && ce - cs < 300) {
            cs--;
        }
        if (b[cs] != '(') {
            return;
        }
        int column = 0;
        int kind = SecretValues.NOT_SECRET;
        for (int p = cs + 1; p < ce && kind == SecretValues.NOT_SECRET; column++) {
            int e = p;
            while (e < ce && b[e] != ',') {
                e++;
            }
            kind = SecretValues.keyKind(b, p, e, keyLetters);
            p = e + 1;
        }
        if (kind == SecretValues.NOT_SECRET) {
            return;
        }
        int p = i; // the '(' or ',' before each value
        for (int k = 1; k < column; k++) {
            int q = p + 1;
            while (q < limit && b[q] == ' ') {
                q++;
            }
            if (at(q) == '\'') {
                q++;
                while (q < limit && b[q] != '\'' && b[q] != '\n' && q - p < 300) {
                    q++;
                }
                q++;
            } else {
                while (q < limit && b[q] != ',' && b[q] != ')' && b[q] != '\n' && q - p < 300) {
                    q++;
                }
            }
            while (q < limit && b[q] == ' ') {
                q++;
            }
            if (at(q) != ',') {
                return;
            }
            p = q;
        }
        secretValue(p, kind);
    }

    /** The ( at i of a PHP define('DB_PASSWORD', '...'): the value, if the constant's name names a secret. */
    private void defineConstant(int i) {
        char q = at(i + 1);
        if (i < 6 || !startsWith(i - 6, "define") || (i > 6 && isWordChar(b[i - 7])) || (q != '\'' && q != '"')) {
            return;
        }
        int ns = i + 2;
        int ne = ns;
        while (ne < limit && ne - ns < 64 && b[ne] != q && b[ne] != '\n') {
            ne++;
        }
        if (at(ne) != q || ne - ns < 2 || at(ne + 1) != ',') {
            return;
        }
        int kind = SecretValues.keyKind(b, ns, ne, keyLetters);
        if (kind != SecretValues.NOT_SECRET) {
            secretValue(ne + 1, kind);
        }
    }

    /**
     * The - at i of a command line option that carries a password: mysql's (mysqldump's, mysqladmin's) -pSECRET,
     * curl's -u user:SECRET.
     */
    private void cliCredential(int i) {
        char opt = b[i + 1];
        int vs;
        int ve;
        if (opt == 'p') {
            if (!isWordChar(at(i + 2)) || !lineHasBefore(i, "mysql")) {
                return; // -p alone prompts for the password
            }
            vs = i + 2;
            ve = tokenEnd(vs);
        } else {
            if (at(i + 2) != ' ' || !lineHasBefore(i, "curl ")) {
                return;
            }
            int p = i + 3;
            if (at(p) == '"' || at(p) == '\'') {
                p++;
            }
            int te = tokenEnd(p);
            int colon = p;
            while (colon < te && b[colon] != ':') {
                colon++;
            }
            if (colon == te || colon == p) {
                return;
            }
            vs = colon + 1;
            ve = te;
        }
        if (ve - vs >= 8) {
            reportSecret(str(vs, ve), true, vs, ve);
        }
    }

    /** Whether the card word at s is the "card" of "ID card" / "ID-card" (an identity card, not a payment card). */
    static boolean idCard(char[] b, int s) {
        return s >= 3 && (b[s - 1] == ' ' || b[s - 1] == '-') && (b[s - 2] | 0x20) == 'd' && (b[s - 3] | 0x20) == 'i'
                && (s == 3 || !isLetter(b[s - 4]));
    }

    /** The classes whose last word's end {@link #cue} records. */
    private static final long CUE_BITS = Ctx.of(Ctx.BIRTH, Ctx.RSIN, Ctx.KVK, Ctx.DRIVING, Ctx.PASSPORT, Ctx.IDCARD,
            Ctx.AWS, Ctx.AGE, Ctx.PERSON, Ctx.ADDRESS);
    private static final Ctx[] SPECIAL_CTX = {Ctx.HEALTH, Ctx.RELIGION, Ctx.ETHNICITY, Ctx.POLITICAL, Ctx.UNION,
        Ctx.SEXUAL, Ctx.BIOMETRIC, Ctx.GENETIC};

    private static final String[] STREET_SUFFIXES = {"straat", "laan", "weg", "plein", "gracht", "kade", "singel",
        "dijk", "dreef", "steeg", "markt", "park", "wal", "boulevard", "plantsoen", "baan", "dam", "haven", "hof",
        "pad", "veld", "straatweg", "street", "road", "avenue", "lane"};

    private void address(int s, int e) {
        if (at(e) != ' ' || !isDigit(at(e + 1))) {
            return;
        }
        for (int k = s + 1; k < e; k++) {
            if (!isLower(b[k]) && !(b[k] >= 128)) {
                return;
            }
        }
        boolean street = false;
        for (String suffix : STREET_SUFFIXES) {
            int n = suffix.length();
            if (e - s > n + 1 && regionEqualsLower(e - n, suffix)) {
                street = true;
                break;
            }
        }
        if (!street) {
            return;
        }
        int n = digits(e + 1);
        if (n > 4) {
            return;
        }
        int p = e + 1 + n;
        if (isLetter(at(p)) && !isLetter(at(p + 1))) {
            p++;
        } else if (at(p) == '-' && isDigit(at(p + 1)) && digits(p + 1) <= 3) {
            p += 1 + digits(p + 1);
        }
        if (isWordChar(at(p))) {
            return;
        }
        emit(ADDRESS, s, p, 0);
    }

    private boolean regionEqualsLower(int p, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Lexicon.lower(b[p + k]) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Set<String> PARTICLES = java.util.Set.of("van", "de", "der", "den", "het", "ter",
        "ten", "te", "von", "le", "la", "di", "da", "du", "op", "in", "'t", "del", "dos");

    /** A person's name after a label (naam:, name:) or a title (dhr., mevr., Mr, Ms, Dr). */
    private void personName(int s, int e, boolean title, boolean label) {
        int p = e;
        boolean dot = at(p) == '.';
        if (dot) {
            p++;
        }
        boolean separator = false;
        int skipped = 0;
        while (p < limit && skipped < 4 && (b[p] == ':' || b[p] == '=' || b[p] == '"' || b[p] == '\'' || b[p] == ' ')) {
            separator |= b[p] == ':' || b[p] == '=';
            p++;
            skipped++;
        }
        boolean asTitle = title && (dot || isUpper(b[s])) && at(e + (dot ? 1 : 0)) == ' ';
        boolean asLabel = label && separator;
        if (!asTitle && !asLabel) {
            return;
        }
        int start = p;
        int lastProper = -1;
        int words = 0;
        int proper = 0;
        while (words < 6 && p < limit) {
            int q = p;
            if (isUpper(b[q]) && at(q + 1) == '.') {
                q += 2; // initial
                lastProper = q;
                words++;
                if (at(q) == ' ' && (isUpper(at(q + 1)) || isLower(at(q + 1)))) {
                    p = q + 1;
                    continue;
                }
                if (isUpper(at(q))) {
                    p = q; // J.Jansen
                    continue;
                }
                break;
            }
            if (isUpper(b[q]) || (b[q] >= 128 && Character.isUpperCase(b[q]))) {
                q++;
                while (q < limit && (isLower(b[q]) || (b[q] >= 128 && Character.isLowerCase(b[q]))
                        || ((b[q] == '-' || b[q] == '\'') && isLetter(at(q + 1))))) {
                    if (b[q] == '-' || b[q] == '\'') {
                        q++;
                        if (!isUpper(b[q]) && !isLower(b[q])) {
                            break;
                        }
                    }
                    q++;
                }
                if (q - p < 2 || isWordChar(at(q))) {
                    break;
                }
                lastProper = q;
                proper++;
                words++;
            } else {
                while (q < limit && (isLower(b[q]) || b[q] == '\'')) {
                    q++;
                }
                if (q == p || !PARTICLES.contains(str(p, q)) || isWordChar(at(q))) {
                    break;
                }
                words++;
            }
            if (at(q) == ' ' && isLetter(at(q + 1))) {
                p = q + 1;
            } else {
                break;
            }
        }
        if (lastProper < 0 || proper == 0) {
            return;
        }
        if (asLabel && !asTitle && words < 2) {
            return;
        }
        emit(PERSON, start, lastProper, asTitle ? 0.05 : 0);
    }

    private int upperToken(int i, int end) {
        int n = end - i;
        int consumed = -1;
        if (n >= 4 && isUpper(at(i + 1)) && isDigit(at(i + 2)) && isDigit(at(i + 3))) {
            consumed = iban(i);
            if (consumed > 0) {
                return consumed;
            }
            if (n == 4) {
                consumed = groupedIbanShape(i);
            }
        }
        if (n == 14 && b[i] == 'N' && b[i + 1] == 'L') {
            consumed = vat(i, end);
            if (consumed > 0) {
                return consumed;
            }
        }
        if (n == 20 && (startsWith(i, "AKIA") || startsWith(i, "ASIA") || startsWith(i, "ABIA")
                || startsWith(i, "ACCA") || startsWith(i, "A3T")) && !isWordChar(at(end))) {
            boolean ok = true;
            for (int k = i; k < end; k++) {
                ok &= isUpper(b[k]) || isDigit(b[k]);
            }
            // 16 random base-32 chars show fewer than 8 distinct ones once in 21,000 keys, fewer than 6 once in
            // 45 million: placeholders (AKIAXXXXXXXXXXXXXXXX) show 1 or 2
            if (ok && !startsWith(end - 7, "EXAMPLE") && distinct(i + 4, end) >= 6) {
                emit(AWS_ACCESS, i, end, 0);
                // the access key id is AWS context for its secret key next to it (access-key: AKIA...\n
                // secret-key: ...), however far the "aws" of the nesting keys is
                cue[Ctx.AWS.ordinal()] = end;
                awsKeyEnd = end;
                awsSecretAfterKey(end);
                return end;
            }
        }
        if (startsWith(i, "AIza")) {
            int p = i;
            while (p < limit && (isAsciiAlnum(b[p]) || b[p] == '_' || b[p] == '-')) {
                p++;
            }
            if (p - i == 39 && varied(i + 4, p)) {
                emit(GOOGLE, i, p, 0);
                return p;
            }
        }
        if (n >= 6 && n <= 9 && (isUpper(b[i + 1]) || isDigit(b[i + 1])) && !isWordChar(at(end)) && at(end) != '-') {
            int digits = 0;
            boolean upperAlnum = true;
            for (int k = i; k < end; k++) {
                upperAlnum &= isUpper(b[k]) || isDigit(b[k]);
                digits += isDigit(b[k]) ? 1 : 0;
            }
            if (upperAlnum && digits > 0) {
                boolean nlShape = n == 9 && isUpper(b[i + 1]) && isDigit(b[i + 8]) && b[i] != 'O' && b[i + 1] != 'O';
                for (int k = i + 2; nlShape && k < i + 8; k++) {
                    nlShape = b[k] != 'O';
                }
                if (nlShape) {
                    emit(NL_PASSPORT, i, end, 0);
                    if (recent(Ctx.IDCARD, i, 40)) {
                        emit(NL_ID_CARD, i, end, 0);
                    }
                } else if (recent(Ctx.PASSPORT, i, 30) && isDigit(b[end - 1]) && (n >= 8 || digits == n)
                        && !hasLetterO(i, end)) {
                    // a document number of letters and digits has 8 or 9 chars (BE, CA, CH: 8; DE, FR, IT, ES,
                    // PL, JP: 9; only all-digit series are shorter), ends in a digit and has no letter O, which
                    // issuers leave out next to the digit 0 (NL, DE)
                    emit(PASSPORT, i, end, 0);
                }
            }
        }
        return consumed;
    }

    private int iban(int i) {
        return iban(i, false);
    }

    /**
     * An IBAN written all in lower case (nl91abna0417164300, nl91 abna 0417 1643 00): the same length, grouping
     * and check as {@link #iban}, over the upper-cased chars; a lower-case country code, then no capital.
     */
    private int lowerIban(int i) {
        return iban(i, true);
    }

    /** An IBAN from i, all in capitals (and digits) or, when {@code lower}, all in lower case. */
    private int iban(int i, boolean lower) {
        int shift = lower ? 32 : 0;
        int len = Checksums.ibanLength((char) (b[i] - shift), (char) (b[i + 1] - shift));
        if (len == 0) {
            return -1;
        }
        StringBuilder compact = ibanChars;
        compact.setLength(0);
        int p = i;
        while (p < limit && compact.length() < len) {
            char c = b[p];
            if ((lower ? isLower(c) : isUpper(c)) || isDigit(c)) {
                compact.append(isDigit(c) ? c : (char) (c - shift));
                p++;
            } else if (c == ' ' && compact.length() % 4 == 0 && compact.length() > 0 && p - i >= 4
                    && ((lower ? isLower(at(p + 1)) : isUpper(at(p + 1))) || isDigit(at(p + 1)))) {
                p++;
            } else {
                break;
            }
        }
        if (compact.length() != len || isWordChar(at(p)) || !Checksums.iban(compact)) {
            return -1;
        }
        emit(IBAN, i, p, 0);
        return p;
    }

    /**
     * The end of a run grouped like an IBAN that failed its length or check (a registry country code, two check
     * digits, then at least three space-separated groups of four capitals or digits, the last of one to four),
     * or -1: a mistyped account number, in which no group is a phone number or a postcode ("NL50 ABNA 0417 1643
     * 01": not a phone number 0417 1643 01).
     */
    private int groupedIbanShape(int i) {
        if (Checksums.ibanLength(b[i], b[i + 1]) == 0) {
            return -1;
        }
        int p = i + 4;
        int groups = 0;
        while (at(p) == ' ') {
            int q = p + 1;
            while (q < limit && q - p <= 4 && (isUpper(b[q]) || isDigit(b[q]))) {
                q++;
            }
            if (q == p + 1 || isWordChar(at(q))) {
                break;
            }
            groups++;
            int group = q - p - 1;
            p = q;
            if (group < 4) {
                break;
            }
        }
        return groups >= 3 ? p : -1;
    }

    private int vat(int i, int end) {
        for (int k = i + 2; k < i + 11; k++) {
            if (!isDigit(b[k])) {
                return -1;
            }
        }
        if (b[i + 11] != 'B' || !isDigit(b[i + 12]) || !isDigit(b[i + 13]) || isWordChar(at(end))) {
            return -1;
        }
        String nine = str(i + 2, i + 11);
        if (!Checksums.vatElevenProof(nine) && !Checksums.vatMod97(str(i, end)) && !Checksums.elevenProof(nine)) {
            return -1;
        }
        emit(VAT, i, end, 0);
        return end;
    }

    /** A real token body has some variety: ghp_XXXX... and sk_live_0000... are placeholders. */
    private boolean varied(int s, int e) {
        return distinct(s, e) >= Math.min(10, (e - s) / 2);
    }

    /** Distinct chars (by their low 7 bits) in b[s, e). */
    private int distinct(int s, int e) {
        long seen1 = 0;
        long seen2 = 0;
        int distinct = 0;
        for (int k = s; k < e; k++) {
            int c = b[k] & 127;
            long bit = 1L << (c & 63);
            if (c < 64 ? (seen1 & bit) == 0 : (seen2 & bit) == 0) {
                distinct++;
                if (c < 64) {
                    seen1 |= bit;
                } else {
                    seen2 |= bit;
                }
            }
        }
        return distinct;
    }

    private int tokenRun(int p, boolean underscore, boolean dash) {
        int q = p;
        while (q < limit && (isAsciiAlnum(b[q]) || (underscore && b[q] == '_') || (dash && b[q] == '-'))) {
            q++;
        }
        return q;
    }

    /** First letters of the lower-case tokens {@link #lowerToken} knows; other words skip the call. */
    private static final boolean[] LOWER_TOKEN_START = new boolean[128];

    /** Per first letter a-z, the second letters (bit 0 for 'a') of the tokens {@link #lowerToken} knows. */
    private static final int[] LOWER_TOKEN_SECOND = new int[26];

    static {
        for (String prefix : new String[] {"gi", "gh", "gl", "xo", "sk", "rk", "pk", "ey", "sq"}) {
            LOWER_TOKEN_START[prefix.charAt(0)] = true;
            LOWER_TOKEN_SECOND[prefix.charAt(0) - 'a'] |= 1 << (prefix.charAt(1) - 'a');
        }
    }

    /**
     * 1 when a token lowerToken knows may start with c followed by second (both a-z), else 0. Arithmetic, for
     * the reason given in span(); any ASCII letter c and any second give 0 or 1 (meaningless outside a-z).
     */
    private static int lowerTokenPrefix(char c, char second) {
        return (LOWER_TOKEN_SECOND[(c | 0x20) - 'a'] >>> (second - 'a')) & 1;
    }

    private int lowerToken(int i, int end) {
        char c = b[i];
        if (c == 'g') {
            if (startsWith(i, "github_pat_")) {
                int q = tokenRun(i + 11, true, false);
                if (q - i - 11 >= 22 && varied(i + 11, q)) {
                    emit(GITHUB, i, q, 0);
                    return q;
                }
            } else if (i + 4 < limit && b[i + 1] == 'h' && b[i + 3] == '_' && "pousr".indexOf(b[i + 2]) >= 0) {
                int q = tokenRun(i + 4, false, false);
                if (q - i - 4 >= 36 && q - i - 4 <= 255 && !isWordChar(at(q)) && varied(i + 4, q)) {
                    emit(GITHUB, i, q, 0);
                    return q;
                }
            } else if (startsWith(i, "glpat-")) {
                int q = tokenRun(i + 6, true, true);
                if (q - i - 6 >= 20 && varied(i + 6, q)) {
                    emit(GITLAB, i, q, 0);
                    return q;
                }
            }
        } else if (c == 'x' && startsWith(i, "xox") && i + 4 < limit && "baprs".indexOf(b[i + 3]) >= 0
                && b[i + 4] == '-') {
            int q = tokenRun(i + 5, false, true);
            if (q - i - 5 >= 10 && varied(i + 5, q)) {
                emit(SLACK, i, q, 0);
                return q;
            }
        } else if (c == 's' && at(i + 1) == 'q' && at(i + 3) == '_' && "upa".indexOf(at(i + 2)) >= 0) {
            // SonarQube user, project and global analysis tokens: squ_, sqp_, sqa_ and 40 hex digits
            int q = i + 4;
            while (q < limit && q - i - 4 <= 40 && isHex(b[q]) && !isUpper(b[q])) {
                q++;
            }
            if (q - i - 4 == 40 && !isWordChar(at(q)) && varied(i + 4, q)) {
                emit(GENERIC_SECRET, i, q, 0);
                return q;
            }
        } else if ((c == 's' || c == 'r' || c == 'p') && at(i + 1) == 'k' && at(i + 2) == '_') {
            boolean live = startsWith(i + 3, "live_");
            boolean test = startsWith(i + 3, "test_") && c != 'p';
            if (live || test) {
                int q = tokenRun(i + 8, false, false);
                if (q - i - 8 >= 10 && !isWordChar(at(q)) && varied(i + 8, q)) {
                    emit(STRIPE, i, q, 0);
                    return q;
                }
            }
        } else if (c == 'e' && at(i + 1) == 'y' && at(i + 2) == 'J') {
            return jwt(i);
        }
        return -1;
    }

    private int jwt(int i) {
        int p1 = tokenRun(i, true, true);
        if (at(p1) != '.' || p1 - i < 10) {
            return -1;
        }
        int p2 = tokenRun(p1 + 1, true, true);
        if (p2 - p1 - 1 < 2 || at(p2) != '.') {
            return -1;
        }
        int p3 = tokenRun(p2 + 1, true, true);
        if (at(p3) == '.' || at(p3) == '=') {
            return -1;
        }
        if (!jwtHeader(i, p1)) {
            return -1;
        }
        emit(JWT, i, p3, 0);
        return p3;
    }

    /**
     * The headers {@link #jwtHeader} checked last, as two 64-bit hashes of their base64url chars and their length,
     * and their verdicts; a ring. Hashes, not the chars: the finder keeps no text of a window after it (two
     * independent hashes of a header's chars and its length agreeing by chance is a 2^-128 event).
     */
    private final long[] jwtHashes = new long[32];
    private final int[] jwtLengths = new int[16];
    private final boolean[] jwtVerdicts = new boolean[16];
    private int jwtNext;

    /**
     * Whether b[s, e) is the base64url of a JWT header: a JSON object with an "alg" member. A text's tokens mostly
     * share a few headers, and decoding one and parsing it with Jackson (which throws, with a stack trace, for the
     * many almost-JSON headers of test data) cost ~50 us: the last 16 headers' verdicts are kept.
     */
    private boolean jwtHeader(int s, int e) {
        int n = e - s;
        long h1 = 1125899906842597L;
        long h2 = 0xcbf29ce484222325L;
        for (int p = s; p < e; p++) {
            char c = b[p];
            h1 = (Long.rotateLeft(h1, 5) ^ c) * 0x9E3779B97F4A7C15L;
            h2 = (h2 ^ c) * 0x100000001b3L;
        }
        long[] hashes = jwtHashes;
        for (int k = 0; k < jwtLengths.length; k++) {
            if (jwtLengths[k] == n && hashes[2 * k] == h1 && hashes[2 * k + 1] == h2) {
                return jwtVerdicts[k];
            }
        }
        boolean ok = jwtHeaderJson(str(s, e));
        int k = jwtNext;
        jwtLengths[k] = n;
        hashes[2 * k] = h1;
        hashes[2 * k + 1] = h2;
        jwtVerdicts[k] = ok;
        jwtNext = (k + 1) & (jwtLengths.length - 1);
        return ok;
    }

    static boolean jwtHeaderJson(String base64url) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
            return header.startsWith("{") && header.contains("\"alg\"") && jsonObjectWithAlg(header);
        } catch (IllegalArgumentException | JacksonException e) {
            return false;
        }
    }

    /** Whether text is one well-formed JSON object with a top-level "alg" member (a JWT header). */
    static boolean jsonObjectWithAlg(String text) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean alg = false;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                alg |= name.equals("alg");
                p.nextToken();
                p.skipChildren();
            }
            return p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null && alg;
        } catch (JacksonException e) {
            return false;
        }
    }

    /**
     * The secret key in the 60 chars after an access key id ("the access key was AKIA... and the secret
     * 4s4ir...Gj+"): a run of forty base64 chars that word(i) does not check, because it starts with a digit or
     * a '/' or '+', or its first word is shorter than AWS_SECRET_MIN (the '/' and '+' of a secret key split it).
     */
    private void awsSecretAfterKey(int from) {
        for (int p = from; p < limit && p - from <= 60; p++) {
            if (!base64(b[p]) || base64(b[p - 1])) {
                continue;
            }
            int q = p;
            while (q < limit && q - p <= 40 && base64(b[q])) {
                q++;
            }
            if (q - p == 40 && !wordChecksAwsSecret(p)) {
                awsSecret(p, null);
            }
            p = q;
        }
    }

    private static boolean base64(char c) {
        return isAsciiAlnum(c) || c == '/' || c == '+';
    }

    /** Whether word(i) would try an AWS secret key at p: a letter at a word boundary and a long enough word. */
    private boolean wordChecksAwsSecret(int p) {
        if (!isLetter(b[p]) || (p > 0 && (isWordChar(b[p - 1]) || b[p - 1] == '-' || b[p - 1] == '/'))) {
            return false;
        }
        int k = p;
        while (k < limit && isLetter(b[k])) {
            k++;
        }
        int end = k < limit && isDigit(b[k]) ? alnumEnd(k) : k;
        return end - p >= AWS_SECRET_MIN;
    }

    /** Forty base64 characters (mixed case and digits) at i; emits an AWS secret key. */
    private int awsSecret(int i, String keyHint) {
        int p = i;
        boolean up = false;
        boolean low = false;
        boolean dig = false;
        while (p < limit && p - i <= 40 && (isAsciiAlnum(b[p]) || b[p] == '/' || b[p] == '+')) {
            up |= isUpper(b[p]);
            low |= isLower(b[p]);
            dig |= isDigit(b[p]);
            p++;
        }
        if (p - i != 40 || isWordChar(at(p)) || at(p) == '=' || !(up && low && (dig || keyHint != null))
                || startsWith(p - 10, "EXAMPLEKEY")) { // AWS's documented example secret key
            return -1;
        }
        emit(AWS_SECRET, i, p, 0);
        if (awsKeyEnd >= i - 60) {
            out.get(out.size() - 1).keyed = true; // an access key id just before: AWS context, not a word
        }
        return p;
    }

    // ------------------------------------------------------------------ punctuation triggers

    private void email(int at) {
        if (at == 0 || at + 3 >= limit) {
            return;
        }
        int s = at;
        while (s > 0 && s > at - 64 && isLocalChar(b[s - 1])) {
            s--;
        }
        while (s < at && b[s] == '.') {
            s++;
        }
        if (s == at || b[at - 1] == '.') {
            return;
        }
        if (s > 0) {
            char before = b[s - 1];
            if ((before == '/' || before == ':') && !(s >= 7 && regionEqualsLower(s - 7, "mailto:"))
                    && !(before == ':' && emailProperty(s - 1))) {
                return;
            }
        }
        int p = at + 1;
        int labels = 0;
        int lastLabelStart = p;
        while (p < limit && p - at < 255) {
            int q = p;
            while (q < limit && (isAsciiAlnum(b[q]) || b[q] == '-')) {
                q++;
            }
            if (q == p) {
                break;
            }
            labels++;
            lastLabelStart = p;
            p = q;
            if (at(p) == '.' && isAsciiAlnum(at(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (labels < 2) {
            return;
        }
        int tld = p - lastLabelStart;
        if (tld < 2 || tld > 24) {
            return;
        }
        for (int k = lastLabelStart; k < p; k++) {
            if (!isLetter(b[k])) {
                return;
            }
        }
        if (FILE_TLDS.contains(str(lastLabelStart, p).toLowerCase(Locale.ROOT)) || isWordChar(at(p))) {
            return;
        }
        if (at(p) == ':' && at - s == 3 && startsWith(s, "git") && at(p + 1) > ' ') {
            return; // git@github.com:org/repo.git: an SSH remote (scp syntax) of a git host, no mailbox
        }
        if (at(s - 1) == '<' && at(p) == '>' && messageId(s - 1)) {
            return; // <id@host> of a Message-ID / In-Reply-To / References header or a log's message-id=: no mailbox
        }
        emit(EMAIL, s, p, 0);
    }

    /**
     * Whether the angle-bracketed address whose '<' is at lt is a message id (RFC 5322 msg-id): the value of a
     * key that names one, just before it ("Message-ID: <", "message-id=<", "\"messageId\": \"<"), or one of the
     * ids of a Message-ID / In-Reply-To / References / Content-ID header line or its folded continuation.
     */
    private boolean messageId(int lt) {
        int p = lt - 1;
        while (p >= 0 && (b[p] == ' ' || b[p] == '\t' || b[p] == '"' || b[p] == '\'')) {
            p--;
        }
        if (p >= 0 && (b[p] == ':' || b[p] == '=')) {
            p--;
            while (p >= 0 && (b[p] == ' ' || b[p] == '"' || b[p] == '\'')) {
                p--;
            }
            if (messageIdKey(p + 1)) {
                return true;
            }
        }
        // an id after an earlier one: the header's key starts its line, or the line a folded continuation belongs to
        int ls = lt;
        for (int lines = 0; lines < 4; lines++) {
            int from = ls;
            while (ls > 0 && b[ls - 1] != '\n' && from - ls < 1000) {
                ls--;
            }
            if (ls > 0 && b[ls - 1] != '\n') {
                return false;
            }
            if (at(ls) != ' ' && at(ls) != '\t') {
                int k = ls;
                while (k < limit && k - ls < 40 && (isAsciiAlnum(b[k]) || b[k] == '-' || b[k] == '_')) {
                    k++;
                }
                return at(k) == ':' && messageIdKey(k);
            }
            if (ls == 0) {
                return false;
            }
            ls--; // a folded header line: the key is on a line above
        }
        return false;
    }

    /** Whether the key ending at e (exclusive) names a message id: message-id, msgid, in-reply-to, references, content-id. */
    private boolean messageIdKey(int e) {
        int k = e;
        int letters = 0;
        char[] key = messageIdScratch; // the key's last 20 letters, lower-cased, last letter first
        while (k > 0 && letters < 20 && (isAsciiAlnum(b[k - 1]) || b[k - 1] == '-' || b[k - 1] == '_')) {
            k--;
            char c = b[k];
            if (isLetter(c)) {
                key[letters++] = Lexicon.lower(c);
            }
        }
        return endsWith(key, letters, "messageid") || endsWith(key, letters, "msgid")
                || letters == 9 && (endsWith(key, letters, "inreplyto") || endsWith(key, letters, "contentid"))
                || letters == 10 && endsWith(key, letters, "references");
    }

    /** Letters of a key name, for {@link #messageIdKey}: a key's name is no value, but one array serves every call. */
    private final char[] messageIdScratch = new char[20];

    /** Whether the word whose letters key[0, n) holds last letter first ends with {@code suffix}. */
    private static boolean endsWith(char[] key, int n, String suffix) {
        int m = suffix.length();
        if (n < m) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            if (key[i] != suffix.charAt(m - 1 - i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the ':' at c ends a vCard EMAIL property's name at its line's start, with parameters or a group
     * prefix or not ({@code EMAIL;TYPE=INTERNET:}, {@code item1.EMAIL:}, {@code email;type=work:}): the address
     * follows without a space, and that ':' is no user:password separator of a URL.
     */
    private boolean emailProperty(int c) {
        int ls = c;
        while (ls > 0 && b[ls - 1] != '\n' && c - ls < 80) {
            ls--;
        }
        if (ls > 0 && b[ls - 1] != '\n') {
            return false;
        }
        int p = ls;
        while (p < c && isAsciiAlnum(b[p]) && p - ls < 16) {
            p++;
        }
        if (at(p) == '.' && p > ls) { // a group name: item1.EMAIL
            ls = p + 1;
        }
        if (!(ls + 5 <= c && regionEqualsLower(ls, "email") && (ls + 5 == c || b[ls + 5] == ';'))) {
            return false;
        }
        for (int k = ls + 5; k < c; k++) {
            char ch = b[k];
            if (!(isAsciiAlnum(ch) || ch == ';' || ch == '=' || ch == ',' || ch == '-' || ch == '"')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocalChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static final java.util.Set<String> FILE_TLDS = java.util.Set.of("png", "jpg", "jpeg", "gif", "svg",
        "webp", "ico", "css", "js", "ts", "jsx", "tsx", "json", "xml", "html", "htm", "txt", "yml", "yaml", "java",
        "py", "rb", "rs", "php", "sh", "pdf", "zip", "gz", "tar", "log", "min", "map", "jar", "class", "kt", "scala");

    private int dash(int i) {
        if (at(i - 1) == ' ' && (at(i + 1) == 'p' || at(i + 1) == 'u')) {
            cliCredential(i);
        }
        if (at(i + 1) == '-' && startsWith(i, "-----BEGIN ")) {
            int e = pem(i);
            if (e > 0) {
                return e;
            }
        }
        return i + 1;
    }

    private int pem(int i) {
        int p = i + 11;
        int labelEnd = -1;
        for (int q = p; q < limit && q < p + 40; q++) {
            if (b[q] == '-' && startsWith(q, "-----")) {
                labelEnd = q;
                break;
            }
            if (b[q] == '\n') {
                break;
            }
        }
        if (labelEnd < 0) {
            return -1;
        }
        String label = str(p, labelEnd);
        if (!label.endsWith("PRIVATE KEY") && !label.endsWith("PRIVATE KEY BLOCK")) {
            return -1;
        }
        int headerEnd = labelEnd + 5;
        String endMarker = "-----END " + label + "-----";
        int bound = Math.min(limit, headerEnd + 16384);
        for (int q = headerEnd; q < bound; q++) {
            if (b[q] == '-' && startsWith(q, endMarker)) {
                emit(PRIVATE_KEY, i, q + endMarker.length(), 0);
                return q + endMarker.length();
            }
        }
        emit(PRIVATE_KEY, i, headerEnd, 0);
        return headerEnd;
    }

    private void colon(int i) {
        if (at(i + 1) == '/' && at(i + 2) == '/') {
            connectionString(i);
            return;
        }
        if (at(i + 1) == ':') {
            if (i == 0 || (!isWordChar(b[i - 1]) && b[i - 1] != ':')) {
                ipv6(i);
            }
            return;
        }
        assignment(i);
    }

    private void connectionString(int i) {
        int k = i;
        while (k > 0 && (isAsciiAlnum(b[k - 1]) || b[k - 1] == '+' || b[k - 1] == '.' || b[k - 1] == '-')) {
            k--;
        }
        if (i - k < 2 || !isLetter(b[k])) {
            return;
        }
        int us = i + 3;
        int p = us;
        int colon = -1;
        while (p < limit && p - us < 256 && b[p] != '@') {
            char c = b[p];
            if (c <= ' ' || c == '/' || c == '"' || c == '\'' || c == '<' || c == '>') {
                return;
            }
            if (c == ':' && colon < 0) {
                colon = p;
            }
            p++;
        }
        if (at(p) != '@' || colon < 0) {
            return;
        }
        String password = str(colon + 1, p);
        if (password.length() < 4 || SecretValues.isPlaceholder(password)) {
            return;
        }
        if (isLower(b[colon + 1]) && LOWER_TOKEN_START[b[colon + 1]] && tokenPassword(colon + 1, p)) {
            return;
        }
        int e = p + 1;
        while (e < limit && b[e] > ' ' && b[e] != '"' && b[e] != '\'' && b[e] != '<' && b[e] != '>' && b[e] != ')'
                && b[e] != ',' && b[e] != ';' && b[e] != '`') {
            e++;
        }
        while (e > p + 1 && (b[e - 1] == '.' || b[e - 1] == ']')) {
            e--;
        }
        if (e == p + 1) {
            return;
        }
        emit(CONNECTION, k, e, 0);
    }

    /**
     * Whether the password [s, e) of a URL is itself a token of a detector of its own
     * (https://user:ghp_...@github.com): then that token is what is there, reported on its own span when the
     * scan reaches it, and the URL is no connection string. The trial candidate is taken back.
     */
    private boolean tokenPassword(int s, int e) {
        int n = out.size();
        int q = lowerToken(s, alnumEnd(s));
        while (out.size() > n) {
            out.remove(out.size() - 1);
        }
        return q == e;
    }

    /*
     * assignment runs on every '=' and ':' of the text and C2 compiles it within the first files of a scan; each
     * branch that a later kind of file first takes (a quoted JSON key, a key at the window's start, a non-ASCII
     * char or a '.' in a key, a quoted value) cost a deoptimisation and a recompilation of the whole method with
     * its value checks: seven recompilations on the 4,000-file tree. So the key is scanned with table lookups
     * (Math.min keeps non-ASCII chars in range without a branch: C2 compiles it to a conditional move) and the
     * value of a secret-named key is read by a method of its own, whose rarer branches recompile only it.
     */

    /** A key = value or key: value assignment at i whose key names a secret. */
    private void assignment(int i) {
        char op = b[i];
        if (op == '=') {
            char next = at(i + 1);
            char prev = at(i - 1);
            boolean valueStartsWithEquals = next == '=' && prev > ' ' && at(i + 2) > ' ';
            if ((next == '=' && !valueStartsWithEquals) || next == '~' || prev == '=' || prev == '!' || prev == '<'
                    || prev == '>') {
                return;
            }
        }
        int k = i - 1;
        if (op == '=' && at(k) == ':') {
            k--;
        }
        int spaces = 0;
        while (k >= 0 && b[k] == ' ' && spaces < 32) { // aligned keys (HCL, .tfvars): password          = "..."
            k--;
            spaces++;
        }
        k -= QUOTE[Math.min(at(k), 128)]; // a quoted key: "key": value
        int keyEnd = k + 1;
        int stop = Math.max(-1, keyEnd - 65); // keys of at most 64 chars
        int letters = 0;
        int bits;
        while (k > stop && (bits = KEY_CHAR_BITS[Math.min(b[k], 128)]) != 0) {
            letters |= bits;
            k--;
        }
        int keyStart = k + 1;
        if (keyEnd - keyStart < 2 || !mayHoldTrigger(letters)) {
            if (letters == VALUE_LETTERS && keyEnd - keyStart == 5 && op == ':') {
                envValue(i, keyStart);
            } else if (keyEnd - keyStart == 13 && op == ':' && regionEqualsLower(keyStart, "authorization")) {
                basicCredentials(i);
            } else if (op == ':' && keyEnd - keyStart >= 2 && (keyStart == 0 || b[keyStart - 1] == '\n')) {
                pgpassLine(i);
            } else if (op == '=' && keyEnd - keyStart == 7 && startsWith(keyStart, "default")) {
                variableDefault(i, keyStart);
            } else if (op == ':' && keyEnd - keyStart == 4 && at(keyEnd) == '"' && startsWith(keyStart, "name")
                    && at(keyStart - 1) == '"') {
                jsonKeyValue(i); // HAR's params and headers: {"name": "password", "value": "..."}
            }
            return;
        }
        int kind = SecretValues.keyKind(b, keyStart, keyEnd, keyLetters);
        if (kind != SecretValues.NOT_SECRET && !(op == ':' && at(keyStart - 1) == '/' && at(keyStart - 2) == '/')) {
            if (op == '=' && (at(keyStart - 1) == '?' || at(keyStart - 1) == '&')) {
                queryToken(i + 1, kind);
            } else {
                secretValue(i, kind); // not the user of a URL's user:password@ (https://x-access-token:ghs_...@)
            }
        } else if (keyEnd - keyStart == 3 && op == '=' && at(i + 1) == '"') {
            keyAttribute(i, keyStart);
        } else if (keyEnd - keyStart == 3 && op == ':' && at(keyEnd) == '"' && at(keyStart - 1) == '"'
                && regionEqualsLower(keyStart, "key")) {
            jsonKeyValue(i);
        } else if (kind == SecretValues.NOT_SECRET && keyEnd - keyStart >= 5 && bareKeyName(keyStart, keyEnd)) {
            bareKeyValue(i);
        } else if (kind == SecretValues.NOT_SECRET && op == ':' && (keyStart == 0 || b[keyStart - 1] == '\n')) {
            pgpassLine(i); // a host named like a key (postgres.example.nl:5432:...)
        }
    }

    /**
     * The value at vs of a URL query parameter named like a secret ({@code ?token=}, {@code &reset_token=},
     * {@code access_token=}), up to the next parameter ('&') or fragment ('#'): a secret as an assignment's value is,
     * or a reset or access token of 16 or more letters and digits (both; '-' and '_' too), random by design: a
     * 16-char hex token falls below the 3.5-bit entropy line of a typed secret 9 times in 10, so it counts from 2.5
     * bits per char (aaaabbbb11112222 has 2.0). A JWT is the JWT detector's. A password's value may hold a '#'
     * between letters or digits (password=Tulp82#Kaas: typed unencoded into a log line or form body, no fragment).
     */
    private void queryToken(int vs, int kind) {
        int ve = vs;
        boolean letter = false;
        boolean digit = false;
        boolean plain = true;
        boolean password = kind == SecretValues.PASSWORD;
        while (ve < limit && ve - vs <= 300 && !VALUE_END[Math.min(b[ve], 128)] && b[ve] != '&'
                && (b[ve] != '#' || password && ve > vs && isAsciiAlnum(b[ve - 1]) && isAsciiAlnum(at(ve + 1)))) {
            char c = b[ve];
            letter |= isLetter(c);
            digit |= isDigit(c);
            plain &= isAsciiAlnum(c) || c == '-' || c == '_';
            ve++;
        }
        if (ve - vs < 8 || ve - vs > 300) {
            return;
        }
        String value = str(vs, ve);
        if (value.startsWith("eyJ") && value.indexOf('.') > 0 && value.indexOf('.') != value.lastIndexOf('.')) {
            return; // JWT-shaped: the JWT detector decides
        }
        if (SecretValues.isSecret(value, kind == SecretValues.PASSWORD)
                || ve - vs >= 16 && plain && letter && digit && !SecretValues.isPlaceholder(value)
                        && Checksums.atLeast(Checksums.entropy(value), 2.5)) {
            emit(GENERIC_SECRET, vs, ve, 0);
        }
    }

    /**
     * The value of an HTTP {@code Authorization: Basic <base64>} header (the ':' at i; the key may be quoted, as in a
     * JSON map of headers): the base64 of user:password. Reported when it decodes to printable text with a user, a
     * ':' and a password of 6 or more chars that is no placeholder (user:pass, Aladdin:open sesame are examples).
     */
    private void basicCredentials(int i) {
        int p = i + 1;
        while (at(p) == ' ') {
            p++;
        }
        if (at(p) == '"' || at(p) == '\'') {
            p++;
        }
        if (!(p + 6 < limit && regionEqualsLower(p, "basic ") && isAsciiAlnum(at(p + 6)))) {
            return;
        }
        int vs = p + 6;
        int ve = vs;
        while (ve < limit && ve - vs <= 400 && (isAsciiAlnum(b[ve]) || b[ve] == '+' || b[ve] == '/')) {
            ve++;
        }
        while (at(ve) == '=' && ve - vs < 402) {
            ve++;
        }
        if (ve - vs < 8 || isWordChar(at(ve))) {
            return;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(str(vs, ve));
        } catch (IllegalArgumentException e) {
            return;
        }
        int colon = -1;
        for (int k = 0; k < raw.length; k++) {
            if (raw[k] < 0x20 || raw[k] > 0x7e) {
                return;
            }
            if (raw[k] == ':' && colon < 0) {
                colon = k;
            }
        }
        if (colon < 1 || raw.length - colon - 1 < 6) {
            return;
        }
        String password = new String(raw, colon + 1, raw.length - colon - 1, StandardCharsets.US_ASCII);
        if (SecretValues.isPlaceholder(password)) {
            return;
        }
        emit(GENERIC_SECRET, vs, ve, 0);
    }

    /**
     * The host's ':' at i of a line of a PostgreSQL password file (hostname:port:database:username:password, the
     * port a number or *): the password.
     */
    private void pgpassLine(int i) {
        int p = i + 1;
        if (at(p) == '*') {
            p++;
        } else {
            while (p < limit && isDigit(b[p]) && p - i <= 5) {
                p++;
            }
        }
        if (p == i + 1 || at(p) != ':') {
            return;
        }
        for (int field = 0; field < 2; field++) {
            int s = ++p;
            while (p < limit && b[p] > ' ' && b[p] != ':' && p - s < 64) {
                p++;
            }
            if (p == s || at(p) != ':') {
                return;
            }
        }
        int vs = p + 1;
        int ve = vs;
        while (ve < limit && b[ve] > ' ' && ve - vs < 300) {
            ve++;
        }
        if ((ve == limit || b[ve] == '\n' || b[ve] == '\r') && ve - vs >= 8) {
            reportSecret(str(vs, ve), true, vs, ve);
        }
    }

    /**
     * A declared type between a secret's name and its '=' ({@code pub const API_TOKEN: &str = "..."}, TypeScript's
     * {@code const apiToken: string = '...'}, Kotlin's {@code val apiToken: String = "..."}): the value after the
     * '=' is read as the name's (true). The type [vs, ve) starts with a letter or '&' and the '=' follows on the line.
     */
    private boolean typeAnnotation(int vs, int ve, int kind) {
        if (ve == vs || !(isLetter(b[vs]) || b[vs] == '&')) {
            return false;
        }
        int q = vs;
        while (q < limit && q - vs < 40 && (isAsciiAlnum(b[q]) || "&'<>[]?._ ".indexOf(b[q]) >= 0)) {
            q++;
        }
        if (at(q) != '=' || at(q + 1) == '=' || at(q - 1) != ' ') {
            return false;
        }
        secretValue(q, kind);
        return true;
    }

    /**
     * Whether [vs, ve) is a PowerShell command's name, Verb-Noun with capitalised parts and letters only
     * ({@code $password = ConvertTo-SecureString ...}, {@code $token = Get-AzAccessToken ...}): a call, not a value.
     */
    private boolean cmdlet(int vs, int ve) {
        int dash = -1;
        for (int k = vs; k < ve; k++) {
            char c = b[k];
            if (c == '-' && dash < 0 && k > vs + 1 && k + 1 < ve && isUpper(b[k + 1])) {
                dash = k;
            } else if (!isLetter(c)) {
                return false;
            }
        }
        return dash > 0;
    }

    /**
     * The arguments after a command at p that a secret's name is assigned: of ConvertTo-SecureString with
     * -AsPlainText on the line, its quoted string (after -String or first), is the secret in plain text.
     */
    private void plainTextArgument(int p, int kind) {
        if (!regionEnds(p, "ConvertTo-SecureString")) {
            return;
        }
        int le = p;
        while (le < limit && b[le] != '\n' && le - p < 400) {
            le++;
        }
        if (!regionHas(p, le, "-AsPlainText")) {
            return;
        }
        int q = p + 1;
        if (startsWith(q, "-String ")) {
            q += 8;
        }
        char quote = at(q);
        if (quote != '\'' && quote != '"') {
            return;
        }
        int vs = q + 1;
        int ve = vs;
        while (ve < le && b[ve] != quote && ve - vs < 300) {
            ve++;
        }
        if (at(ve) == quote && ve - vs >= 8) {
            reportSecret(str(vs, ve), kind == SecretValues.PASSWORD, vs, ve);
        }
    }

    /**
     * A literal that a secret's name falls back to when the environment lacks it: {@code process.env.JWT_SECRET
     * || '...'} (also {@code ??}), {@code os.getenv("DB_PASSWORD", "...")}, {@code os.environ.get("X", "...")},
     * {@code ENV.fetch("X", "...")}. [vs, ve) is the unquoted value read so far (up to a quote, space, ...).
     * Returns the literal's start and end as (start << 32 | end), or -1.
     */
    private long fallbackLiteral(int vs, int ve) {
        int p;
        if (ve - vs >= 7 && at(ve - 1) == '(' && (regionEnds(ve - 1, "getenv") || regionEnds(ve - 1, "environ.get")
                || regionEnds(ve - 1, "ENV.fetch"))) {
            char q = at(ve); // the variable's name, quoted
            if (q != '"' && q != '\'') {
                return -1;
            }
            p = ve + 1;
            while (p < limit && b[p] != q && b[p] != '\n' && p - ve < 80) {
                p++;
            }
            if (at(p) != q || at(p + 1) != ',') {
                return -1;
            }
            p += 2;
        } else {
            p = ve;
            while (p < limit && b[p] == ' ' && p - ve < 3) {
                p++;
            }
            if (!(at(p) == '|' && at(p + 1) == '|') && !(at(p) == '?' && at(p + 1) == '?')) {
                return -1;
            }
            p += 2;
        }
        int sp = p;
        while (p < limit && b[p] == ' ' && p - sp < 3) {
            p++;
        }
        char q = at(p);
        if (q != '"' && q != '\'' && q != '`') {
            return -1;
        }
        int ls = p + 1;
        int le = ls;
        while (le < limit && b[le] != q && b[le] != '\n' && le - ls < 300) {
            le++;
        }
        return at(le) == q ? ((long) ls << 32) | le : -1;
    }

    /** Whether the chars just before e are w (case as typed). */
    private boolean regionEnds(int e, String w) {
        return e - w.length() >= 0 && startsWith(e - w.length(), w);
    }

    /**
     * The value: at i (its ':') of a name/value pair whose name is on the line before, as in a Kubernetes env list
     * (- name: DB_PASSWORD / value: "..."): the value, if the name names a secret.
     */
    private void envValue(int i, int keyStart) {
        int ls = keyStart;
        while (ls > 0 && b[ls - 1] == ' ') {
            ls--;
        }
        if (ls == 0 || b[ls - 1] != '\n' || !startsWith(keyStart, "value")) {
            return;
        }
        int le = ls - 1;
        int p = le;
        while (p > 0 && b[p - 1] != '\n' && le - p < 120) {
            p--;
        }
        while (p < le && b[p] == ' ') {
            p++;
        }
        if (at(p) == '-' && at(p + 1) == ' ') {
            p += 2;
        }
        if (!startsWith(p, "name:")) {
            return;
        }
        p += 5;
        while (p < le && b[p] == ' ') {
            p++;
        }
        int ne = le;
        while (ne > p && (b[ne - 1] <= ' ' || b[ne - 1] == '"' || b[ne - 1] == '\'')) {
            ne--;
        }
        if (p < ne && (b[p] == '"' || b[p] == '\'')) {
            p++;
        }
        if (ne - p < 2 || ne - p > 64) {
            return;
        }
        int kind = SecretValues.keyKind(b, p, ne, keyLetters);
        if (kind != SecretValues.NOT_SECRET) {
            secretValue(i, kind);
        }
    }

    /**
     * The key="name" at i (its '=') of an element whose value="..." attribute follows, as in .NET's
     * &lt;add key="SmtpPassword" value="..." /&gt;: the value, if the name names a secret.
     */
    private void keyAttribute(int i, int keyStart) {
        if ((b[keyStart] | 0x20) != 'k' || (b[keyStart + 1] | 0x20) != 'e' || (b[keyStart + 2] | 0x20) != 'y') {
            return;
        }
        int ns = i + 2;
        int ne = ns;
        while (ne < limit && ne - ns < 64 && b[ne] != '"' && b[ne] != '\n') {
            ne++;
        }
        if (at(ne) != '"' || ne - ns < 2) {
            return;
        }
        int kind = SecretValues.keyKind(b, ns, ne, keyLetters);
        int v = ne + 1;
        while (v < limit && b[v] == ' ' && v - ne < 8) {
            v++;
        }
        if (kind != SecretValues.NOT_SECRET && startsWith(v, "value=\"")) {
            secretValue(v + 5, kind);
        }
    }

    /**
     * The default = "..." at i (its '=') of a Terraform/HCL variable block named like a secret ({@code variable
     * "db_password" { ... default = "..." }}): the value, as the name's (the plain-text default of a sensitive
     * variable, which Terraform linters flag too). The block's header is the nearest line before, at most 8 lines
     * up, that starts at the line's first column; the lines between are indented (inside the block).
     */
    private void variableDefault(int i, int keyStart) {
        int ls = keyStart;
        for (int lines = 0; lines < 8; lines++) {
            while (ls > 0 && b[ls - 1] == ' ') {
                ls--;
            }
            if (ls == 0 || b[ls - 1] != '\n') {
                return; // the default = is not the first thing on its line
            }
            int prev = ls - 1;
            int ps = prev;
            while (ps > 0 && b[ps - 1] != '\n' && prev - ps < 200) {
                ps--;
            }
            if (ps > 0 && b[ps - 1] != '\n') {
                return;
            }
            if (b[ps] != ' ' && b[ps] != '\t') {
                if (!startsWith(ps, "variable \"")) {
                    return;
                }
                int ns = ps + 10;
                int ne = ns;
                while (ne < prev && b[ne] != '"' && ne - ns < 64) {
                    ne++;
                }
                if (at(ne) != '"' || ne - ns < 2) {
                    return;
                }
                int kind = SecretValues.keyKind(b, ns, ne, keyLetters);
                if (kind != SecretValues.NOT_SECRET) {
                    secretValue(i, kind);
                }
                return;
            }
            ls = ps;
        }
    }

    /**
     * The "key": "name" at i (its ':') of a JSON key/value pair object whose "value": "..." member follows, as in
     * Postman collections' headers, variables and form bodies ({"key": "client_secret", "value": "..."}), or
     * HAR's "name": "..." ({"name": "password", "value": "..."}): the value, if the name names a secret.
     */
    private void jsonKeyValue(int i) {
        int ns = i + 1;
        while (at(ns) == ' ' && ns - i < 4) {
            ns++;
        }
        if (at(ns) != '"') {
            return;
        }
        ns++;
        int ne = ns;
        while (ne < limit && ne - ns < 64 && b[ne] != '"' && b[ne] != '\n') {
            ne++;
        }
        if (at(ne) != '"' || ne - ns < 2) {
            return;
        }
        int v = ne + 1;
        while (at(v) == ' ' && v - ne < 4) {
            v++;
        }
        if (at(v) != ',') {
            return;
        }
        v++;
        while ((at(v) == ' ' || at(v) == '\n' || at(v) == '\r' || at(v) == '\t') && v - ne < 40) {
            v++;
        }
        if (!startsWith(v, "\"value\"")) {
            return;
        }
        v += 7;
        while (at(v) == ' ' && v - ne < 48) {
            v++;
        }
        if (at(v) != ':') {
            return;
        }
        int kind = SecretValues.keyKind(b, ns, ne, keyLetters);
        if (kind != SecretValues.NOT_SECRET) {
            secretValue(v, kind);
        }
    }

    /**
     * A &lt;name&gt;value&lt;/name&gt; element at its '&gt;' i whose name names a secret (&lt;password&gt;, also with a
     * namespace prefix: &lt;wsse:Password&gt; of a WS-Security UsernameToken): the value.
     */
    private void xmlElement(int i) {
        int k = i - 1;
        int stop = Math.max(-1, i - 65);
        int letters = 0;
        int bits;
        while (k > stop && (bits = KEY_CHAR_BITS[Math.min(b[k], 128)]) != 0) {
            letters |= bits;
            k--;
        }
        int nameStart = k + 1;
        if (k > 0 && b[k] == ':' && i - k - 1 >= 2) { // a namespace prefix: <wsse:Password>, <ns2:apiToken>
            int q = k - 1;
            while (q >= 0 && q > k - 33 && isAsciiAlnum(b[q])) {
                q--;
            }
            k = q < k - 1 ? q : k;
        }
        if (k < 0 || b[k] != '<' || i - nameStart < 2 || !mayHoldTrigger(letters)) {
            return;
        }
        int kind = SecretValues.keyKind(b, nameStart, i, keyLetters);
        if (kind == SecretValues.NOT_SECRET) {
            return;
        }
        int ve = i + 1;
        while (ve < limit && ve - i <= 301 && b[ve] != '<' && b[ve] != '\n') {
            ve++;
        }
        if (at(ve) == '<' && at(ve + 1) == '/') {
            secretValue(i, kind);
        }
    }

    /** The value after the assignment operator at i of a key of this SecretValues kind: emitted if a secret. */
    private void secretValue(int i, int kind) {
        char op = b[i];
        int p = i + 1;
        if (op == '=' && at(p) == '>') {
            p++;
        }
        int sp = 0;
        while (p < limit && (b[p] == ' ' || b[p] == '\t') && sp < 4) {
            p++;
            sp++;
        }
        char q = at(p);
        int vs;
        int ve;
        // an AWS session token is a few hundred to over a thousand base64 chars
        int max = kind == SecretValues.AWS_SESSION ? AWS_SESSION_MAX : 300;
        if (VALUE_QUOTE[Math.min(q, 128)]) {
            vs = p + 1;
            ve = vs;
            while (ve < limit && b[ve] != q && b[ve] != '\n' && ve - vs < max) {
                ve++;
            }
            if (at(ve) != q) {
                return;
            }
        } else {
            vs = p;
            ve = valueEnd(vs, max);
            if (ve - vs == 6 && (startsWith(vs, "Bearer") || startsWith(vs, "bearer")) && at(ve) == ' ') {
                vs = ve + 1;
                ve = valueEnd(vs, max);
            }
            if (op == ':' && typeAnnotation(vs, ve, kind)) {
                return;
            }
            if (at(ve) == ' ' && isUpper(b[vs]) && cmdlet(vs, ve)) {
                plainTextArgument(ve, kind);
                return;
            }
            long fallback = fallbackLiteral(vs, ve);
            if (fallback >= 0) {
                vs = (int) (fallback >>> 32);
                ve = (int) fallback;
            } else if (qualifiedName(vs, ve)) {
                return; // SET secret = EXCLUDED.secret, token = settings.api_token: a reference to another value
            }
        }
        if (ve - vs < 8 || ve - vs > max) {
            return;
        }
        if (kind == SecretValues.AWS_SESSION && ve - vs >= 100 && awsSessionToken(vs, ve)) {
            return;
        }
        String value = str(vs, ve);
        if ((kind == SecretValues.AWS || awsKeyEnd >= vs - 60) && value.length() == 40 && awsSecret(vs, value) > 0) {
            out.get(out.size() - 1).keyed = true;
            return;
        }
        if (value.startsWith("eyJ") && value.indexOf('.') > 0 && value.indexOf('.') != value.lastIndexOf('.')) {
            return; // JWT-shaped: the JWT detector decides
        }
        if (kind == SecretValues.TOKEN && hexKey(value)) {
            emit(GENERIC_SECRET, vs, ve, 0);
            return;
        }
        reportSecret(value, kind == SecretValues.PASSWORD, vs, ve);
    }

    /**
     * Whether the unquoted value [vs, ve) is a qualified name, letters and underscores in parts joined by dots
     * (EXCLUDED.api_token, settings.SECRET_KEY, cfg.db.password): no digit, and each dot between two name chars.
     */
    private boolean qualifiedName(int vs, int ve) {
        boolean dot = false;
        int letters = 0;
        int caseChanges = 0;
        for (int k = vs; k < ve; k++) {
            char c = b[k];
            if (c == '.') {
                if (k == vs || k + 1 >= ve || !(isLetter(b[k - 1]) || b[k - 1] == '_')
                        || !(isLetter(b[k + 1]) || b[k + 1] == '_')) {
                    return false;
                }
                dot = true;
            } else if (!(isLetter(c) || c == '_')) {
                return false;
            } else if (c != '_') {
                letters++;
                char prev = b[k - (k > vs ? 1 : 0)];
                caseChanges += isLetter(prev) && isUpper(c) != isUpper(prev) ? 1 : 0;
            }
        }
        // names change case at their humps (rsa.RSAPrivateKey: 3 in 16 letters); a random token of letters with a
        // prefix (hvs.CAESIJ...: a Vault token) at every other letter
        return dot && caseChanges * 4 <= letters;
    }

    /**
     * Whether the key [s, e) is a name that ends in the word key and has no secret word: STRIPE_KEY, analyticsKey,
     * sentry-key (not monkey, primaryKey, cacheKey, RECAPTCHA_SITE_KEY: see BARE_KEY_DENY).
     */
    private boolean bareKeyName(int s, int e) {
        int k = e - 3;
        boolean word = (b[k] == 'K' && isLower(b[k - 1]) && regionEqualsLower(k, "key"))
                || ((b[k - 1] == '_' || b[k - 1] == '-' || b[k - 1] == '.') && (startsWith(k, "key") || startsWith(k, "KEY")));
        if (!word) {
            return false;
        }
        int we = b[k - 1] == '_' || b[k - 1] == '-' || b[k - 1] == '.' ? k - 1 : k;
        int ws = we;
        while (ws > s && isLetter(b[ws - 1]) && !(isUpper(b[ws]) && isLower(b[ws - 1]) && ws < we)) {
            ws--;
        }
        for (String deny : BARE_KEY_DENY) {
            if (we - ws == deny.length() && regionEqualsLower(ws, deny)) {
                return false;
            }
        }
        return true;
    }

    /** Words before "key" that name what a key indexes or a key meant to be public, not a credential. */
    private static final String[] BARE_KEY_DENY = {"primary", "foreign", "sort", "partition", "cache", "storage",
        "routing", "idempotency", "translation", "message", "i18n", "site", "public", "publishable", "lookup", "map",
        "unique", "index", "row", "object", "composite", "dedup", "shard", "hash", "group", "query", "list", "item",
        "table", "hot", "shortcut", "sub", "parent", "child", "entity", "field", "column", "attribute", "config",
        "setting", "settings", "registry", "state", "local", "redis", "s3", "bucket", "file", "path", "route",
        "license", "licence", "product", "serial", "activation", "tracking"};

    /**
     * The quoted value after the '=' or ':' at i of a key named like STRIPE_KEY or analyticsKey: a generic secret
     * only when it reads as random, 15 to 128 chars of upper case, lower case and digits (other signs may join)
     * changing class at every third step or more with 3.5 bits per char (or {@link SecretValues#scrambled}), or a
     * hex key of 32+ digits. A name, a path, a cache or i18n key ("user:profile:%s", "errors.notFound") is not.
     */
    private void bareKeyValue(int i) {
        int p = i + 1;
        int sp = 0;
        while (p < limit && (b[p] == ' ' || b[p] == '\t') && sp < 4) {
            p++;
            sp++;
        }
        char q = at(p);
        if (q != '"' && q != '\'') {
            if (sp == 0 && b[i] == '=') {
                unquotedKeyValue(i, p);
            }
            return;
        }
        int vs = p + 1;
        int ve = vs;
        while (ve < limit && b[ve] != q && b[ve] != '\n' && ve - vs <= 128) {
            char c = b[ve];
            if (c == ' ' || c == '.' || c == ':' || c == '/' || c == '{' || c == '<' || c == '\\') {
                return;
            }
            ve++;
        }
        if (at(ve) != q || ve - vs < 15 || ve - vs > 128) {
            return;
        }
        String value = str(vs, ve);
        if (hexKey(value)) {
            emit(GENERIC_SECRET, vs, ve, 0);
            return;
        }
        if (SecretValues.kind(value, false) == SecretValues.STRONG && SecretValues.randomClasses(value)) {
            emit(GENERIC_SECRET, vs, ve, 0);
        }
    }

    /**
     * The unquoted value at vs of a key named like a key (bareKeyName) after a '=' with no space: a generic secret
     * when it is a base64 key of 40 chars or more (standard alphabet, up to two '=' of padding) that reads as random,
     * either written as Laravel writes its application key ({@code APP_KEY=base64:...}) or as the account or
     * shared-access key of an Azure connection string ({@code AccountKey=...;} of a storage account,
     * {@code SharedAccessKey=...} of Service Bus, Event Hubs and IoT Hub). Ends at white space, a quote, ';' or the
     * window's end; any other char ends nothing and makes it no key. A placeholder ({@code base64:xxxx...},
     * {@code <your-key>}, {@code ${KEY}}) reads as no random value.
     */
    private void unquotedKeyValue(int i, int vs) {
        int ks = i;
        while (ks > 0 && isAsciiAlnum(b[ks - 1])) {
            ks--;
        }
        boolean laravel = startsWith(vs, "base64:");
        boolean azure = !laravel && (i - ks == 10 && startsWith(ks, "AccountKey")
                || i - ks == 15 && startsWith(ks, "SharedAccessKey"));
        if (!laravel && !azure) {
            return;
        }
        int ds = laravel ? vs + 7 : vs;
        int de = ds;
        while (de < limit && de - ds <= 128 && base64(b[de])) {
            de++;
        }
        int ve = de;
        while (ve < limit && ve - de < 2 && b[ve] == '=') {
            ve++;
        }
        char end = at(ve);
        if (de - ds < 40 || de - ds > 128 || !(ve == limit || end <= ' ' || end == ';' || end == '"' || end == '\'')) {
            return;
        }
        if (SecretValues.kind(str(ds, de), false) == SecretValues.STRONG) {
            emit(GENERIC_SECRET, vs, ve, 0);
        }
    }

    /** The value [vs, ve) of a secret's key: a generic secret, a weak password (password keys only) or nothing. */
    private void reportSecret(String value, boolean password, int vs, int ve) {
        int kind = SecretValues.kind(value, password);
        if (kind == SecretValues.STRONG) {
            emit(GENERIC_SECRET, vs, ve, 0);
        } else if (kind == SecretValues.WEAK) {
            emit(WEAK_PASSWORD, vs, ve, 0);
        }
    }

    /**
     * A hex key of 32 or more digits (letters in one case, digits and letters both, no placeholder) with 3.0 bits
     * per char or more: the value of an api key or token key. Random hex has at most 4 bits per char, and one of 32
     * falls below the 3.5-bit line of a typed secret about one time in six (apikey = a773de4f...).
     */
    private static boolean hexKey(String v) {
        int n = v.length();
        if (n < 32 || n > 128 || SecretValues.isPlaceholder(v)) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int k = 0; k < n; k++) {
            char c = v.charAt(k);
            if (!isHex(c)) {
                return false;
            }
            lower |= c >= 'a';
            upper |= c >= 'A' && c <= 'F';
            digit |= isDigit(c);
        }
        return digit && (lower ^ upper) && Checksums.atLeast(Checksums.entropy(v), 3.0);
    }

    /** Per ASCII char: bit c - 'a' for the letter c in either case, 0 for any other char. */
    private static final int[] LETTER_BIT = new int[128];
    /** Per word of {@link SecretValues#TRIGGERS}: its letters as {@link #LETTER_BIT} bits. */
    private static final int[] TRIGGER_LETTERS = new int[SecretValues.TRIGGERS.length];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            LETTER_BIT[c] = 1 << (c - 'a');
            LETTER_BIT[Character.toUpperCase(c)] = 1 << (c - 'a');
        }
        for (int t = 0; t < TRIGGER_LETTERS.length; t++) {
            for (char c : SecretValues.TRIGGERS[t].toCharArray()) {
                TRIGGER_LETTERS[t] |= LETTER_BIT[c];
            }
        }
    }

    /** 1 for the quotes around a key or value ('"', '\''), 0 for any other char; index 128 stands for non-ASCII. */
    private static final int[] QUOTE = new int[129];
    /**
     * Per char of an assignment key ([0-9A-Za-z_.-]): KEY_CHAR plus its {@link #LETTER_BIT} bit; 0 for any other
     * char. Index 128 stands for non-ASCII.
     */
    private static final int[] KEY_CHAR_BITS = new int[129];
    private static final int KEY_CHAR = 1 << 26;
    /** The letters of "value" as {@link #KEY_CHAR_BITS} bits: a key of a name/value pair's value. */
    private static final int VALUE_LETTERS = KEY_CHAR | 1 << ('v' - 'a') | 1 << ('a' - 'a') | 1 << ('l' - 'a')
            | 1 << ('u' - 'a') | 1 << ('e' - 'a');

    static {
        QUOTE['"'] = 1;
        QUOTE['\''] = 1;
        for (char c = 0; c < 128; c++) {
            if (isAsciiAlnum(c) || c == '_' || c == '-' || c == '.') {
                KEY_CHAR_BITS[c] = KEY_CHAR | LETTER_BIT[c];
            }
        }
    }

    /**
     * Whether an ASCII key with these letters may hold a trigger word, the test SecretValues.keyKind starts with:
     * most keys (status=, id=, i : items, the hh:mm of timestamps) lack a letter of every trigger and end here.
     */
    private static boolean mayHoldTrigger(int letters) {
        for (int t : TRIGGER_LETTERS) {
            if ((letters & t) == t) {
                return true;
            }
        }
        return false;
    }

    /** Scratch for SecretValues.keyKind: the lower-cased letters of an assignment key (at most 64). */
    private final char[] keyLetters = new char[64];

    /** The end of an unquoted value at vs: the first char that ends one (see VALUE_END), at most 300 chars on. */
    /** The longest AWS session token read (the value of an aws_session_token key). */
    private static final int AWS_SESSION_MAX = 4096;

    /**
     * The value [vs, ve) of an aws_session_token / aws_security_token key: base64 (letters of both cases, digits,
     * '+', '/', '=' padding only at the end) of 100 chars or more is the temporary credentials' secret half, an AWS
     * secret key (keyed: the key names it). Whether it was emitted.
     */
    private boolean awsSessionToken(int vs, int ve) {
        boolean up = false;
        boolean low = false;
        boolean dig = false;
        int pad = ve;
        while (pad > vs && b[pad - 1] == '=') {
            pad--;
        }
        if (ve - pad > 2) {
            return false;
        }
        for (int k = vs; k < pad; k++) {
            char c = b[k];
            if (!(isAsciiAlnum(c) || c == '+' || c == '/')) {
                return false;
            }
            up |= isUpper(c);
            low |= isLower(c);
            dig |= isDigit(c);
        }
        if (!(up && low && dig) || regionHas(vs, ve, "EXAMPLE")) {
            return false; // AWS's documented example tokens hold EXAMPLE
        }
        emit(AWS_SECRET, vs, ve, 0);
        out.get(out.size() - 1).keyed = true;
        return true;
    }

    /** Whether b[s, e) holds w, as typed. */
    private boolean regionHas(int s, int e, String w) {
        for (int k = s; k + w.length() <= e; k++) {
            if (b[k] == w.charAt(0) && startsWith(k, w)) {
                return true;
            }
        }
        return false;
    }

    private int valueEnd(int vs) {
        return valueEnd(vs, 300);
    }

    private int valueEnd(int vs, int maxLength) {
        int ve = vs;
        int max = Math.min(limit, vs + maxLength);
        while (ve < max && !VALUE_END[Math.min(b[ve], 128)]) {
            ve++;
        }
        return ve;
    }

    /** The quotes around a value ('"', '\'', '`'); index 128 stands for every char that is not ASCII. */
    private static final boolean[] VALUE_QUOTE = new boolean[129];
    /**
     * The chars that end an unquoted value: white space and control chars, ',', ';', ')', '}', ']', quotes and
     * '<'. One table test per char: a branch per char had secretValue recompiled as each was first met.
     */
    private static final boolean[] VALUE_END = new boolean[129];

    static {
        VALUE_QUOTE['"'] = true;
        VALUE_QUOTE['\''] = true;
        VALUE_QUOTE['`'] = true;
        for (char c = 0; c <= ' '; c++) {
            VALUE_END[c] = true;
        }
        for (char c : ",;)}]\"'<`".toCharArray()) {
            VALUE_END[c] = true;
        }
    }
}
