package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Reader} gives the chars of the JDK's UTF-8 decoder with {@code CodingErrorAction.REPLACE} (read
 * through an InputStreamReader) for every input, however the bytes arrive and however the chars are asked for.
 */
class Utf8ReaderTest {

    /** Bytes around the edges of UTF-8: overlong, surrogate, beyond U+10FFFF, stray and impossible bytes. */
    private static final String[] EDGES = {"c0", "c1", "c2", "df", "e0", "e0 80", "e0 9f", "e0 a0", "e0 9f bf",
        "e0 a0 80", "ed 9f bf", "ed a0", "ed a0 80", "ed bf bf", "ee 80 80", "ef bf bf", "ef bf", "f0", "f0 8f",
        "f0 8f bf bf", "f0 90", "f0 90 80", "f0 90 80 80", "f0 c0", "f1 80 80 80", "f3 bf bf bf", "f4 8f bf bf",
        "f4 90", "f4 90 80 80", "f5", "f5 80 80 80", "f7 bf bf bf", "f8", "fb", "fc", "fe", "ff", "80", "bf", "41",
        "0a", "00", "7f", "c3 a9", "e2 82 ac", "f0 9f 98 80", "c3", "e2 82", "f0 9f 98"};

    @Test
    void explicitCasesDecodeAsTheJdkDoes() throws IOException {
        assertThat(decode(hex("48 c3 a9 6c 6c 6f"))).isEqualTo("H\u00e9llo");
        assertThat(decode(hex("f0 9f 98 80"))).isEqualTo("\ud83d\ude00");
        // a surrogate encoded in three bytes: one replacement for all three
        assertThat(decode(hex("ed a0 80 41"))).isEqualTo("\ufffdA");
        // a maximal valid prefix cut by a non-continuation: one replacement for the prefix
        assertThat(decode(hex("e2 82 41"))).isEqualTo("\ufffdA");
        assertThat(decode(hex("f0 9f 98 41"))).isEqualTo("\ufffdA");
        // overlong and out of range: one replacement per byte
        assertThat(decode(hex("e0 80 80"))).isEqualTo("\ufffd\ufffd\ufffd");
        assertThat(decode(hex("f4 90 80 80"))).isEqualTo("\ufffd\ufffd\ufffd\ufffd");
        assertThat(decode(hex("c0 af"))).isEqualTo("\ufffd\ufffd");
        // a valid prefix cut by the end of the input: one replacement
        assertThat(decode(hex("41 f0 9f 98"))).isEqualTo("A\ufffd");
        for (String a : EDGES) {
            for (String b : EDGES) {
                for (String c : new String[] {"", "41", "80", "e2 82 ac", "f0 9f 98 80"}) {
                    byte[] bytes = hex(a + " " + b + " " + c);
                    String expected = decode(bytes);
                    for (int size = 1; size <= 3; size++) {
                        assertThat(readAll(new Utf8Reader(new Chunked(bytes, new Random(size), 1), -1), size, null))
                                .as("%s %s %s read %d at a time", a, b, c, size).isEqualTo(expected);
                    }
                    Reader whole = new Utf8Reader(new ByteArrayInputStream(bytes), bytes.length);
                    assertThat(readAll(whole, 64, null)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void randomBytesDecodeAsTheJdkDoesInAnyChunking() throws IOException {
        Random random = new Random(20261129);
        for (int round = 0; round < 20_000; round++) {
            int length = round % 100 == 0 ? random.nextInt(300_000) : random.nextInt(120);
            byte[] bytes = randomText(random, length);
            String expected = decode(bytes);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
            int maxChunk = random.nextBoolean() ? 1 + random.nextInt(9) : 1 + random.nextInt(100_000);
            int maxRead = random.nextBoolean() ? 1 + random.nextInt(9) : 1 + random.nextInt(300_000);
            // the size hint sets the read buffer: unknown (64 KiB), exact, or too small for the input
            long size = switch (random.nextInt(3)) {
                case 0 -> -1;
                case 1 -> bytes.length;
                default -> random.nextInt(200);
            };
            Reader reader = new Utf8Reader(new Chunked(bytes, random, maxChunk), size);
            assertThat(readAll(reader, maxRead, random)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void theEndOfInputIsMinusOneAndAnEmptyReadIsZero() throws IOException {
        Reader reader = new Utf8Reader(new ByteArrayInputStream(hex("41")), 1);
        char[] c = new char[4];
        assertThat(reader.read(c, 0, 0)).isZero();
        assertThat(reader.read(c, 1, 3)).isEqualTo(1);
        assertThat(c[1]).isEqualTo('A');
        assertThat(reader.read(c, 0, 4)).isEqualTo(-1);
        assertThat(reader.read(c, 0, 4)).isEqualTo(-1);
    }

    /** The oracle: the JDK's decoder, replacing malformed input, behind an InputStreamReader. */
    private static String decode(byte[] bytes) throws IOException {
        StringWriter out = new StringWriter();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes),
                TextDecoding.decoder(StandardCharsets.UTF_8))) {
            r.transferTo(out);
        }
        return out.toString();
    }

    /** Reads everything, at most maxRead chars per call (a random count up to it when random is given). */
    private static String readAll(Reader reader, int maxRead, Random random) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[maxRead + 2];
        while (true) {
            int want = random == null ? maxRead : 1 + random.nextInt(maxRead);
            int off = random == null ? 0 : random.nextInt(3) % 2;
            int n = reader.read(buf, off, want);
            if (n < 0) {
                return sb.toString();
            }
            assertThat(n).isBetween(1, want);
            sb.append(buf, off, n);
        }
    }

    /** ASCII runs (some long, for the eight-byte steps), valid sequences, edge bytes and random high bytes. */
    private static byte[] randomText(Random random, int length) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(length + 8);
        while (out.size() < length) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    int run = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(12);
                    for (int i = 0; i < run; i++) {
                        out.write(0x20 + random.nextInt(0x5f));
                    }
                }
                case 1 -> out.writeBytes(new String(Character.toChars(randomCodePoint(random)))
                        .getBytes(StandardCharsets.UTF_8));
                case 2 -> out.writeBytes(hex(EDGES[random.nextInt(EDGES.length)]));
                case 3 -> out.write(0x80 + random.nextInt(0x80));
                case 4 -> {
                    // a valid sequence cut short
                    byte[] seq = new String(Character.toChars(randomCodePoint(random)))
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(seq, 0, random.nextInt(seq.length));
                }
                default -> out.write(random.nextInt(256));
            }
        }
        return out.toByteArray();
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> 0x80 + random.nextInt(0x780);
            case 1 -> {
                int cp = 0x800 + random.nextInt(0x10000 - 0x800);
                yield Character.isSurrogate((char) cp) ? 0xe9 : cp;
            }
            default -> 0x10000 + random.nextInt(0x100000);
        };
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    /** Hands its bytes out a random number (1 to maxChunk) at a time. */
    private static final class Chunked extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private final int maxChunk;
        private int pos;

        Chunked(byte[] bytes, Random random, int maxChunk) {
            this.bytes = bytes;
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - pos), 1 + random.nextInt(maxChunk));
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
