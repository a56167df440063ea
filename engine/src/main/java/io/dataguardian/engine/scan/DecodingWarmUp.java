package io.dataguardian.engine.scan;

import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FindingSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A start-up warm-up of the path a text file takes: UTF-8 bytes through the scan's decoder into the streaming
 * scanner. Until the JIT has compiled them, the decoder's ASCII loop (a VarHandle read per eight bytes, dozens of
 * interpreted calls each) and the scanner's loops run in the interpreter: in a JFR recording of the 200 MB clean
 * file's scan on one thread, half the scan thread's samples of its first 0.4 s. A few dozen KB decoded and scanned
 * on another thread at the same time get them compiled sooner. The text is made up: prose in Dutch and English with a non-ASCII letter now and then, a
 * log line and a CSV row, the cue words the detectors look for and numbers that are no identifier; it holds no personal data.
 */
public final class DecodingWarmUp {

    /** About 64 KB: enough calls and loop turns for the first (C1) compilation of the hot methods. */
    public static final int BYTES = 64 * 1024;

    private static final String LINES = "De cliënt schreef op 12 maart over bestelling 4711, café en reünie; "
            + "the customer wrote about order 20231, invoice total 1.234,56 EUR (email, iban, bsn, telefoon, "
            + "geboortedatum, password, naam) versie 3.2.1 op pagina 17 van 240.\n"
            + "2024-01-15 10:23:45 INFO [main] GET /api/v1/orders/98765 took 123 ms status=200 ref=AB-12CD "
            + "retry=3 host=node-7 user=beheer\n"
            + "17;Utrecht;1.250,00;ja;01/04/2021;OK-55;\"Deelnemer\";x=0x1F; timeout: 30s # zie ook HOOFDSTUK 4\n";

    private DecodingWarmUp() {
    }

    /** The warm-up text of about {@code size} chars (whole lines, at least one), as UTF-8 bytes. */
    static byte[] text(int size) {
        StringBuilder sb = new StringBuilder(size + LINES.length());
        do {
            sb.append(LINES);
        } while (sb.length() < size);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes about {@code size} chars of the warm-up text as a scan decodes a UTF-8 file and streams them through
     * {@code scanner}.
     */
    public static void scan(TextScanner scanner, FindingSink sink, int size) throws IOException {
        byte[] bytes = text(size);
        scanner.scan(TextDecoding.reader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, bytes.length),
                "warm-up", null, sink);
    }
}
