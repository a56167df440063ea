package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.finding.Finding;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A text scanned in blocks on several threads gives exactly the findings of the one-thread scan: the same matches,
 * lines, columns, offsets, snippets, in the same order, whatever the line ends, the characters and where the block
 * boundaries fall (small chunks and blocks here, so a text of a few KB has dozens of them).
 */
class ParallelBlocksTest {

    static final ExecutorService WORKERS = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        WORKERS.shutdownNow();
    }

    static CatalogueScanner small(int blockChunks) {
        return new CatalogueScanner(Detectors.ALL, StreamingScannerTest.SETTINGS, 64, 48).blockChunks(blockChunks);
    }

    static List<Finding> parallel(CatalogueScanner scanner, Reader text, int parallelism) throws IOException {
        StreamingScannerTest.Collect sink = new StreamingScannerTest.Collect();
        scanner.scan(text, "a/b.txt", "s", sink, WORKERS, parallelism);
        return sink.findings;
    }

    static String randomText(Random random) {
        String[] ends = {"\n", "\r\n", "\r", "\n\r", "\r\r\n", "\t\n", ""};
        String[] pieces = {" mail jan%d@example.nl ", " IBAN NL91 ABNA 0417 1643 00 ", " bsn 111222333 ",
            " tel 06-12345678 ", " café über 🙂 naïve ", " patiënt met diabetes ", " geboortedatum: 12-03-1985 ",
            " 192.168.1.%d ", " card 4111 1111 1111 1111 ", " password=xK9#mP2$vL5qR8tZ ", " Naam: Jan de Vries ",
            "-----BEGIN RSA PRIVATE KEY-----\r\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t\r\n"
                    + "-----END RSA PRIVATE KEY-----"};
        StringBuilder sb = new StringBuilder();
        int n = 40 + random.nextInt(120);
        for (int i = 0; i < n; i++) {
            sb.append("x".repeat(random.nextInt(random.nextInt(10) == 0 ? 400 : 40)));
            sb.append(String.format(pieces[random.nextInt(pieces.length)], i));
            sb.append(ends[random.nextInt(ends.length)]);
        }
        return sb.toString();
    }

    @Test
    void blocksGiveTheFindingsOfTheOneThreadScan() throws IOException {
        Random random = new Random(11);
        int compared = 0;
        for (int round = 0; round < 150; round++) {
            String text = randomText(random);
            int blockChunks = 1 + random.nextInt(3);
            CatalogueScanner scanner = small(blockChunks);
            StreamingScannerTest.Collect sink = new StreamingScannerTest.Collect();
            scanner.scan(new StringReader(text), "a/b.txt", "s", sink);
            List<Finding> sequential = sink.findings;
            for (int parallelism = 2; parallelism <= 3; parallelism++) {
                // a reader that hands out a few chars at a time, as a decoder does
                Reader trickle = new java.io.FilterReader(new StringReader(text)) {
                    @Override
                    public int read(char[] cbuf, int off, int len) throws IOException {
                        return super.read(cbuf, off, Math.min(len, 1 + random.nextInt(200)));
                    }
                };
                assertThat(parallel(scanner, trickle, parallelism))
                        .as("round %d, %d chars, blocks of %d chunks, %d threads", round, text.length(), blockChunks,
                                parallelism)
                        .containsExactlyElementsOf(sequential);
            }
            compared += sequential.size();
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    @Test
    void emptyAndShortTextsAndOneThread() throws IOException {
        CatalogueScanner scanner = small(1);
        assertThat(parallel(scanner, new StringReader(""), 2)).isEmpty();
        assertThat(parallel(scanner, new StringReader("mail jan@example.nl"), 2)).hasSize(1);
        assertThat(parallel(scanner, new StringReader("mail jan@example.nl"), 1)).hasSize(1);
    }

    @Test
    void aFailingReaderFailsTheScanAndLeavesNoBlockRunning() {
        CatalogueScanner scanner = small(1);
        String text = "mail jan@example.nl ".repeat(200);
        Reader failing = new java.io.FilterReader(new StringReader(text)) {
            int served;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (served > 1000) {
                    throw new IOException("disk gone");
                }
                int n = super.read(cbuf, off, Math.min(len, 100));
                served += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> parallel(scanner, failing, 2)).isInstanceOf(IOException.class).hasMessage("disk gone");
    }
}
