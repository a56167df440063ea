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
    void writesLongMostlyAsciiStringsAcrossBufferBoundariesAsTheGeneratorDoes() throws IOException {
        // many values in one writer, so stretches of plain ASCII start anywhere in its buffer and span flushes
        Random random = new Random(7);
        char[] special = {'"', '\\', '\n', '\u0001', 'é', '€', '\uD83D', '\uDE00'};
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        JsonBytes j = new JsonBytes(ours);
        try (JsonGenerator g = Json.compactGenerator(theirs)) {
            g.writeStartArray();
            for (int n = 0; n < 400; n++) {
                int length = random.nextInt(n % 50 == 0 ? 150_000 : 300);
                StringBuilder sb = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    sb.append(random.nextInt(200) == 0 ? special[random.nextInt(special.length)]
                            : (char) (' ' + random.nextInt(95)));
                }
                g.writeString(sb.toString());
                j.raw(n == 0 ? '[' : ',');
                j.string(sb.toString());
            }
            g.writeEndArray();
        }
        j.raw(']');
        j.flush();
        assertThat(ours.toByteArray()).isEqualTo(theirs.toByteArray());
    }

    @Test
    void partsJoinedAtAsciiCharactersGiveTheBytesOfTheJoinedString() throws IOException {
        Random random = new Random(11);
        char[] pool = {'a', ' ', '"', '\\', '\n', '\u0000', 'é', '€', '\uD83D', '\uDE00', '\uFFFF'};
        for (int n = 0; n < 2_000; n++) {
            String a = randomText(random, pool);
            String b = randomText(random, pool);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonBytes j = new JsonBytes(out);
            j.raw('"');
            j.stringPart(a);
            j.raw(' ');
            j.stringPart(b);
            j.raw('"');
            j.flush();
            assertThat(out.toByteArray()).isEqualTo(jackson(a + " " + b)).isEqualTo(JsonBytes.quoted(a + " " + b));
        }
    }

    private static String randomText(Random random, char[] pool) {
        int length = random.nextInt(30);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(random.nextBoolean() ? pool[random.nextInt(pool.length)] : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    @Test
    void writesNumbersAsDecimalText() throws IOException {
        long[] values = {0, 7, 9, 10, 99, 100, 12345, -1, -10, 999_999_999, 1_000_000_000, Integer.MAX_VALUE,
            Integer.MAX_VALUE + 1L, Integer.MIN_VALUE, 9_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE};
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
