package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.report.ReportFormat;
import io.dataguardian.engine.report.Reports;
import io.dataguardian.engine.report.SarifReportWriter;
import io.dataguardian.engine.report.ScanReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings handed to a {@link FindingStream} during the scan: the same findings, in the same order. */
class FindingStreamTest {

    static final DetectionSettings SETTINGS = DetectionSettings.withKey(ScanEngineTest.KEY);

    @TempDir
    Path dir;
    @TempDir
    Path spill;

    private final ScanEngine engine = new ScanEngine(s -> new FakeScanner(), List.of());

    /** Files whose walk order is not their path order ("d0/..." is walked before "d0.txt", '/' > '.'). */
    private void corpus(int files, int rows) throws IOException {
        for (int i = 0; i < files; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < rows + (i % 5) * 7; k++) {
                sb.append("row ").append(k).append(" a").append(k).append("@example.com SECRET-K").append(i)
                        .append('x').append(k).append(" 12345678").append(k % 10).append('\n');
            }
            String name = switch (i % 4) {
                case 0 -> "d" + (i % 3) + "/f" + i + ".txt";
                case 1 -> "d" + (i % 3) + ".txt." + i;
                case 2 -> "d" + (i % 3) + "-x/g" + i;
                default -> "e" + i + "/deeper/h.txt";
            };
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, sb.toString());
        }
    }

    private ScanRequest.Builder request() {
        return ScanRequest.builder(SETTINGS).root(dir).spillDirectory(spill);
    }

    /** Collects what the stream gets, checking that calls never overlap. */
    private static final class Collecting implements FindingStream {
        final List<Finding> got = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inside = new AtomicInteger();
        int calls;

        @Override
        public void findings(Iterable<Finding> sorted) {
            assertThat(inside.incrementAndGet()).isEqualTo(1);
            calls++;
            for (Finding f : sorted) {
                got.add(f);
            }
            inside.decrementAndGet();
        }
    }

    @Test
    void theStreamGetsEveryFindingInTheResultOrderAndTheResultHoldsNone() throws IOException {
        corpus(40, 30);
        Collecting stream = new Collecting();
        try (ScanResult memory = engine.scan(request().threads(1).build());
             ScanResult streamed = engine.scan(request().threads(3).build(), ScanListener.NONE, new ScanControl(),
                     stream)) {
            assertThat(streamed.streamed()).isTrue();
            assertThat(memory.streamed()).isFalse();
            assertThat(stream.got).containsExactlyElementsOf(memory.findings());
            assertThat(stream.calls).isEqualTo(40);
            assertThat(streamed.findingCount()).isEqualTo(memory.findingCount()).isEqualTo(stream.got.size());
            assertThat(streamed.stats().findings()).isEqualTo(memory.stats().findings());
            assertThat(streamed.scores()).isEqualTo(memory.scores());
            assertThatThrownBy(streamed::sortedFindings).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aTinyBoundSpillsLargeFilesAndHoldsBackLaterOnesWithTheSameOrder() throws IOException {
        corpus(30, 40);
        Collecting stream = new Collecting();
        try (ScanResult memory = engine.scan(request().threads(1).build());
             ScanResult streamed = engine.scan(request().threads(4).findingsInMemory(25).build(), ScanListener.NONE,
                     new ScanControl(), stream)) {
            assertThat(streamed.streamed()).isTrue();
            assertThat(stream.got).containsExactlyElementsOf(memory.findings());
        }
        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void pathsThatWouldInterleaveWithAnArchivesEntriesKeepTheFindingsInTheResult() throws IOException {
        Files.writeString(dir.resolve("a"), "x1@example.com");
        Files.writeString(dir.resolve("a b.txt"), "x2@example.com");
        Collecting stream = new Collecting();
        try (ScanResult r = engine.scan(request().build(), ScanListener.NONE, new ScanControl(), stream)) {
            assertThat(r.streamed()).isFalse();
            assertThat(stream.got).isEmpty();
            assertThat(r.findings()).hasSize(2).isSortedAccordingTo(ScanResult.ORDER);
        }
    }

    @Test
    void findingOrderOfSortedPaths() {
        assertThat(ScanEngine.inFindingOrder(candidates("a", "a.txt", "a/b", "ab"))).isTrue();
        assertThat(ScanEngine.inFindingOrder(candidates("a", "a b"))).isFalse();
        assertThat(ScanEngine.inFindingOrder(candidates("a", "a!b"))).isFalse();
        assertThat(ScanEngine.inFindingOrder(candidates("a", "a"))).isFalse();
        assertThat(ScanEngine.inFindingOrder(candidates("a.zip", "a.zip\"x"))).isTrue();
        assertThat(ScanEngine.inFindingOrder(candidates())).isTrue();
    }

    private static List<FileWalker.Candidate> candidates(String... paths) {
        List<FileWalker.Candidate> list = new ArrayList<>();
        for (String p : paths) {
            list.add(new FileWalker.Candidate(Path.of("/x"), p, 1));
        }
        return list;
    }

    @Test
    void aStreamThatFailsEndsTheScanWithItsErrorAndLeavesNoSpillFile() throws IOException {
        corpus(30, 40);
        AtomicInteger calls = new AtomicInteger();
        FindingStream failing = sorted -> {
            if (calls.incrementAndGet() == 3) {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> engine.scan(request().threads(3).findingsInMemory(25).build(), ScanListener.NONE,
                new ScanControl(), failing))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("could not write the report")
                .hasRootCauseMessage("disk full");
        assertThat(calls.get()).isEqualTo(3);
        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void aStreamedSarifReportHasTheBytesOfOneWrittenAfterTheScan() throws IOException {
        corpus(20, 10);
        List<DetectorInfo> rules = List.of(); // every rule is made from the findings, in order of appearance
        ByteArrayOutputStream streamedOut = new ByteArrayOutputStream();
        SarifReportWriter.Streaming sarif = new SarifReportWriter.Streaming(streamedOut, rules);
        ByteArrayOutputStream heldOut = new ByteArrayOutputStream();
        try (ScanResult streamed = engine.scan(request().threads(2).build(), ScanListener.NONE, new ScanControl(),
                sarif);
             ScanResult held = engine.scan(request().threads(2).build())) {
            sarif.end(new ScanReport(streamed, "1.0.0", rules));
            // the same timings, so that only where the findings come from differs
            Reports.writer(ReportFormat.SARIF).write(new ScanReport(new ScanResult(held.baseDirectory(),
                    held.sortedFindings(), held.errors(), streamed.stats(), held.scores()), "1.0.0", rules), heldOut);
        }
        String text = streamedOut.toString(StandardCharsets.UTF_8);
        assertThat(text.equals(heldOut.toString(StandardCharsets.UTF_8))).as("same bytes").isTrue();
        assertThat(text.contains("\"ruleId\":\"test.email\",\"ruleIndex\":0")).isTrue();
        assertThat(text.contains("\"id\":\"test.bsn\"")).isTrue();
    }

    @Test
    void theEmitterWritesBatchesInIndexOrderWhateverOrderTheyFinishIn() throws Exception {
        int n = 400;
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        OrderedEmitter emitter = new OrderedEmitter(sorted -> {
            for (Finding f : sorted) {
                order.add(f.location().line());
            }
        }, new ScanControl(), 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Random random = new Random(7);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            int sleep = random.nextInt(3);
            int size = random.nextInt(4);
            futures.add(pool.submit(() -> {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                emitter.finished(index, size == 0 ? OrderedEmitter.EMPTY : batch(index, size));
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        emitter.rethrow();
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i)).isGreaterThanOrEqualTo(order.get(i - 1));
        }
        assertThat(emitter.emitted()).isEqualTo(order.size());
    }

    private static OrderedEmitter.Batch batch(int index, int size) {
        List<Finding> list = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            list.add(new Finding("t", "EMAIL", io.dataguardian.engine.Severity.LOW, 0.5, List.of(),
                    new io.dataguardian.engine.finding.Location("f", null, index + 1, 1, index + 1, 2, k, 1),
                    "x", null, "", 1, java.util.Map.of()));
        }
        return new OrderedEmitter.Batch() {
            @Override
            public long size() {
                return list.size();
            }

            @Override
            public long inMemory() {
                return list.size();
            }

            @Override
            public void release() {
            }

            @Override
            public java.util.Iterator<Finding> iterator() {
                return list.iterator();
            }
        };
    }
}
