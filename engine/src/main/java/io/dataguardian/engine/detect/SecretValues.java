package io.dataguardian.engine.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an assignment key names a secret and whether its value is a real secret rather
 * than a placeholder, a reference to the environment or a low-entropy word.
 */
final class SecretValues {

    static final int NOT_SECRET = 0, PASSWORD = 1, TOKEN = 2, AWS = 3, AWS_SESSION = 4;

    /*
     * keyKind runs on every "key = value" and "key: value" of the text, so C2 compiles it early; it used to
     * test each word with its own branch and String.contains, and each branch that a file first took after
     * that compilation cost a deoptimisation and another 11 KB compilation (five to eight per 200 MB scan, the
     * largest C2 item of the command). Now one loop finds which words a key contains as bits of a mask and
     * the decision is made on the mask: a handful of branches, all taken early.
     */

    /** Every word keyKind looks for; filled, in order, by the bits(...) initialisers below. */
    private static final List<String> WORD_LIST = new ArrayList<>();
    /** Any of these in a key names a secret. */
    private static final long KEY_WORDS = bits("password", "passwd", "passphrase", "pwd", "secret", "token",
        "apikey", "accesskey", "privatekey", "credential", "authkey", "wachtwoord", "signingkey", "encryptionkey");
    /** Any of these in a key does not. */
    private static final long KEY_DENY = bits("passport", "bypass", "compass", "tokenizer", "publickey", "keyid");
    private static final long PASSWORD_WORDS = bits("pass", "pwd", "wachtwoord");
    private static final long PW = bits("pw");
    private static final long SECRET_WORD = bits("secret");
    private static final long TOKEN_WORD = bits("token");
    private static final long AWS_WORD = bits("aws");
    private static final long SECRET_ACCESS_KEY = bits("secretaccesskey");
    /** With "aws": the temporary credentials' session token (aws_session_token, AWS_SECURITY_TOKEN). */
    private static final long SESSION_TOKEN = bits("sessiontoken", "securitytoken");
    private static final String[] WORDS = WORD_LIST.toArray(new String[0]);
    /**
     * A key without one of these (each word above that names a secret contains one) is no secret's key. Package-
     * private: the finder skips keyKind for keys that lack a letter of each (CandidateFinder.mayHoldTrigger).
     */
    static final String[] TRIGGERS = {"pass", "pw", "secret", "token", "key", "credential", "wachtwoord"};
    /** A key ending in one of these (after more letters) names something about a secret, not the secret. */
    private static final String[] KEY_DENY_SUFFIX = {"url", "uri", "endpoint", "type", "name", "ref", "path", "file",
        "id", "length", "count", "limit", "ttl", "expiry", "expires", "timeout", "header", "field", "arn", "version",
        "tokens", "policy", "prefix", "enabled", "required", "hash", "format", "label", "env", "var", "placeholder",
        "hint", "location", "dir", "store", "storetype", "algorithm", "mode", "size", "len", "min", "max"};

    private static final String[] PLACEHOLDERS = {"changeme", "change_me", "change-me", "example", "dummy",
        "placeholder", "<", ">", "${", "{{", "}}", "$(", "%(", "***", "redacted", "replace", "insert", "enter_",
        "sample", "fixme", "password", "secret", "notset", "not_set", "undefined",
        "mypass", "foobar", "lorem", "abcdef", "123456", "qwerty"};
    /**
     * Short placeholder words, matched only as typed (lower case, upper case, or capitalised when longer than
     * three letters) and only as a word of their own (see {@link #asWord}): ignoring case, a random 28-character
     * secret holds one of them by chance about once in a thousand ("...HiXxx6N...", "...LooaXxXb..."), and typed
     * but inside the random run ("...n7xxxNPk...", "...HHXXXjCr...") about once in four thousand; placeholders put
     * them at the value's ends, between separators or at a camelCase hump (your_key_here, sk_live_xxx, myFakeKey).
     */
    private static final String[] SHORT_PLACEHOLDERS = {"xxx", "your", "fake", "todo", "null", "none", "here"};
    private static final String[][] SHORT_PLACEHOLDER_FORMS = new String[SHORT_PLACEHOLDERS.length][];

    static {
        for (int i = 0; i < SHORT_PLACEHOLDERS.length; i++) {
            String w = SHORT_PLACEHOLDERS[i];
            String upper = w.toUpperCase(Locale.ROOT);
            SHORT_PLACEHOLDER_FORMS[i] = w.length() > 3
                    ? new String[] {w, upper, upper.charAt(0) + w.substring(1)}
                    : new String[] {w, upper};
        }
    }
    private static final String[] REFERENCE_PREFIXES = {"$", "{", "[", "<", "|", "/", "./", "~",
        "env.", "env:", "os.", "process.", "system.", "getenv", "config.", "settings.", "this.", "self.", "vault:",
        "secrets.", "ref:", "var.", "http:", "https:", "file:", "classpath:"};
    /** Words that make a value a placeholder when it starts with them as typed (test..., Test..., TEST...). */
    private static final String[][] WORD_PREFIXES = {{"test", "Test", "TEST"}, {"dummy", "Dummy", "DUMMY"},
        {"fake", "Fake", "FAKE"}, {"sample", "Sample", "SAMPLE"}};

    private SecretValues() {
    }

    private static long bits(String... words) {
        long bits = 0;
        for (String w : words) {
            int i = WORD_LIST.indexOf(w);
            if (i < 0) {
                i = WORD_LIST.size();
                WORD_LIST.add(w);
            }
            bits |= 1L << i;
        }
        return bits;
    }

    /**
     * What the key b[s, e) names, judged on its letters, lower-cased (at most 64 of them, collected in the
     * caller's scratch array of at least 64 chars: keyKind runs on every assignment of the text, and most keys
     * (status=, id=, the hh:mm of timestamps) hold no trigger word and end here without allocating).
     */
    static int keyKind(char[] b, int s, int e, char[] scratch) {
        char[] norm = scratch;
        int max = Math.min(64, norm.length);
        int len = 0;
        for (int k = s; k < e && len < max; k++) {
            char c = b[k];
            if (CandidateFinder.isLetter(c)) {
                norm[len++] = Lexicon.lower(c);
            }
        }
        for (String w : TRIGGERS) {
            if (has(norm, len, w)) {
                return kind(norm, len);
            }
        }
        return NOT_SECRET;
    }

    private static int kind(char[] norm, int len) {
        long words = 0;
        for (int w = 0; w < WORDS.length; w++) {
            if (has(norm, len, WORDS[w])) {
                words |= 1L << w;
            }
        }
        boolean denied = (words & KEY_DENY) != 0;
        for (String suffix : KEY_DENY_SUFFIX) {
            denied |= len > suffix.length() && endsWith(norm, len, suffix);
        }
        boolean password = (words & PASSWORD_WORDS) != 0 || (len == 2 && (words & PW) != 0);
        if (denied || !(password || (words & KEY_WORDS) != 0)) {
            return NOT_SECRET;
        }
        if ((words & (AWS_WORD | SECRET_WORD)) == (AWS_WORD | SECRET_WORD) || (words & SECRET_ACCESS_KEY) != 0) {
            return AWS;
        }
        if ((words & AWS_WORD) != 0 && (words & SESSION_TOKEN) != 0) {
            return AWS_SESSION;
        }
        return password && (words & (TOKEN_WORD | SECRET_WORD)) == 0 ? PASSWORD : TOKEN;
    }

    private static boolean has(char[] s, int len, String w) {
        int n = w.length();
        char first = w.charAt(0);
        for (int i = 0; i + n <= len; i++) {
            if (s[i] == first) {
                int k = 1;
                while (k < n && s[i + k] == w.charAt(k)) {
                    k++;
                }
                if (k == n) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean endsWith(char[] s, int len, String w) {
        int n = w.length();
        int k = 0;
        while (k < n && s[len - n + k] == w.charAt(k)) {
            k++;
        }
        return k == n;
    }

    static boolean isPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String p : PLACEHOLDERS) {
            if (v.contains(p)) {
                return true;
            }
        }
        for (String[] forms : SHORT_PLACEHOLDER_FORMS) {
            for (String p : forms) {
                if (asWord(value, p)) {
                    return true;
                }
            }
        }
        for (String p : REFERENCE_PREFIXES) {
            if (v.startsWith(p)) {
                return true;
            }
        }
        for (String[] forms : WORD_PREFIXES) {
            for (String p : forms) {
                if (value.startsWith(p)) {
                    return true;
                }
            }
        }
        boolean same = true;
        for (int k = 1; k < v.length(); k++) {
            same &= v.charAt(k) == v.charAt(0);
        }
        return same || isCall(v) || v.contains(" ") || v.contains("://") || v.equals("true") || v.equals("false");
    }

    /**
     * A call ({@code getPassword()}, {@code os.environ.get('X')}): a name (letters, digits, {@code _ . $}) and
     * a '('. A '(' after other chars is part of a random secret ({@code django-insecure-...&(x9...}).
     */
    private static boolean isCall(String v) {
        int open = v.indexOf('(');
        if (open <= 0) {
            return open == 0;
        }
        for (int k = 0; k < open; k++) {
            char c = v.charAt(k);
            if (!isAlnum(c) && c != '_' && c != '.' && c != '$') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether w occurs in v as a word of its own: each end at the value's end, at a char that is not a letter or
     * digit, or at a camelCase hump (an upper-case first letter after a lower-case one; a lower-case last letter
     * before an upper-case one). A word of one repeated letter extends over the run (xxxxxx holds xxx as a word).
     */
    static boolean asWord(String v, String w) {
        char c = w.charAt(0);
        boolean run = true; // xxx, XXX
        for (int k = 1; k < w.length(); k++) {
            run &= w.charAt(k) == c;
        }
        for (int i = v.indexOf(w); i >= 0; i = v.indexOf(w, i + 1)) {
            int s = i;
            int e = i + w.length();
            while (run && s > 0 && v.charAt(s - 1) == c) {
                s--;
            }
            while (run && e < v.length() && v.charAt(e) == c) {
                e++;
            }
            boolean left = s == 0 || !isAlnum(v.charAt(s - 1))
                    || CandidateFinder.isUpper(v.charAt(s)) && CandidateFinder.isLower(v.charAt(s - 1));
            boolean right = e == v.length() || !isAlnum(v.charAt(e))
                    || CandidateFinder.isLower(v.charAt(e - 1)) && CandidateFinder.isUpper(v.charAt(e));
            if (left && right) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlnum(char c) {
        return CandidateFinder.isLetter(c) || CandidateFinder.isDigit(c);
    }

    /** {@link #kind}: no secret, a secret (entropy >= 3.5), a weak password (a password key, lower entropy). */
    static final int NONE = 0, STRONG = 1, WEAK = 2;
    /** Least entropy (bits per character) of a weak password: below it a value is a repeated run, not typed. */
    static final double WEAK_ENTROPY = 2.5;

    /**
     * A random string whose Shannon entropy fell under 3.5 by chance: over 16-20 characters a few repeated
     * characters cost that much (about one in 22 random 16-character strings of letters and digits has less than
     * 3.5 bits per character), while what sets a random string apart from a typed one is that it changes between
     * upper case, lower case and digits at every other character (about 0.6 of the steps), and a typed password
     * changes once or twice per word and number ("WelkomWelkom2024", "Voorjaar2025Zomer"). At least 16
     * characters, upper case, lower case and digits, 3 bits per character and a class change at one step in three
     * or more; a shorter value is not judged on this (a leet password, "P@ssw0rd!23", changes class as often).
     */
    static boolean scrambled(String value, double entropy, int letterDigitClasses) {
        int n = value.length();
        if (n < 16 || letterDigitClasses < 3 || !Checksums.atLeast(entropy, 3.0)) {
            return false;
        }
        int changes = 0;
        int prev = charClass(value.charAt(0));
        for (int k = 1; k < n; k++) {
            int c = charClass(value.charAt(k));
            changes += c != prev ? 1 : 0;
            prev = c;
        }
        return changes * 3 >= n - 1;
    }

    /**
     * Whether the value holds upper case, lower case and digits and changes class at every third step or more: a
     * random string (about 0.6 of the steps), not a name or a typed word with a number (userProfileCache2: 3 of 16).
     */
    static boolean randomClasses(String value) {
        int n = value.length();
        int seen = 0;
        int changes = 0;
        int prev = charClass(value.charAt(0));
        seen |= 1 << prev;
        for (int k = 1; k < n; k++) {
            int c = charClass(value.charAt(k));
            changes += c != prev ? 1 : 0;
            seen |= 1 << c;
            prev = c;
        }
        return (seen & 7) == 7 && changes * 3 >= n - 1;
    }

    private static int charClass(char c) {
        return CandidateFinder.isLower(c) ? 0 : CandidateFinder.isUpper(c) ? 1 : CandidateFinder.isDigit(c) ? 2 : 3;
    }

    /** A real secret: no placeholder, not an identifier constant, entropy >= 3.5 bits per character. */
    static boolean isSecret(String value, boolean password) {
        return kind(value, password) == STRONG;
    }

    /**
     * What the value of a secret's key is: {@link #STRONG} with no placeholder, not an identifier constant, at
     * least two character classes and Shannon entropy >= 3.5 bits per character (the spec's generic secret);
     * under a password key, {@link #WEAK} when it is all that but with less entropy, as long as it is not a run of
     * a few repeated characters (>= 2.5 bits: "Welkom123", "admin123", "Zomer2024", "Voorjaar2025"; not
     * "aaaa1111"); else {@link #NONE}.
     */
    static int kind(String value, boolean password) {
        int n = value.length();
        if (n < 8 || isPlaceholder(value)) {
            return NONE;
        }
        int lower = 0;
        int upper = 0;
        int digit = 0;
        int other = 0;
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            if (CandidateFinder.isLower(c)) {
                lower = 1;
            } else if (CandidateFinder.isUpper(c)) {
                upper = 1;
            } else if (CandidateFinder.isDigit(c)) {
                digit = 1;
            } else {
                other = 1;
            }
        }
        int classes = lower + upper + digit + other;
        if (lower == 0 && digit == 0) {
            return NONE; // CONSTANT_NAME
        }
        if (classes == 1 && digit == 1) {
            return NONE; // a number
        }
        if (n == 36 && value.charAt(8) == '-' && value.charAt(13) == '-' && value.charAt(18) == '-'
                && value.charAt(23) == '-') {
            return classes > 1 && !password ? STRONG : NONE; // a UUID may be a token, never a typed password
        }
        if (classes < 2) {
            return NONE;
        }
        double h = Checksums.entropy(value);
        if (Checksums.atLeast(h, 3.5) || scrambled(value, h, lower + upper + digit)) {
            return STRONG;
        }
        return password && Checksums.atLeast(h, WEAK_ENTROPY) ? WEAK : NONE;
    }
}
