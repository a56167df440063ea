package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Detector.Mask;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer-level mask equals the string-level one for every mask and value. */
class MaskerTest {

    private static final String ALPHABET = "0123456789 +-.@:/_abcxyzABCXYZ\tÄñß٣\uD83D\uDE00";

    private static void assertSameMask(Mask mask, String v) {
        String expected;
        try {
            expected = Masker.mask(mask, v);
        } catch (RuntimeException e) {
            return; // a value the mask's detector never matches (an IPv4 mask without a '.')
        }
        char[] buf = ("<<" + v + ">>").toCharArray();
        assertThat(Masker.mask(mask, buf, 2, 2 + v.length())).as(mask + " " + v).isEqualTo(expected);
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
