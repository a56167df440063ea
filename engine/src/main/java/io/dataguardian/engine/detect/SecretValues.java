package io.dataguardian.engine.detect;

import java.util.Locale;

/**
 * Decides whether an assignment key names a secret and whether its value is a real secret rather
 * than a placeholder, a reference to the environment or a low-entropy word.
 */
final class SecretValues {

    static final int NOT_SECRET = 0, PASSWORD = 1, TOKEN = 2, AWS = 3;

    private static final String[] KEY_WORDS = {"password", "passwd", "passphrase", "pwd", "secret", "token",
        "apikey", "accesskey", "privatekey", "credential", "authkey", "wachtwoord", "signingkey", "encryptionkey"};
    private static final String[] KEY_DENY = {"passport", "bypass", "compass", "tokenizer", "publickey", "keyid"};
    private static final String[] KEY_DENY_SUFFIX = {"url", "uri", "endpoint", "type", "name", "ref", "path", "file",
        "id", "length", "count", "limit", "ttl", "expiry", "expires", "timeout", "header", "field", "arn", "version",
        "tokens", "policy", "prefix", "enabled", "required", "hash", "format", "label", "env", "var", "placeholder",
        "hint", "location", "dir", "store", "storetype", "algorithm", "mode", "size", "len", "min", "max"};

    private static final String[] PLACEHOLDERS = {"changeme", "change_me", "change-me", "xxx", "example", "dummy",
        "placeholder", "your", "<", ">", "${", "{{", "}}", "$(", "%(", "***", "redacted", "replace", "insert", "enter_",
        "sample", "fake", "todo", "fixme", "password", "secret", "notset", "not_set", "undefined", "null", "none",
        "here", "mypass", "foobar", "lorem", "abcdef", "123456", "qwerty"};
    private static final String[] REFERENCE_PREFIXES = {"$", "{", "[", "<", "|", "/", "./", "~",
        "env.", "env:", "os.", "process.", "system.", "getenv", "config.", "settings.", "this.", "self.", "vault:",
        "secrets.", "ref:", "var.", "http:", "https:", "file:", "classpath:", "test", "dummy", "fake", "sample"};

    private SecretValues() {
    }

    static int keyKind(char[] b, int s, int e) {
        boolean letters = false;
        for (int k = s; k < e && !letters; k++) {
            letters = CandidateFinder.isLetter(b[k]);
        }
        if (!letters) {
            return NOT_SECRET;
        }
        char[] norm = new char[Math.min(64, e - s)];
        int len = 0;
        for (int k = s; k < e && len < norm.length; k++) {
            char c = b[k];
            if (CandidateFinder.isLetter(c)) {
                norm[len++] = Lexicon.lower(c);
            }
        }
        if (len < 2 || !(has(norm, len, "pass") || has(norm, len, "pwd") || has(norm, len, "secret")
                || has(norm, len, "token") || has(norm, len, "key") || has(norm, len, "credential")
                || has(norm, len, "wachtwoord") || (len == 2 && norm[0] == 'p' && norm[1] == 'w'))) {
            return NOT_SECRET;
        }
        String n = new String(norm, 0, len);
        for (String deny : KEY_DENY) {
            if (n.contains(deny)) {
                return NOT_SECRET;
            }
        }
        for (String suffix : KEY_DENY_SUFFIX) {
            if (n.endsWith(suffix) && n.length() > suffix.length()) {
                return NOT_SECRET;
            }
        }
        boolean password = n.contains("pass") || n.contains("pwd") || n.contains("wachtwoord") || n.equals("pw");
        boolean secret = password;
        for (String w : KEY_WORDS) {
            secret |= n.contains(w);
        }
        if (!secret) {
            return NOT_SECRET;
        }
        if ((n.contains("aws") && n.contains("secret")) || n.contains("secretaccesskey")) {
            return AWS;
        }
        return password && !n.contains("token") && !n.contains("secret") ? PASSWORD : TOKEN;
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

    static boolean isPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String p : PLACEHOLDERS) {
            if (v.contains(p)) {
                return true;
            }
        }
        for (String p : REFERENCE_PREFIXES) {
            if (v.startsWith(p)) {
                return true;
            }
        }
        boolean same = true;
        for (int k = 1; k < v.length(); k++) {
            same &= v.charAt(k) == v.charAt(0);
        }
        return same || v.contains("(") || v.contains(" ") || v.contains("://") || v.equals("true") || v.equals("false");
    }

    /** A real secret: no placeholder, not an identifier constant, enough entropy for its length. */
    static boolean isSecret(String value, boolean password) {
        int n = value.length();
        if (n < 8 || isPlaceholder(value)) {
            return false;
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
            return false; // CONSTANT_NAME
        }
        if (classes == 1 && digit == 1) {
            return false; // a number
        }
        if (n == 36 && value.charAt(8) == '-' && value.charAt(13) == '-' && value.charAt(18) == '-'
                && value.charAt(23) == '-') {
            return classes > 1 && !password; // a UUID may be a token, never a typed password
        }
        double h = Checksums.entropy(value);
        if (password) {
            double max = Math.log(n) / Math.log(2);
            return classes >= 2 && Checksums.atLeast(h, Math.min(3.5, max - 0.5));
        }
        return classes >= 2 && Checksums.atLeast(h, 3.5);
    }
}
