package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Detector.Norm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer-level fingerprint equals the string-level definition for every normalisation. */
class FingerprinterTest {

    private static final byte[] KEY = "fingerprinter-test-key".getBytes(StandardCharsets.UTF_8);

    private static String reference(Detector d, String raw) {
        return Masker.fingerprint(Masker.newMac(KEY), d.family, Masker.normalise(d.norm, raw));
    }

    @Test
    void equalsTheStringDefinitionForEveryNormAndValue() {
        List<String> values = List.of("123.456.782", "+31 6 1234 5678", "0031 6 12345678", "06-12345678",
                "0612345678", "612345678", "0", "00", "+", "", "NL91 ABNA 0417 1643 00", "nl91abna0417164300",
                "Jan.Jansen@Example.COM", "AKIAIOSFODNN7EXAMPLE", "2001:DB8::1", "ÄÖÜ-ñ 12", "İstanbul 0612",
                "straße 12", "\uD83D\uDE00 06 12345678", "x\ty\nz", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./");
        Fingerprinter fp = new Fingerprinter(KEY);
        for (Norm norm : Norm.values()) {
            Detector d = new Detector(0, "test." + norm, "TEST", "t", "t", io.dataguardian.engine.Severity.LOW,
                    List.of()).norm(norm).family("fam-" + norm.name().toLowerCase());
            for (String v : values) {
                char[] buf = ("<<" + v + ">>").toCharArray();
                assertThat(fp.of(d, buf, 2, 2 + v.length())).as(norm + " " + v).isEqualTo(reference(d, v));
            }
        }
    }

    @Test
    void equalsTheStringDefinitionOnRandomAsciiAndLongValues() {
        Random random = new Random(42);
        Fingerprinter fp = new Fingerprinter(KEY);
        for (int i = 0; i < 2000; i++) {
            char[] buf = new char[random.nextInt(600)];
            for (int k = 0; k < buf.length; k++) {
                buf[k] = (char) (random.nextInt(10) == 0 ? random.nextInt(0x3000) : random.nextInt(0x80));
            }
            int s = buf.length == 0 ? 0 : random.nextInt(buf.length);
            int e = s + (buf.length == s ? 0 : random.nextInt(buf.length - s + 1));
            Norm norm = Norm.values()[i % Norm.values().length];
            Detector d = new Detector(0, "r", "R", "r", "r", io.dataguardian.engine.Severity.LOW, List.of()).norm(norm);
            assertThat(fp.of(d, buf, s, e)).isEqualTo(reference(d, new String(buf, s, e - s)));
        }
    }
}
