package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Detector.Mask;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The masks made from the text's chars equal the masking rules of docs/detectors.md, written here once more in the
 * plainest String form (the form the product used before it masked from the buffer), for every mask and value.
 */
class MaskerTest {

    private static final String ALPHABET = "0123456789 +-.@:/_abcxyzABCXYZ\tÄñß٣\uD83D\uDE00";

    private static void assertSameMask(Mask mask, String v) {
        String expected;
        try {
            expected = reference(mask, v);
        } catch (RuntimeException e) {
            return; // a value the mask's detector never matches (an IPv4 mask without a '.')
        }
        char[] buf = ("<<" + v + ">>").toCharArray();
        assertThat(Masker.mask(mask, buf, 2, 2 + v.length())).as(mask + " " + v).isEqualTo(expected);
    }

    /** The String masks, the reference; the masks made from Strings in the product too for the other kinds. */
    private static String reference(Mask mask, String raw) {
        return switch (mask) {
            case LAST2 -> keepLast(raw, 2);
            case LAST4 -> keepLast(raw, 4);
            case IBAN -> keepFirstLast(raw, 2, 2);
            case KEEP2 -> keepFirstLast(raw, 2, 0);
            case PHONE -> phone(raw);
            case EMAIL -> email(raw);
            case POSTCODE -> raw.length() >= 2 ? raw.substring(0, 2) + "** **" : "****";
            case DATE -> stars(raw, 0);
            case WORD -> stars(raw, 1);
            case SECRET -> "********";
            default -> Masker.mask(mask, raw);
        };
    }

    private static String stars(String raw, int keep) {
        char[] c = raw.toCharArray();
        for (int i = keep; i < c.length; i++) {
            if (Character.isLetterOrDigit(c[i])) {
                c[i] = '*';
            }
        }
        return new String(c);
    }

    private static String keepLast(String raw, int n) {
        long alnum = raw.chars().filter(Character::isLetterOrDigit).count();
        StringBuilder sb = new StringBuilder(raw.length());
        int seen = 0;
        for (char c : raw.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                seen++;
                sb.append(seen > alnum - n ? c : '*');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String keepFirstLast(String raw, int first, int last) {
        String compact = raw.replace(" ", "");
        if (compact.length() <= first + last) {
            return "*".repeat(compact.length());
        }
        return compact.substring(0, first) + "*".repeat(compact.length() - first - last)
                + compact.substring(compact.length() - last);
    }

    private static String phone(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        String lead = raw.startsWith("+") ? "+" : "";
        if (digits.length() < 6) {
            return lead + "*".repeat(digits.length());
        }
        return lead + digits.substring(0, 2) + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 2);
    }

    private static String email(String raw) {
        int at = raw.indexOf('@');
        int dot = raw.lastIndexOf('.');
        if (at <= 0 || dot < at) {
            return "***";
        }
        return raw.charAt(0) + "***@" + raw.charAt(at + 1) + "***" + raw.substring(dot);
    }

    @Test
    void equalsTheStringMaskForEveryMaskAndValue() {
        List<String> values = List.of("123456782", "123.456.782", "+31 6 1234 5678", "0031 6 12345678",
                "06-12345678", "+3161", "12345", "1", "+", "x", "NL91 ABNA 0417 1643 00", "NL91", "nl9",
                "Jan.Jansen@Example.COM", "a@b", "@b.nl", "a@.nl", "j@example.nl", "1985-03-12", "12 maart 1985",
                "1234 AB", "1", "AKIAIOSFODNN7EXAMPLE", "2001:DB8::1", "192.168.1.20", "ÄÖÜ-ñ 12", "٣٣٣٣٣٣",
                "\uD83D\uDE00 06 12345678", "Jan de Vries", "diabetes");
        for (Mask mask : Mask.values()) {
            for (String v : values) {
                assertSameMask(mask, v);
            }
        }
    }

    @Test
    void equalsTheStringMaskOnRandomValues() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1 + random.nextInt(30); n > 0; n--) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            for (Mask mask : Mask.values()) {
                assertSameMask(mask, sb.toString());
            }
        }
    }
}
