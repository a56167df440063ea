package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.report.ReportFormat;
import io.dataguardian.engine.report.Reports;
import io.dataguardian.engine.report.ScanReport;
import io.dataguardian.engine.source.ContentExtractor;
import io.dataguardian.engine.source.ExtractionContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings past the in-memory bound are spilled to private temp files and merged back in order. */
class FindingSpillTest {

    static final DetectionSettings SETTINGS = DetectionSettings.withKey(ScanEngineTest.KEY);

    @TempDir
    Path dir;
    @TempDir
    Path spill;

    private final ScanEngine engine = new ScanEngine(s -> new FakeScanner(), List.of());

    private void corpus() throws IOException {
        for (int i = 0; i < 12; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 40; k++) {
                sb.append("row ").append(k).append(" a").append(k).append("@example.com SECRET-K").append(i)
                        .append('x').append(k).append(" 12345678").append(k % 10).append('\n');
            }
            Path p = dir.resolve("d" + (i % 3) + "/f" + i + ".txt");
            Files.createDirectories(p.getParent());
            Files.writeString(p, sb.toString());
        }
    }

    private ScanRequest.Builder request() {
        return ScanRequest.builder(SETTINGS).root(dir).spillDirectory(spill);
    }

    private static String render(ReportFormat format, ScanResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<DetectorInfo> rules = List.of();
        Reports.writer(format).write(new ScanReport(r, "1.0.0", rules), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTinyBoundGivesTheSameCompleteOrderedReportsAsMemory() throws IOException {
        corpus();
        try (ScanResult memory = engine.scan(request().threads(1).build());
             ScanResult spilled = engine.scan(request().threads(3).findingsInMemory(7).build())) {
            assertThat(memory.sortedFindings().spilled()).isFalse();
            assertThat(spilled.sortedFindings().spilled()).isTrue();
            // more runs than one merge takes: the runs were merged on the way
            assertThat(memory.findingCount()).isEqualTo(12 * 40 * 3).isGreaterThan(7L * FindingStore.MAX_RUNS);
            Path spillDir = spilled.sortedFindings().spillDirectory();
            assertThat(spillDir).startsWith(spill);
            assertThat(Files.getPosixFilePermissions(spillDir))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
            try (Stream<Path> files = Files.list(spillDir)) {
                for (Path f : files.toList()) {
                    assertThat(Files.getPosixFilePermissions(f)).containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(content).doesNotContain("a1@example.com").doesNotContain("SECRET-K1x1");
                }
            }

            assertThat(spilled.findings()).containsExactlyElementsOf(memory.findings());
            assertThat(spilled.findings()).isSortedAccordingTo(ScanResult.ORDER);
            // iterating twice gives the same again
            assertThat(spilled.findings()).containsExactlyElementsOf(memory.findings());
            assertThat(spilled.scores()).isEqualTo(memory.scores());
            assertThat(spilled.sortedFindings().countByEntityType()).isEqualTo(memory.sortedFindings().countByEntityType());
            // the same timings, so that only where the findings come from differs
            ScanResult spilledView = new ScanResult(spilled.baseDirectory(), spilled.sortedFindings(),
                    spilled.errors(), memory.stats(), spilled.scores());
            for (ReportFormat f : ReportFormat.values()) {
                assertThat(render(f, spilledView)).as(f.id()).isEqualTo(render(f, memory));
            }
        }
        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void closingTheResultDeletesTheSpillDirectory() throws IOException {
        corpus();
        ScanResult r = engine.scan(request().findingsInMemory(10).build());
        Path spillDir = r.sortedFindings().spillDirectory();
        assertThat(spillDir).isDirectory();
        r.close();
        assertThat(spillDir).doesNotExist();
        assertThat(spill).isEmptyDirectory();
        assertThatThrownBy(() -> r.sortedFindings().iterator()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedScanLeavesNoSpillFile() throws IOException {
        corpus();
        Files.writeString(dir.resolve("zz-last.boom"), "x");
        AtomicReference<Boolean> spilledBefore = new AtomicReference<>(false);
        ContentExtractor boom = new ContentExtractor() {
            @Override
            public boolean supports(String name, byte[] head) {
                return name.endsWith(".boom");
            }

            @Override
            public void extract(InputStream in, String path, ExtractionContext context) {
                try (Stream<Path> s = Files.list(spill)) {
                    spilledBefore.set(s.findAny().isPresent());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new OutOfMemoryError("simulated"); // an Error ends the scan
            }
        };
        ScanEngine failing = new ScanEngine(s -> new FakeScanner(), List.of(boom));
        // one thread: the .boom file comes after the text files, which spilled already
        assertThatThrownBy(() -> failing.scan(request().threads(1).findingsInMemory(10).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scan worker failed");
        assertThat(spilledBefore.get()).isTrue();
        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void aStoreOverAListNeedsNoDisk() {
        FindingStore s = FindingStore.of(List.of());
        assertThat(s.size()).isZero();
        assertThat(s.iterator().hasNext()).isFalse();
        assertThat(s.spillDirectory()).isNull();
        s.close();
        Set<String> none = Set.of();
        assertThat(none).isEmpty();
    }
}
