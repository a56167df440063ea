package io.dataguardian.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Compact UTF-8 JSON written straight into a byte buffer, for the one part of a report that is
 * written per finding (SARIF results): constant fragments are copied as precomputed bytes and only
 * the values are encoded. Strings are escaped byte for byte as the reports' Jackson generator
 * escapes them ({@code \" \\ \b \t \n \f \r}, other control characters as {@code \}{@code u00XX},
 * surrogate pairs as one 4-byte sequence, a lone surrogate as {@code \}{@code uXXXX}, everything
 * else as plain UTF-8), so a report reads the same whichever path wrote it; JsonBytesTest holds
 * them to that. Not thread-safe; the caller flushes.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 = as is, a character = backslash and it, -1 = backslash-u escape. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 32; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    /**
     * Per char: written as is (ASCII that needs no escape); index 128 stands for every char that is not
     * ASCII. One table test per char, without a branch for non-ASCII: each branch that the first value with
     * an escape or a non-ASCII char took had C2 recompile {@link #escaped}.
     */
    private static final boolean[] PLAIN = new boolean[129];

    static {
        for (int c = 0; c < 128; c++) {
            PLAIN[c] = ESCAPES[c] == 0;
        }
    }

    private final OutputStream out;
    private final byte[] buf;
    private int pos;
    private char[] chars = new char[256];

    JsonBytes(OutputStream out) {
        this(out, 1 << 16);
    }

    private JsonBytes(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[bufferSize];
    }

    /** The bytes of an ASCII constant fragment. */
    static byte[] ascii(String fragment) {
        return fragment.getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes {@link #string} writes for s: for fragments built once and copied many times. */
    static byte[] quoted(String s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(s.length() + 8);
        // a buffer just big enough (the one escape loop needs 12 bytes of room): one per new path in a report
        JsonBytes j = new JsonBytes(b, Math.max(16, Math.min(1 << 16, 6 * s.length() + 2)));
        try {
            j.string(s);
            j.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    void raw(byte[] b) throws IOException {
        if (b.length > buf.length - pos) {
            flushBuffer();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    void raw(char c) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) c;
    }

    void number(long v) throws IOException {
        if (buf.length - pos < 20) {
            flushBuffer();
        }
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                raw(ascii(Long.toString(v)));
                return;
            }
            buf[pos++] = '-';
            v = -v;
        }
        if (v <= Integer.MAX_VALUE) {
            // lines, columns, offsets and lengths: int arithmetic, cheaper than long division
            int x = (int) v;
            int digits = 1;
            for (int t = x; t >= 10; t /= 10) {
                digits++;
            }
            int end = pos + digits;
            for (int p = end - 1; p >= pos; p--) {
                buf[p] = (byte) ('0' + x % 10);
                x /= 10;
            }
            pos = end;
            return;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int p = end - 1; p >= pos; p--) {
            buf[p] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    /** A quoted, escaped string. */
    void string(String s) throws IOException {
        s.getChars(0, s.length(), chars(s.length()), 0);
        string(chars, s.length());
    }

    /**
     * s escaped, without quotes: a part of a string whose other parts are written around it. Escaping
     * is per character (a surrogate pair is one), so the parts give the bytes of the joined string as
     * long as no pair is split between two of them.
     */
    void stringPart(String s) throws IOException {
        s.getChars(0, s.length(), chars(s.length()), 0);
        escaped(chars, s.length());
    }

    /** A quoted, escaped string of sb's characters. */
    void string(StringBuilder sb) throws IOException {
        sb.getChars(0, sb.length(), chars(sb.length()), 0);
        string(chars, sb.length());
    }

    /** The reused char buffer, grown to hold at least n. */
    private char[] chars(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        return chars;
    }

    private void string(char[] c, int n) throws IOException {
        raw('"');
        escaped(c, n);
        raw('"');
    }

    private void escaped(char[] c, int n) throws IOException {
        // the stretch that needs no escape and is ASCII (all of nearly every value): found by a loop
        // without stores, then copied by one that C2 compiles tighter than the per-character one below
        int plain = 0;
        while (plain < n && PLAIN[Math.min(c[plain], 128)]) {
            plain++;
        }
        int i = 0;
        while (i < plain) {
            if (pos == buf.length) {
                flushBuffer();
            }
            int m = Math.min(plain - i, buf.length - pos);
            byte[] b = buf;
            int p = pos;
            for (int k = 0; k < m; k++) {
                b[p + k] = (byte) c[i + k];
            }
            pos = p + m;
            i += m;
        }
        if (i < n) {
            escapedFrom(c, i, n);
        }
    }

    /**
     * c[i, n) escaped, char by char: the rest of a string from its first char that needs an escape or is not
     * ASCII. A method of its own so that the branches of the rarer chars (a control char, a surrogate pair),
     * each first met late in a scan, recompile only it and not the plain path of every string.
     */
    private void escapedFrom(char[] c, int i, int n) throws IOException {
        while (i < n) {
            // worst case per character: 6 bytes (backslash-u escape); flush before a chunk
            if (buf.length - pos < 12) {
                flushBuffer();
            }
            int stop = Math.min(n, i + (buf.length - pos) / 6);
            byte[] b = buf;
            int p = pos;
            while (i < stop) {
                char ch = c[i];
                if (ch < 0x80) {
                    byte e = ESCAPES[ch];
                    if (e == 0) {
                        b[p++] = (byte) ch;
                    } else if (e > 0) {
                        b[p++] = '\\';
                        b[p++] = e;
                    } else {
                        p = unicodeEscape(b, p, ch);
                    }
                } else if (ch < 0x800) {
                    b[p++] = (byte) (0xC0 | (ch >> 6));
                    b[p++] = (byte) (0x80 | (ch & 0x3F));
                } else if (Character.isSurrogate(ch)) {
                    if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
                        int cp = Character.toCodePoint(ch, c[++i]);
                        b[p++] = (byte) (0xF0 | (cp >> 18));
                        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        b[p++] = (byte) (0x80 | (cp & 0x3F));
                    } else {
                        p = unicodeEscape(b, p, ch);
                    }
                } else {
                    b[p++] = (byte) (0xE0 | (ch >> 12));
                    b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (ch & 0x3F));
                }
                i++;
            }
            pos = p;
        }
    }

    private static int unicodeEscape(byte[] b, int p, char ch) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(ch >> 12) & 0xF];
        b[p++] = HEX[(ch >> 8) & 0xF];
        b[p++] = HEX[(ch >> 4) & 0xF];
        b[p++] = HEX[ch & 0xF];
        return p;
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** Writes the buffered bytes to the stream (which is not flushed itself). */
    void flush() throws IOException {
        flushBuffer();
    }
}
