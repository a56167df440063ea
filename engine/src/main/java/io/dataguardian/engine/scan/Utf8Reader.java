package io.dataguardian.engine.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 like {@code new InputStreamReader(in, UTF_8 decoder with CodingErrorAction.REPLACE)}: the same
 * chars for every input, malformed or not, however the bytes arrive. It is faster on text that is mostly ASCII
 * with a non-ASCII letter now and then: the JDK 17 decoder takes its fast ASCII path only at the start of each
 * decode call and goes byte by byte after the first multi-byte sequence, while this reader returns to its ASCII
 * path (eight bytes per step to find the run, intrinsics to widen it) after every one.
 *
 * <p>Malformed input becomes U+FFFD exactly as {@code sun.nio.cs.UTF_8} decides it: one replacement per
 * malformed byte or per maximal valid prefix of a sequence, one for a UTF-16 surrogate encoded in three bytes,
 * and one for a valid prefix cut off by the end of the input. Not thread-safe.
 */
final class Utf8Reader extends Reader {

    private static final char REPLACEMENT = '\uFFFD';
    /** Most bytes read at a time: reads this large go past a BufferedInputStream's buffer. */
    private static final int BLOCK = 1 << 16;
    /** Fewest bytes read at a time, for a tiny file: room for a cut sequence and the bytes after it. */
    private static final int MIN_BLOCK = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** ASCII runs shorter than this are widened char by char: the decoder call costs more than it saves on them. */
    private static final int SHORT_RUN = 32;

    private final InputStream in;
    /** Undecoded bytes are bytes[pos, lim): at most the three bytes of a sequence cut by the last read. */
    private final byte[] bytes;
    private int pos;
    private int lim;
    private boolean eof;
    /** The low surrogate of a pair whose high surrogate filled the caller's buffer. */
    private char pendingLow;
    private boolean hasPendingLow;
    /** Widens ASCII runs (ASCII is Latin-1) with the JVM's intrinsic, from {@link #bytes} to the caller's array. */
    private final CharsetDecoder latin1 = StandardCharsets.ISO_8859_1.newDecoder();
    private final ByteBuffer byteView;
    private char[] charsOfView;
    private CharBuffer charView;

    /**
     * @param size the input's size in bytes, or -1 when unknown: no 64 KiB buffer for a file of a few hundred
     *             bytes
     */
    Utf8Reader(InputStream in, long size) {
        this.in = in;
        this.bytes = new byte[(int) (size < 0 ? BLOCK : Math.max(MIN_BLOCK, Math.min(BLOCK, size + 1)))];
        this.byteView = ByteBuffer.wrap(bytes);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        int dp = off;
        int dl = off + len;
        if (hasPendingLow) {
            cbuf[dp++] = pendingLow;
            hasPendingLow = false;
        }
        while (dp < dl) {
            dp = decode(cbuf, dp, dl);
            if (dp == dl) {
                break;
            }
            // the bytes ran out, or only a cut sequence is left: read more
            if (!fill()) {
                if (pos < lim) {
                    cbuf[dp++] = REPLACEMENT; // a valid prefix cut by the end of the input
                    pos = lim;
                }
                break;
            }
        }
        int n = dp - off;
        return n == 0 ? -1 : n;
    }

    /** Moves the undecoded rest to the front and reads after it; false at the end of the input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int rest = lim - pos;
        System.arraycopy(bytes, pos, bytes, 0, rest);
        pos = 0;
        lim = rest;
        int n = in.read(bytes, rest, bytes.length - rest);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    /**
     * Decodes bytes[pos, lim) into dst[dp, dl) until one of them is used up or only a sequence cut by lim is
     * left; the same decisions, in the same order, as {@code sun.nio.cs.UTF_8.Decoder.decodeArrayLoop}.
     *
     * @return the new dp
     */
    private int decode(char[] dst, int dp, int dl) {
        byte[] src = bytes;
        int sp = pos;
        int sl = lim;
        while (sp < sl && dp < dl) {
            int b1 = src[sp];
            if (b1 >= 0) {
                int n = ascii(src, sp, Math.min(sl - sp, dl - dp), dst, dp);
                sp += n;
                dp += n;
            } else if ((b1 >> 5) == -2 && (b1 & 0x1e) != 0) {
                // 110xxxxx 10xxxxxx, lead C2..DF
                if (sl - sp < 2) {
                    break;
                }
                int b2 = src[sp + 1];
                if (notContinuation(b2)) {
                    dst[dp++] = REPLACEMENT;
                    sp++;
                } else {
                    dst[dp++] = (char) (((b1 & 0x1f) << 6) | (b2 & 0x3f));
                    sp += 2;
                }
            } else if ((b1 >> 4) == -2) {
                // 1110xxxx 10xxxxxx 10xxxxxx
                if (sl - sp < 3) {
                    if (sl - sp > 1 && badSecondOf3(b1, src[sp + 1])) {
                        dst[dp++] = REPLACEMENT;
                        sp++;
                        continue;
                    }
                    break;
                }
                int b2 = src[sp + 1];
                int b3 = src[sp + 2];
                if (badSecondOf3(b1, b2)) {
                    dst[dp++] = REPLACEMENT;
                    sp++;
                } else if (notContinuation(b3)) {
                    dst[dp++] = REPLACEMENT;
                    sp += 2;
                } else {
                    char c = (char) (((b1 & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f));
                    // a surrogate encoded on its own: one replacement for all three bytes
                    dst[dp++] = Character.isSurrogate(c) ? REPLACEMENT : c;
                    sp += 3;
                }
            } else if ((b1 >> 3) == -2) {
                // 11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
                int lead = b1 & 0xff;
                if (sl - sp < 4) {
                    if (lead > 0xf4 || sl - sp > 1 && badSecondOf4(lead, src[sp + 1])) {
                        dst[dp++] = REPLACEMENT;
                        sp++;
                        continue;
                    }
                    if (sl - sp > 2 && notContinuation(src[sp + 2])) {
                        dst[dp++] = REPLACEMENT;
                        sp += 2;
                        continue;
                    }
                    break;
                }
                int b2 = src[sp + 1];
                int b3 = src[sp + 2];
                int b4 = src[sp + 3];
                if (lead > 0xf4 || badSecondOf4(lead, b2)) {
                    dst[dp++] = REPLACEMENT;
                    sp++;
                } else if (notContinuation(b3)) {
                    dst[dp++] = REPLACEMENT;
                    sp += 2;
                } else if (notContinuation(b4)) {
                    dst[dp++] = REPLACEMENT;
                    sp += 3;
                } else {
                    int cp = ((lead & 0x07) << 18) | ((b2 & 0x3f) << 12) | ((b3 & 0x3f) << 6) | (b4 & 0x3f);
                    dst[dp++] = Character.highSurrogate(cp);
                    if (dp < dl) {
                        dst[dp++] = Character.lowSurrogate(cp);
                    } else {
                        pendingLow = Character.lowSurrogate(cp);
                        hasPendingLow = true;
                    }
                    sp += 4;
                }
            } else {
                // a continuation byte without a lead, C0, C1 or F8..FF
                dst[dp++] = REPLACEMENT;
                sp++;
            }
        }
        pos = sp;
        return dp;
    }

    /**
     * Copies the ASCII bytes at src[sp, sp + max) to dst[dp...], up to the first other byte, and returns their
     * number: finds the run eight bytes at a time, then widens it with the JVM's vectorised intrinsic (ASCII is
     * Latin-1, and the JDK's Latin-1 decoder inflates a whole array range in one call), 2.5x as fast as a
     * char-by-char loop, which C2 does not vectorise. The decoder and the buffers over {@link #bytes} and the
     * caller's array are kept, so a run allocates nothing (a temporary Latin-1 String per run did: as many bytes
     * of garbage as the file has). A method of its own so that its loop's many iterations get it compiled by C2
     * early in a file; decode's loop turns only once per run or sequence.
     */
    private int ascii(byte[] src, int sp, int max, char[] dst, int dp) {
        int n = 0;
        while (n <= max - Long.BYTES && ((long) LONGS.get(src, sp + n) & HIGH_BITS) == 0) {
            n += Long.BYTES;
        }
        while (n < max && src[sp + n] >= 0) {
            n++;
        }
        if (n >= SHORT_RUN) {
            widen(sp, n, dst, dp);
        } else {
            for (int i = 0; i < n; i++) {
                dst[dp + i] = (char) src[sp + i];
            }
        }
        return n;
    }

    /** Widens bytes[sp, sp + n), all ASCII, into dst[dp, dp + n). */
    private void widen(int sp, int n, char[] dst, int dp) {
        if (dst != charsOfView) {
            charView = CharBuffer.wrap(dst);
            charsOfView = dst;
        }
        byteView.limit(sp + n).position(sp);
        charView.limit(dp + n).position(dp);
        latin1.decode(byteView, charView, false); // Latin-1 maps every byte and fits: always UNDERFLOW, all taken
    }

    private static boolean notContinuation(int b) {
        return (b & 0xc0) != 0x80;
    }

    /** A second byte that cannot follow this three-byte lead: not a continuation, or an overlong E0 80..9F. */
    private static boolean badSecondOf3(int b1, int b2) {
        return (b1 == (byte) 0xe0 && (b2 & 0xe0) == 0x80) || notContinuation(b2);
    }

    /**
     * A second byte that cannot follow this four-byte lead: overlong F0 80..8F, beyond U+10FFFF F4 90..BF, or not
     * a continuation.
     */
    private static boolean badSecondOf4(int lead, int b2) {
        int u2 = b2 & 0xff;
        return (lead == 0xf0 && (u2 < 0x90 || u2 > 0xbf)) || (lead == 0xf4 && (u2 & 0xf0) != 0x80)
                || notContinuation(b2);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
