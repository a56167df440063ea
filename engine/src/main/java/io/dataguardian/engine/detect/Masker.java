package io.dataguardian.engine.detect;

import io.dataguardian.engine.detect.Detector.Mask;
import io.dataguardian.engine.detect.Detector.Norm;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /** Every letter or digit after the first {@code keep} characters becomes '*'. */
    static String stars(String raw, int keep) {
        char[] c = raw.toCharArray();
        for (int i = keep; i < c.length; i++) {
            if (Character.isLetterOrDigit(c[i])) {
                c[i] = '*';
            }
        }
        return new String(c);
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

    /** Every letter or digit but the last n becomes '*'; separators stay. */
    static String keepLast(String raw, int n) {
        int alnum = 0;
        for (int i = 0; i < raw.length(); i++) {
            alnum += Character.isLetterOrDigit(raw.charAt(i)) ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int seen = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                seen++;
                sb.append(seen > alnum - n ? c : '*');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String keepFirstLast(String raw, int first, int last) {
        String compact = raw.replace(" ", "");
        if (compact.length() <= first + last) {
            return "*".repeat(compact.length());
        }
        return compact.substring(0, first) + "*".repeat(compact.length() - first - last)
                + compact.substring(compact.length() - last);
    }

    static String phone(String raw) {
        String digits = digits(raw);
        String lead = raw.startsWith("+") ? "+" : "";
        if (digits.length() < 6) {
            return lead + "*".repeat(digits.length());
        }
        return lead + digits.substring(0, 2) + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 2);
    }

    static String email(String raw) {
        int at = raw.indexOf('@');
        int dot = raw.lastIndexOf('.');
        if (at <= 0 || dot < at) {
            return "***";
        }
        return raw.charAt(0) + "***@" + raw.charAt(at + 1) + "***" + raw.substring(dot);
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
    static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    static String fingerprint(Mac mac, String family, String normalised) {
        byte[] h = mac.doFinal((family + ':' + normalised).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h);
    }
}
