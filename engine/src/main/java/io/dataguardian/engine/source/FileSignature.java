package io.dataguardian.engine.source;

import java.util.Arrays;

/** File signatures ("magic numbers"): how extractors recognise a format by its first bytes. */
final class FileSignature {

    private FileSignature() {
    }

    /** Whether the first bytes of a file ({@code head}, possibly shorter than a signature) begin with {@code magic}. */
    static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
