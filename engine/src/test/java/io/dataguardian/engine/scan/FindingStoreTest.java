package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's own guarantees, without an engine: order, spilling from several threads, a failed spill. */
class FindingStoreTest {

    @TempDir
    Path spill;

    private static Finding finding(int file, int k) {
        return new Finding("d" + (k % 3), "EMAIL", Severity.MEDIUM, 0.5 + (k % 5) / 10.0, List.of("GDPR Art. 6"),
                new Location("dir/f" + file + ".txt", k % 4 == 0 ? "column c" : null, 1 + k, 1, 1 + k, 9, 40L * k, 8),
                "a***@e***.nl", String.format("%064x", (long) file * 100_000 + k), "snippet " + k, 1, Map.of());
    }

    @Test
    void batchesAddedFromSeveralThreadsWithSpillsComeBackInOrder() throws Exception {
        List<Finding> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FindingStore store = new FindingStore(37, spill)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<List<Finding>> batches = new ArrayList<>();
                for (int file = t; file < 40; file += 4) {
                    List<Finding> batch = new ArrayList<>();
                    for (int k = 0; k < 50 + file; k++) {
                        batch.add(finding(file, k));
                    }
                    batches.add(batch);
                    all.addAll(batch);
                }
                futures.add(pool.submit(() -> {
                    start.await();
                    for (List<Finding> batch : batches) {
                        if (batch.size() % 2 == 0) {
                            store.addAll(batch);
                        } else {
                            batch.forEach(store::add);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            store.finish();
            all.sort(ScanResult.ORDER);
            assertThat(store.spilled()).isTrue();
            assertThat(store.size()).isEqualTo(all.size());
            assertThat(store.toList()).isEqualTo(all);
            assertThat(store.toList()).isEqualTo(all); // iterating again reads the same runs
        } finally {
            pool.shutdownNow();
        }
        assertThat(spill).isEmptyDirectory();
    }

    @Test
    void aSpillThatCannotBeWrittenKeepsTheFindingsInMemory() throws Exception {
        Path notADirectory = Files.writeString(spill.resolve("file"), "x");
        List<Finding> batch = new ArrayList<>();
        for (int k = 0; k < 25; k++) {
            batch.add(finding(k % 3, k));
        }
        try (FindingStore store = new FindingStore(10, notADirectory)) {
            assertThatThrownBy(() -> store.addAll(batch)).isInstanceOf(UncheckedIOException.class);
            store.finish();
            List<Finding> expected = new ArrayList<>(batch);
            expected.sort(ScanResult.ORDER);
            assertThat(store.spilled()).isFalse();
            assertThat(store.toList()).isEqualTo(expected);
        }
    }
}
