package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text file from {@link ScanEngine#PARALLEL_TEXT_BYTES} on is scanned in blocks on all threads, same findings. */
class ParallelTextScanTest {

    @TempDir
    Path dir;

    @Test
    void aLargeTextFileGivesTheSameFindingsOnOneThreadAndOnThree() throws IOException {
        Path file = dir.resolve("big.txt");
        long rows = 0;
        String filler = "the quick brown fox jumps over the lazy dog while the report is being written ".repeat(2);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (rows * filler.length() < ScanEngine.PARALLEL_TEXT_BYTES + (1 << 20)) {
                // CRLF, LF and non-ASCII lines; findings every few rows, some on the blocks' edges wherever those are
                w.write(filler);
                if (rows % 7 == 0) {
                    w.write("klant jan" + rows + "@example.nl, café, bsn 111222333");
                }
                w.write(rows % 3 == 0 ? "\r\n" : rows % 3 == 1 ? " ü\n" : "\n");
                rows++;
            }
        }
        assertThat(Files.size(file)).isGreaterThan(ScanEngine.PARALLEL_TEXT_BYTES);
        ScanEngine engine = new ScanEngine();
        List<Finding> one;
        try (ScanResult r = engine.scan(ScanRequest.builder(ScanEngineTest.SETTINGS).root(file).threads(1).build())) {
            one = r.findings();
        }
        try (ScanResult r = engine.scan(ScanRequest.builder(ScanEngineTest.SETTINGS).root(file).threads(3).build())) {
            assertThat(r.findings()).containsExactlyElementsOf(one);
            assertThat(r.stats().filesScanned()).isEqualTo(1);
        }
        assertThat(one).hasSize((int) (2 * ((rows + 6) / 7)));
        Finding last = one.get(one.size() - 1);
        assertThat(last.location().line()).isEqualTo((rows - 1) / 7 * 7 + 1);
    }
}
