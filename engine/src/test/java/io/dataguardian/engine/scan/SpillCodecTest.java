package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact spill encoding gives back every finding exactly, whatever its fields hold. */
class SpillCodecTest {

    private static final String FP = "0f1e2d3c4b5a69788796a5b4c3d2e1f00123456789abcdef0123456789abcdef";

    private static Finding finding(String path, String section, String fingerprint, double confidence, int line,
                                   long offset, Map<String, String> attributes, List<String> articles,
                                   String snippet) {
        return new Finding("nl.bsn", "BSN", Severity.CRITICAL, confidence, articles,
                new Location(path, section, line, 7, line + 1, 3, offset, 11), "*******82", fingerprint, snippet, 1,
                attributes);
    }

    private static List<Finding> roundTrip(List<Finding> findings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpillCodec.Writer w = new SpillCodec.Writer(bytes)) {
            for (Finding f : findings) {
                w.write(f);
            }
            w.end();
        }
        List<Finding> back = new ArrayList<>();
        try (SpillCodec.Reader r = new SpillCodec.Reader(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (Finding f = r.next(); f != null; f = r.next()) {
                back.add(f);
            }
        }
        return back;
    }

    @Test
    void everyFieldComesBackEqual() throws IOException {
        List<Finding> in = new ArrayList<>();
        List<String> art9 = List.of("GDPR Art. 9", "UAVG Art. 46");
        in.add(finding("a/b.txt", null, FP, 0.93, 1, 0, Map.of(), art9, "BSN: *******82 van cliënt"));
        // the same strings again (dictionary references), other numbers
        in.add(finding("a/b.txt", null, FP, 0.1 + 0.2, 123_456, 9_876_543_210L, Map.of(), art9, "x"));
        // no location, no fingerprint, empty and non-ASCII texts, attributes, a non-hex fingerprint
        in.add(new Finding("custom.rule", "CUSTOM", Severity.LOW, 0.5, List.of(), null, "", null, "", 3,
                Map.of("method", "column-name", "share", "0.75")));
        in.add(finding("dir/ü ñ 日本.csv", "column e-mail", "not-a-hex-fingerprint", 0.99, 2, 5,
                Map.of("rows", "12"), List.of(), "naïve € \uD83D\uDE00 snippet"));
        in.add(finding("a/b.txt", "$.customers[*].email", FP.toUpperCase(), -0.0, 0, 0, Map.of(), art9, "s"));
        // negative numbers a Location allows, extreme values
        in.add(new Finding("d", "E", Severity.MEDIUM, Double.MIN_VALUE, List.of("x"),
                new Location("p", "", -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, Long.MAX_VALUE, -5), "m", FP, "",
                Integer.MAX_VALUE, Map.of()));
        // a snippet longer than the codec's buffers
        char[] big = new char[200_000];
        Arrays.fill(big, 'é');
        in.add(finding("a/b.txt", null, FP, 0.7, 9, 99, Map.of(), art9, new String(big)));

        List<Finding> out = roundTrip(in);

        assertThat(out).containsExactlyElementsOf(in);
        for (int i = 0; i < in.size(); i++) {
            assertThat(Double.doubleToRawLongBits(out.get(i).confidence()))
                    .isEqualTo(Double.doubleToRawLongBits(in.get(i).confidence()));
        }
        // repeated texts are shared, not copied per finding
        assertThat(out.get(1).location().path()).isSameAs(out.get(0).location().path());
        assertThat(out.get(1).articles()).isSameAs(out.get(0).articles());
    }

    @Test
    void pastTheDictionaryBoundTextsAreWrittenInFull() throws IOException {
        List<Finding> in = new ArrayList<>();
        for (int i = 0; i < SpillCodec.MAX_ENTRIES + 500; i++) {
            in.add(finding("dir/file-" + i + ".txt", i % 2 == 0 ? null : "sheet " + i, FP, 0.8, i, i,
                    Map.of(), List.of("GDPR Art. " + (i % 50)), "snippet " + i));
        }
        in.add(finding("dir/file-1.txt", null, FP, 0.8, 1, 1, Map.of(), List.of(), "again"));
        // one instance past the bound on consecutive findings: written in full each time, not remembered
        String late = "dir/late.txt";
        in.add(finding(late, late, FP, 0.8, 2, 2, Map.of(), List.of(), "late"));
        in.add(finding(late, late, FP, 0.8, 3, 3, Map.of(), List.of(), "late again"));
        assertThat(roundTrip(in)).containsExactlyElementsOf(in);
    }

    @Test
    void aTruncatedRunIsAnError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpillCodec.Writer w = new SpillCodec.Writer(bytes)) {
            w.write(finding("a.txt", null, FP, 0.9, 1, 0, Map.of(), List.of(), "snippet text"));
            w.end();
        }
        byte[] whole = bytes.toByteArray();
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        SpillCodec.Reader r = new SpillCodec.Reader(new ByteArrayInputStream(cut));
        assertThatThrownBy(r::next).isInstanceOf(EOFException.class);
        assertThat(new String(whole, StandardCharsets.ISO_8859_1)).doesNotContain(FP);
    }

    @Test
    void oneEntryAttributesComeBackEachWithItsOwnValue() throws IOException {
        List<Finding> in = new ArrayList<>();
        String[] hints = {"EMAIL", "EMAIL", "IBAN", "EMAIL", null, "IBAN"};
        for (int i = 0; i < hints.length; i++) {
            Map<String, String> attributes = hints[i] == null ? Map.of() : Map.of("nameHint", new String(hints[i]));
            in.add(finding("a.csv", "column x", FP, 0.9, i + 1, i, attributes, List.of(), "s"));
        }
        List<Finding> out = roundTrip(in);
        assertThat(out).containsExactlyElementsOf(in);
        // the same entry again: the map read before serves again
        assertThat(out.get(1).attributes()).isSameAs(out.get(0).attributes());
    }
}
