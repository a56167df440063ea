package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's own guarantees, without an engine: order, spilling from several threads, a failed spill,
 * and the thread that merges spilled runs ahead of the reader (failures reach the reader, close stops it).
 */
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

    /** A finding from a small key space, so that many share their sort key: their snippet tells them apart. */
    private static Finding randomFinding(Random rnd, int serial) {
        int k = rnd.nextInt(50);
        return new Finding("d" + rnd.nextInt(3), "EMAIL", Severity.MEDIUM, 0.5, List.of("GDPR Art. 6"),
                new Location("dir/f" + rnd.nextInt(20) + ".txt", rnd.nextInt(5) == 0 ? "column c" : null, 1 + k, 1,
                        1 + k, 9, 40L * k, 8),
                "a***@e***.nl", rnd.nextBoolean() ? null : String.format("%064x", rnd.nextInt(4)),
                "snippet " + serial, 1, Map.of());
    }

    @Test
    void randomStoresWithManyRunsComeBackInTheOrderOfAStableSort() {
        Random rnd = new Random(42);
        for (int round = 0; round < 12; round++) {
            // across several read-ahead batches, sometimes an exact multiple of one; past MAX_RUNS sometimes
            int count = round == 0 ? 4 * ReadAhead.BATCH : 1 + rnd.nextInt(6 * ReadAhead.BATCH);
            int inMemory = 1 + rnd.nextInt(count / 8 + 1);
            List<Finding> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(randomFinding(rnd, i));
            }
            try (FindingStore store = new FindingStore(inMemory, spill)) {
                for (int from = 0; from < count; ) {
                    int to = Math.min(count, from + 1 + rnd.nextInt(100));
                    store.addAll(all.subList(from, to));
                    from = to;
                }
                store.finish();
                List<Finding> expected = new ArrayList<>(all);
                expected.sort(ScanResult.ORDER); // stable: what the serial merge of the runs gives
                assertThat(store.spilled()).as("round %d", round).isEqualTo(count >= inMemory);
                assertThat(store.toList()).as("round %d", round).isEqualTo(expected);
            }
            assertThat(spill).isEmptyDirectory();
        }
    }

    private static Set<Thread> mergeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(ReadAhead.THREAD_NAME) && t.isAlive())
                .collect(Collectors.toSet());
    }

    private FindingStore spilledStore(int count, int inMemory) {
        FindingStore store = new FindingStore(inMemory, spill);
        for (int k = 0; k < count; k++) {
            store.add(finding(k % 7, k));
        }
        return store.finish();
    }

    @Test
    void aSpillFileThatCannotBeReadFailsTheIterationInTheReader() throws Exception {
        Set<Thread> before = mergeThreads();
        try (FindingStore store = spilledStore(40_000, 20_000)) {
            Path run;
            try (Stream<Path> files = Files.list(store.spillDirectory())) {
                run = files.sorted().findFirst().orElseThrow();
            }
            try (FileChannel ch = FileChannel.open(run, StandardOpenOption.WRITE)) {
                ch.truncate(ch.size() / 2); // the merge reads on its own thread past the first findings
            }
            Iterator<Finding> it = store.iterator();
            long read = 0;
            Throwable failure = null;
            try {
                while (it.hasNext()) {
                    it.next();
                    read++;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
            assertThat(read).isGreaterThan(0).isLessThan(40_000);
            // it stays failed
            assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("truncated");
        }
        assertThat(spill).isEmptyDirectory();
        assertThat(mergeThreads()).isSubsetOf(before);
    }

    @Test
    void closingDuringAnIterationStopsTheMergeThreadAndDeletesTheRuns() {
        Set<Thread> before = mergeThreads();
        FindingStore store = spilledStore(30_000, 1_000);
        Path spillDir = store.spillDirectory();
        Iterator<Finding> first = store.iterator();
        Iterator<Finding> second = store.iterator();
        for (int i = 0; i < 10; i++) {
            first.next();
        }
        second.hasNext();
        assertThat(mergeThreads()).isNotEmpty();
        store.close(); // as when the report writer failed: the result is closed with the merge half read

        assertThat(spillDir).doesNotExist();
        assertThat(spill).isEmptyDirectory();
        assertThat(mergeThreads()).isSubsetOf(before);
        // reading on after the close fails rather than waiting for findings that never come
        assertThatThrownBy(() -> {
            while (first.hasNext()) {
                first.next();
            }
        }).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aFailureInTheSourceReachesTheReaderAfterTheFindingsBeforeIt() {
        int good = ReadAhead.BATCH + 5;
        Iterator<Finding> failing = new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                if (n == good) {
                    throw new UncheckedIOException(new java.io.IOException("disk gone"));
                }
                return true;
            }

            @Override
            public Finding next() {
                return finding(1, n++);
            }
        };
        try (ReadAhead ahead = new ReadAhead(failing)) {
            for (int k = 0; k < good; k++) {
                assertThat(ahead.next()).isEqualTo(finding(1, k));
            }
            assertThatThrownBy(ahead::hasNext).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
        }
    }
}
