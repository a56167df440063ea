package io.dataguardian.engine.scan;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Binary detection and charset choice from the first bytes of a file. */
final class TextDecoding {

    static final int HEAD_BYTES = 8192;

    /** The charset to decode with and the number of BOM bytes to skip. */
    record Encoding(Charset charset, int bomLength) {
    }

    private TextDecoding() {
    }

    /**
     * Binary when the head has a NUL byte (and no UTF-16 BOM) or more than 10% control characters
     * other than tab, line feed, carriage return, form feed, backspace and escape.
     */
    static boolean looksBinary(byte[] head, int len) {
        if (len == 0 || hasUtf16Bom(head, len)) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < len; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\b' && b != 0x1b)
                    || b == 0x7f) {
                control++;
            }
        }
        return control * 10 > len;
    }

    /**
     * UTF-16 LE/BE when there is a BOM; UTF-8 (BOM skipped) when the head is valid UTF-8;
     * ISO-8859-1 otherwise.
     *
     * @param complete true when the head holds the whole content
     */
    static Encoding detect(byte[] head, int len, boolean complete) {
        if (len >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        if (len >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (len >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        return validUtf8(head, len, complete) ? new Encoding(StandardCharsets.UTF_8, 0)
                : new Encoding(StandardCharsets.ISO_8859_1, 0);
    }

    /**
     * A reader that replaces malformed input rather than failing: UTF-8 through {@link Utf8Reader} (the same
     * chars as the JDK's decoder, decoded faster), other charsets through the JDK's decoder.
     *
     * @param size the content's size in bytes, or -1 when unknown: a small file gets a small read buffer
     */
    static Reader reader(InputStream in, Charset charset, long size) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return new Utf8Reader(in, size);
        }
        return new InputStreamReader(in, decoder(charset));
    }

    /** A decoder that replaces malformed input rather than failing. */
    static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static boolean hasUtf16Bom(byte[] head, int len) {
        return len >= 2 && (((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)
                || ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE));
    }

    private static boolean validUtf8(byte[] head, int len, boolean complete) {
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (head[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(len + 1);
        // endOfInput=false for a partial head: a sequence cut at the 8 KiB boundary is not an error.
        CoderResult r = d.decode(ByteBuffer.wrap(head, 0, len), out, complete);
        return !r.isError();
    }
}
