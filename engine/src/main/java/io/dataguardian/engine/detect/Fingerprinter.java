package io.dataguardian.engine.detect;

import io.dataguardian.engine.detect.Detector.Norm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The keyed fingerprint of a match, computed straight from the text buffer: the hex HMAC-SHA256 of
 * {@code family + ':' + normalised value}, exactly {@link Masker#fingerprint}{@code (mac, family,
 * Masker.normalise(norm, raw))}. For an ASCII value (nearly all of them) the normalised bytes are
 * written into a reused buffer, with no intermediate strings; anything else goes through
 * {@link Masker}. One instance per thread: it holds its {@link HmacSha256} and buffers.
 */
final class Fingerprinter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    static {
        // Loads SHA-1's digest class before C2 compiles the HMAC: the JDK loads it anyway when a scan makes its
        // first temporary file (SecureRandom seeding), often mid-scan when the finding store spills, and while
        // SHA-256 was the only DigestBase loaded C2 had compiled the fingerprint path on that assumption: the
        // load threw the compiled code away and it was compiled again (LogCompilation, 200 MB dense file).
        try {
            MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // no SHA-1 provider: nothing to load
        }
    }

    private final HmacSha256 mac;
    /**
     * Room for any built-in match (they are shorter than the scanner's overlap): grown only for a longer custom
     * rule's match, so the first long match (a PEM block) does not hit a branch compiled code never took.
     */
    private byte[] bytes = new byte[CatalogueScanner.DEFAULT_OVERLAP];
    private final byte[] digest = new byte[32];
    private final byte[] hex = new byte[64];

    Fingerprinter(byte[] key) {
        this.mac = Masker.newMac(key);
    }

    /** The fingerprint of b[s, e) as detector d normalises and groups it. */
    String of(Detector d, char[] b, int s, int e) {
        for (int p = s; p < e; p++) {
            if (b[p] >= 0x80) {
                return Masker.fingerprint(mac, d.family, Masker.normalise(d.norm, new String(b, s, e - s)));
            }
        }
        if (bytes.length < e - s + 2) {
            bytes = new byte[Math.max(e - s + 2, 2 * bytes.length)];
        }
        int n = normaliseAscii(d.norm, b, s, e, bytes);
        mac.update(d.familyKey());
        mac.update(bytes, 0, n);
        mac.doFinal(digest, 0);
        byte[] hex = this.hex;
        for (int i = 0; i < 32; i++) {
            int v = digest[i] & 0xFF;
            hex[2 * i] = HEX[v >>> 4];
            hex[2 * i + 1] = HEX[v & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link Masker#normalise} of an all-ASCII b[s, e) as bytes into out (room for e - s + 2);
     * returns the length. For ASCII, UTF-8 is one byte per char and the letter/digit and case
     * rules of {@link Character} reduce to the ASCII ranges.
     */
    static int normaliseAscii(Norm norm, char[] b, int s, int e, byte[] out) {
        int n = 0;
        switch (norm) {
            case DIGITS -> {
                for (int p = s; p < e; p++) {
                    char c = b[p];
                    if (c >= '0' && c <= '9') {
                        out[n++] = (byte) c;
                    }
                }
            }
            case PHONE -> {
                int from = 0;
                boolean plus = e > s && b[s] == '+';
                for (int p = s; p < e; p++) {
                    char c = b[p];
                    if (c >= '0' && c <= '9') {
                        out[n++] = (byte) c;
                    }
                }
                if (!plus) {
                    if (n >= 2 && out[0] == '0' && out[1] == '0') {
                        from = 2;
                    } else if (n >= 1 && out[0] == '0') {
                        // "0..." becomes "31...": one byte longer (room for it was asked)
                        System.arraycopy(out, 1, out, 2, n - 1);
                        out[0] = '3';
                        out[1] = '1';
                        n++;
                    }
                }
                if (from > 0) {
                    System.arraycopy(out, from, out, 0, n - from);
                    n -= from;
                }
            }
            case UPPER_ALNUM -> {
                for (int p = s; p < e; p++) {
                    char c = b[p];
                    if (c >= 'a' && c <= 'z') {
                        out[n++] = (byte) (c - 32);
                    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                        out[n++] = (byte) c;
                    }
                }
            }
            case LOWER -> {
                for (int p = s; p < e; p++) {
                    char c = b[p];
                    out[n++] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
                }
            }
            case RAW -> {
                for (int p = s; p < e; p++) {
                    out[n++] = (byte) b[p];
                }
            }
        }
        return n;
    }
}
