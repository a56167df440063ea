package io.dataguardian.engine.detect;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over two SHA-256 {@link MessageDigest}s: the same bytes as {@code javax.crypto.Mac}
 * "HmacSHA256", without the JCE. The MAC comes from the SunJCE provider, fifth in the JDK's list, and finding it
 * loads and initialises the providers before it (SunRsaSign, SunEC, SunJSSE) and what they pull in: ~25-30 ms of
 * the CLI's start-up, on its critical path, against a SHA-256 digest from the first provider. Per message the
 * work is the JCE's: the inner digest keyed with ipad, then the outer one over opad and the inner result.
 * Not thread-safe: one per thread, like the MAC it replaces.
 */
final class HmacSha256 {

    static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private final MessageDigest inner = sha256();
    private final MessageDigest outer = sha256();
    private final byte[] ipad = new byte[BLOCK];
    private final byte[] opad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    /** @throws IllegalArgumentException for an empty key, as {@code SecretKeySpec} does */
    HmacSha256(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("Empty key");
        }
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
        inner.update(ipad);
    }

    void update(byte[] b) {
        inner.update(b);
    }

    void update(byte[] b, int off, int len) {
        inner.update(b, off, len);
    }

    /** Writes the MAC of everything updated since the last call to out[off, off + 32) and starts over. */
    void doFinal(byte[] out, int off) {
        try {
            inner.digest(innerHash, 0, LENGTH);
            outer.update(opad);
            outer.update(innerHash);
            outer.digest(out, off, LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e); // room for 32 bytes is always given
        }
        inner.update(ipad);
    }

    /** The MAC of everything updated since the last call and then of {@code b}, as a new array; starts over. */
    byte[] doFinal(byte[] b) {
        update(b);
        byte[] out = new byte[LENGTH];
        doFinal(out, 0);
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
