package io.dataguardian.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

class JsonBytesTest {

    /** The bytes the reports' generator writes for one string value. */
    private static byte[] jackson(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.compactGenerator(out)) {
            g.writeString(s);
        }
        return out.toByteArray();
    }

    private static byte[] ours(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonBytes j = new JsonBytes(out);
        j.string(s);
        j.flush();
        return out.toByteArray();
    }

    @Test
    void escapesStringsExactlyAsTheGeneratorDoes() throws IOException {
        String[] cases = {"", "plain ascii", "q\"uote\\back/slash", "\u0000\u0001\b\t\n\f\r\u001f\u007f",
            "é ß € 中", "\uD83D\uDE00 pair", "lone \uD83D high", "lone \uDE00 low", "end high \uD83D",
            "\uDE00\uD83D reversed", "\u2028\u2029", "\uFFFF\uFFFE"};
        for (String s : cases) {
            assertThat(ours(s)).as(s).isEqualTo(jackson(s));
        }
    }

    @Test
    void escapesRandomStringsExactlyAsTheGeneratorDoes() throws IOException {
        Random random = new Random(42);
        char[] pool = {'a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u0080',
            '\u07ff', '\u0800', 'é', '€', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFF'};
        for (int n = 0; n < 5_000; n++) {
            int length = random.nextInt(n < 4_900 ? 40 : 70_000);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(random.nextInt(4) == 0 ? pool[random.nextInt(pool.length)] : (char) random.nextInt(0x10000));
            }
            String s = sb.toString();
            assertThat(ours(s)).isEqualTo(jackson(s));
        }
    }

    @Test
    void writesNumbersAsDecimalText() throws IOException {
        long[] values = {0, 7, 9, 10, 99, 100, 12345, -1, -10, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonBytes j = new JsonBytes(out);
        StringBuilder expected = new StringBuilder();
        for (long v : values) {
            j.number(v);
            j.raw(',');
            expected.append(v).append(',');
        }
        j.flush();
        assertThat(out.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }
}
