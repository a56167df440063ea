package io.dataguardian.engine.detect;

import io.dataguardian.engine.detect.Detector.Mask;
import io.dataguardian.engine.detect.Detector.Norm;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Masks values for people and fingerprints them for machines. The raw value lives only in the
 * arguments of these methods; one masking rule per type, documented in docs/detectors.md.
 */
final class Masker {

    private Masker() {
    }

    static String mask(Mask mask, String raw) {
        return mask.apply(raw);
    }

    /** What a secret's value is masked to, whatever its length. */
    private static final String SECRET_MASK = "********";

    /**
     * {@link #mask(Mask, String)} of b[s, e). The masks of most findings (LAST2/4, DATE, WORD, EMAIL, PHONE,
     * POSTCODE, IBAN, KEEP2, SECRET) are made here straight from the text: one array and the result's String,
     * no String of the raw value; the rest go through their String masks.
     */
    static String mask(Mask mask, char[] b, int s, int e) {
        switch (mask) {
            case LAST2:
                return keepLast(b, s, e, 2);
            case LAST4:
                return keepLast(b, s, e, 4);
            case DATE:
                return stars(b, s, e, 0);
            case WORD:
                return stars(b, s, e, 1);
            case EMAIL:
                return email(b, s, e);
            case PHONE:
                return phone(b, s, e);
            case POSTCODE:
                return e - s >= 2 ? new String(new char[] {b[s], b[s + 1], '*', '*', ' ', '*', '*'}) : "****";
            case IBAN:
                return keepFirstLast(b, s, e, 2, 2);
            case KEEP2:
                return keepFirstLast(b, s, e, 2, 0);
            case SECRET:
                return SECRET_MASK;
            default:
                return mask.apply(new String(b, s, e - s));
        }
    }

    /** A mask made from chars, for a value given as a String ({@link Mask#apply}). */
    static String ofChars(Mask mask, String raw) {
        return mask(mask, raw.toCharArray(), 0, raw.length());
    }

    /** Every letter or digit of b[s, e) but the last n becomes '*'; separators stay. */
    private static String keepLast(char[] b, int s, int e, int n) {
        int alnum = 0;
        for (int p = s; p < e; p++) {
            alnum += Character.isLetterOrDigit(b[p]) ? 1 : 0;
        }
        char[] out = new char[e - s];
        int seen = 0;
        for (int p = s; p < e; p++) {
            char c = b[p];
            if (Character.isLetterOrDigit(c)) {
                seen++;
                out[p - s] = seen > alnum - n ? c : '*';
            } else {
                out[p - s] = c;
            }
        }
        return new String(out);
    }

    /** Every letter or digit of b[s, e) after the first {@code keep} characters becomes '*'. */
    private static String stars(char[] b, int s, int e, int keep) {
        char[] out = java.util.Arrays.copyOfRange(b, s, e);
        for (int i = keep; i < out.length; i++) {
            if (Character.isLetterOrDigit(out[i])) {
                out[i] = '*';
            }
        }
        return new String(out);
    }

    /** The first char of the local part and of the domain, the rest starred up to the last '.'. */
    private static String email(char[] b, int s, int e) {
        int at = -1;
        for (int p = s; p < e && at < 0; p++) {
            if (b[p] == '@') {
                at = p;
            }
        }
        int dot = -1;
        for (int p = e - 1; p >= s && dot < 0; p--) {
            if (b[p] == '.') {
                dot = p;
            }
        }
        if (at <= s || dot < at) {
            return "***";
        }
        // first char, "***@", the char after the '@', "***", then from the last '.' on
        char[] out = new char[9 + e - dot];
        out[0] = b[s];
        "***@".getChars(0, 4, out, 1);
        out[5] = b[at + 1];
        "***".getChars(0, 3, out, 6);
        System.arraycopy(b, dot, out, 9, e - dot);
        return new String(out);
    }

    /** The digits (and a leading '+'), all but the first two and the last two starred; all when fewer than 6. */
    private static String phone(char[] b, int s, int e) {
        int lead = e > s && b[s] == '+' ? 1 : 0;
        char[] out = new char[lead + e - s];
        out[0] = '+'; // the first digit's place when there is no '+' (a match is not empty)
        int n = lead;
        for (int p = s; p < e; p++) {
            char c = b[p];
            if (c >= '0' && c <= '9') {
                out[n++] = c;
            }
        }
        int digits = n - lead;
        // all digits starred when fewer than 6, else all but the first two and the last two
        int from = digits < 6 ? lead : lead + 2;
        int to = digits < 6 ? n : n - 2;
        for (int i = from; i < to; i++) {
            out[i] = '*';
        }
        return new String(out, 0, n);
    }

    /** The chars of b[s, e) but spaces, all but the first {@code first} and last {@code last} starred. */
    private static String keepFirstLast(char[] b, int s, int e, int first, int last) {
        char[] out = new char[e - s];
        int n = 0;
        for (int p = s; p < e; p++) {
            char c = b[p];
            if (c != ' ') {
                out[n++] = c;
            }
        }
        int from = n <= first + last ? 0 : first;
        int to = n <= first + last ? n : n - last;
        for (int i = from; i < to; i++) {
            out[i] = '*';
        }
        return new String(out, 0, n);
    }

    private static String digits(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String ip(String raw) {
        if (raw.indexOf(':') >= 0) {
            int c = raw.indexOf(':');
            return (c == 0 ? "" : raw.substring(0, c)) + ":****:****";
        }
        int dot = raw.indexOf('.');
        return raw.substring(0, dot) + ".*.*.*";
    }

    static String prefix(String raw) {
        int cut = 4;
        for (int i = 0; i < Math.min(raw.length(), 12); i++) {
            if (raw.charAt(i) == '_' || raw.charAt(i) == '-') {
                cut = i + 1;
            }
        }
        if (raw.startsWith("eyJ")) {
            cut = 3;
        }
        cut = Math.min(cut, raw.length() / 2);
        return raw.substring(0, cut) + "*".repeat(Math.min(12, raw.length() - cut));
    }

    static String pem(String raw) {
        int end = raw.indexOf("-----", 11);
        return (end > 0 ? raw.substring(0, end + 5) : "-----BEGIN PRIVATE KEY-----") + "****";
    }

    static String url(String raw) {
        int scheme = raw.indexOf("://");
        int at = raw.lastIndexOf('@');
        if (scheme < 0 || at < 0) {
            return "****";
        }
        String host = raw.substring(at + 1);
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return raw.substring(0, scheme + 3) + "****:****@" + host;
    }

    static String name(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String w : raw.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.isUpperCase(w.charAt(0)) ? w.charAt(0) + "***" : w);
        }
        return sb.toString();
    }

    static String normalise(Norm norm, String raw) {
        return switch (norm) {
            case DIGITS -> digits(raw);
            case PHONE -> {
                String d = digits(raw);
                if (raw.startsWith("+")) {
                    yield d;
                }
                if (d.startsWith("00")) {
                    yield d.substring(2);
                }
                yield d.startsWith("0") ? "31" + d.substring(1) : d;
            }
            case UPPER_ALNUM -> {
                StringBuilder sb = new StringBuilder(raw.length());
                for (int i = 0; i < raw.length(); i++) {
                    char c = raw.charAt(i);
                    if (Character.isLetterOrDigit(c)) {
                        sb.append(Character.toUpperCase(c));
                    }
                }
                yield sb.toString();
            }
            case LOWER -> raw.toLowerCase(Locale.ROOT);
            case RAW -> raw;
        };
    }

    /** Creates an HMAC-SHA256 instance for the installation key. */
    static HmacSha256 newMac(byte[] key) {
        return new HmacSha256(key);
    }

    static String fingerprint(HmacSha256 mac, String family, String normalised) {
        byte[] h = mac.doFinal((family + ':' + normalised).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h);
    }
}
