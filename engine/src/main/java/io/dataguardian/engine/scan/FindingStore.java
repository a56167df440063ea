package io.dataguardian.engine.scan;

import io.dataguardian.engine.finding.Finding;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The findings of one scan in {@link ScanResult#ORDER}, in bounded memory: an external merge sort.
 *
 * <p>Findings are buffered in memory up to a bound; when the buffer is full it is sorted and
 * written as a <em>run</em> to a temporary file. Iterating merges the runs and the sorted rest of
 * the buffer (a stable k-way merge, so the order is exactly that of sorting everything in memory).
 * A small scan never touches the disk. Past {@value #MAX_RUNS} runs, the runs are merged into one,
 * so the number of open files stays bounded too.
 *
 * <p>Spill files hold only what a {@link Finding} holds (masked value, keyed fingerprint, masked
 * snippet), never a raw value, in the compact form of {@link SpillCodec}. They live in a private directory (owner-only permissions where the
 * file system has them) that {@link #close()} deletes; a JVM shutdown hook deletes it too if the
 * process is stopped before.
 *
 * <p>{@link #add} is thread-safe; iteration starts once adding is {@linkplain #finish() finished}
 * and may be repeated. Over spilled runs, an iteration decodes and merges them on a thread of its
 * own a few thousand findings ahead ({@link ReadAhead}), so the reader (a report writer) has its core
 * to itself; the order is the same, and a failure reading a run surfaces in the reader.
 */
public final class FindingStore implements Iterable<Finding>, Closeable {

    /** Default number of findings held in memory before spilling. */
    public static final int DEFAULT_IN_MEMORY = 20_000;
    static final int MAX_RUNS = 64;

    private final int inMemory;
    private final Path tempParent;
    private List<Finding> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<Closeable> openReaders = Collections.synchronizedList(new ArrayList<>());
    /** Iterations merging on a thread of their own that may still run; close() stops them. */
    private final List<ReadAhead> readAheads = new ArrayList<>();
    private final Map<String, Finding> firstByDetector = new LinkedHashMap<>();
    private final Map<String, long[]> byEntityType = new HashMap<>();
    private long size;
    private boolean finished;
    private boolean closed;
    private Path dir;
    private Thread cleanupHook;
    private int runCounter;
    /** Buffers taken for spilling, and spills ended and joined to {@link #runs} in that order. */
    private long spillsStarted;
    private long spillsDone;
    /** Spills ended ahead of an earlier one still writing: by number, their run (or NO_RUN). */
    private final Map<Long, Path> doneRuns = new HashMap<>();
    private static final Path NO_RUN = Path.of("");

    /**
     * @param inMemory   findings held in memory before a run is spilled (at least 1)
     * @param tempParent where the private spill directory is created, or null for java.io.tmpdir
     */
    public FindingStore(int inMemory, Path tempParent) {
        if (inMemory < 1) {
            throw new IllegalArgumentException("in-memory bound must be at least 1");
        }
        this.inMemory = inMemory;
        this.tempParent = tempParent;
    }

    /** A store over findings already in memory (sorted here), for results rebuilt from a list. */
    public static FindingStore of(List<Finding> findings) {
        FindingStore s = new FindingStore(Integer.MAX_VALUE, null);
        s.addAll(findings);
        s.finish();
        return s;
    }

    /** A finished store over a list kept in the order given (the caller sorted it). */
    public static FindingStore inOrderGiven(List<Finding> findings) {
        FindingStore s = new FindingStore(Integer.MAX_VALUE, null);
        for (Finding f : findings) {
            s.note(f);
        }
        s.buffer = List.copyOf(findings);
        s.finished = true;
        return s;
    }

    public void add(Finding f) {
        List<Finding> full;
        long seq;
        synchronized (this) {
            if (closed) {
                return; // a worker still running after a failed scan was closed
            }
            check();
            note(f);
            buffer.add(f);
            if (buffer.size() < inMemory) {
                return;
            }
            full = buffer;
            buffer = new ArrayList<>();
            seq = spillsStarted++;
        }
        spill(full, seq);
    }

    public void addAll(List<Finding> findings) {
        List<List<Finding>> full = null;
        long firstSeq;
        synchronized (this) {
            if (closed) {
                return;
            }
            check();
            firstSeq = spillsStarted;
            for (Finding f : findings) {
                note(f);
                buffer.add(f);
                if (buffer.size() >= inMemory) {
                    if (full == null) {
                        full = new ArrayList<>(1);
                    }
                    full.add(buffer);
                    buffer = new ArrayList<>();
                    spillsStarted++;
                }
            }
        }
        if (full != null) {
            RuntimeException failure = null;
            for (int i = 0; i < full.size(); i++) {
                if (failure == null) {
                    try {
                        spill(full.get(i), firstSeq + i);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                } else {
                    synchronized (this) {
                        spillDone(firstSeq + i, null, false, full.get(i)); // kept in memory
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void note(Finding f) {
        size++;
        firstByDetector.putIfAbsent(f.detectorId(), f);
        long[] n = byEntityType.get(f.entityType());
        if (n == null) {
            byEntityType.put(f.entityType(), new long[] {1});
        } else {
            n[0]++;
        }
    }

    /** No more findings: sorts what is left in memory. */
    public synchronized FindingStore finish() {
        if (!finished) {
            awaitSpills();
            if (runs.size() > MAX_RUNS && !closed) {
                mergeRuns();
            }
            buffer.sort(ScanResult.ORDER);
            buffer = Collections.unmodifiableList(buffer);
            finished = true;
        }
        return this;
    }

    private void check() {
        if (finished) {
            throw new IllegalStateException("the store is finished");
        }
    }

    /** Number of findings. */
    public synchronized long size() {
        return size;
    }

    /** True when some findings were written to disk. */
    public synchronized boolean spilled() {
        return !runs.isEmpty();
    }

    /** The spill directory, or null when nothing was spilled (or after close). */
    public synchronized Path spillDirectory() {
        return dir;
    }

    /** The first finding seen of each detector id, by first appearance: small, for rule lists. */
    public synchronized Map<String, Finding> firstByDetector() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(firstByDetector));
    }

    /** Findings per entity type. */
    public synchronized Map<String, Long> countByEntityType() {
        Map<String, Long> counts = new TreeMap<>();
        byEntityType.forEach((type, n) -> counts.put(type, n[0]));
        return Collections.unmodifiableMap(counts);
    }

    /** All findings in a list: memory grows with their number; for small scans and tests. */
    public List<Finding> toList() {
        List<Finding> all = new ArrayList<>();
        for (Finding f : this) {
            all.add(f);
        }
        return all;
    }

    /**
     * The findings in {@link ScanResult#ORDER}, merged from disk as they are read (on a thread of the
     * iteration's own, which ends with it or with {@link #close()}).
     */
    @Override
    public synchronized Iterator<Finding> iterator() {
        if (!finished || closed) {
            throw new IllegalStateException(closed ? "the store is closed" : "the store is not finished");
        }
        if (runs.isEmpty()) {
            return buffer.iterator();
        }
        List<RunReader> sources = new ArrayList<>();
        for (Path run : runs) {
            sources.add(openRun(run));
        }
        sources.add(new RunReader(buffer.iterator()));
        readAheads.removeIf(ReadAhead::ended);
        ReadAhead ahead = new ReadAhead(new Merge(sources));
        readAheads.add(ahead);
        return ahead;
    }

    /** Deletes the spill files and directory. Safe to call more than once. */
    @Override
    public synchronized void close() {
        closed = true;
        // first, and outside the lock on openReaders, which a merging thread takes when a run ends
        for (ReadAhead ahead : readAheads) {
            ahead.close();
        }
        readAheads.clear();
        synchronized (openReaders) {
            for (Closeable c : openReaders) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // deleting below is what matters
                }
            }
            openReaders.clear();
        }
        deleteDir();
        runs.clear();
        buffer = Collections.emptyList();
        if (cleanupHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupHook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook runs anyway
            }
            cleanupHook = null;
        }
    }

    private void deleteDir() {
        Path d = dir;
        dir = null;
        if (d != null) {
            deleteTree(d);
        }
    }

    static void deleteTree(Path d) {
        try (Stream<Path> files = Files.list(d)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort; the directory delete below reports nothing either
        }
        try {
            Files.deleteIfExists(d);
        } catch (IOException ignored) {
            // left behind only if something else wrote into our private directory
        }
    }

    /**
     * Sorts a full buffer and writes it as a run, outside the store's lock so other workers keep adding
     * meanwhile. Runs join the list in the order their buffers were taken (seq), so the merge is the
     * same stable order as sorting everything in the order added.
     */
    private void spill(List<Finding> full, long seq) {
        Path run = null;
        boolean written = false;
        try {
            full.sort(ScanResult.ORDER);
            run = newRun();
            if (run != null) {
                writeRun(run, full.iterator());
                written = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write findings to a temporary file", e);
        } finally {
            synchronized (this) {
                spillDone(seq, run, written, full);
            }
        }
    }

    /**
     * Under the lock: a spill ended. When its run was not written (or the store was closed meanwhile)
     * the file, if any, is deleted, and the findings go back to memory (unless closed): nothing is lost
     * and the worker sees the exception.
     */
    private void spillDone(long seq, Path run, boolean written, List<Finding> full) {
        if (closed || !written) {
            if (run != null) {
                try {
                    Files.deleteIfExists(run);
                } catch (IOException ignored) {
                    // the directory went with close()
                }
            }
            if (!closed) {
                buffer.addAll(full);
            }
            run = null;
        }
        doneRuns.put(seq, run == null ? NO_RUN : run);
        while (doneRuns.containsKey(spillsDone)) {
            Path r = doneRuns.remove(spillsDone++);
            if (r != NO_RUN) {
                runs.add(r);
            }
        }
        if (spillsDone == spillsStarted) {
            if (runs.size() >= MAX_RUNS && !closed) {
                try {
                    mergeRuns();
                } catch (UncheckedIOException e) {
                    notifyAll();
                    throw e;
                }
            }
            notifyAll();
        }
    }

    /** Under the lock: waits until every buffer taken for spilling is written (or failed). */
    private void awaitSpills() {
        boolean interrupted = false;
        while (spillsDone < spillsStarted) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Under the lock, with no spill pending: merges all runs into one, to bound the open files. */
    private void mergeRuns() {
        try {
            List<RunReader> sources = new ArrayList<>();
            for (Path run : runs) {
                sources.add(openRun(run));
            }
            Path merged = newRun();
            writeRun(merged, new Merge(sources));
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
            runs.clear();
            runs.add(merged);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write findings to a temporary file", e);
        }
    }

    /** A new empty run file in the private directory (made on first use), or null once the store is closed. */
    private synchronized Path newRun() throws IOException {
        if (closed) {
            return null;
        }
        if (dir == null) {
            dir = createPrivateDir();
            Path d = dir;
            cleanupHook = new Thread(() -> deleteTree(d), "dataguardian-spill-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanupHook);
        }
        Path run = dir.resolve("run-" + (runCounter++) + ".bin");
        Files.createFile(run, ownerOnly("rw-------"));
        return run;
    }

    private static void writeRun(Path run, Iterator<Finding> findings) throws IOException {
        try (SpillCodec.Writer out = new SpillCodec.Writer(Files.newOutputStream(run))) {
            while (findings.hasNext()) {
                out.write(findings.next());
            }
            out.end();
        }
    }

    private Path createPrivateDir() throws IOException {
        Path parent = tempParent != null ? tempParent : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "dataguardian-findings-", ownerOnly("rwx------"));
    }

    private static FileAttribute<?>[] ownerOnly(String perms) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))};
        }
        return new FileAttribute<?>[0];
    }

    private RunReader openRun(Path run) {
        try {
            SpillCodec.Reader in = new SpillCodec.Reader(Files.newInputStream(run));
            openReaders.add(in);
            return new RunReader(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read spilled findings", e);
        }
    }

    /**
     * Reads one run back; closes its file at the end. Or the sorted in-memory buffer, the merge's last source: one
     * class for every source, so the merge's calls see one receiver class (with the buffer's own iterator among
     * them, C2 compiled them for the class of the sources seen first and trapped on the other: a class_check
     * deoptimisation and a recompile of the merge on every scan that spilled).
     */
    private final class RunReader implements Iterator<Finding> {
        private final SpillCodec.Reader in;
        /** The in-memory findings, or null for a run on disk. */
        private final Iterator<Finding> memory;
        private Finding next;
        private boolean done;

        RunReader(SpillCodec.Reader in) {
            this.in = in;
            this.memory = null;
        }

        RunReader(Iterator<Finding> memory) {
            this.in = null;
            this.memory = memory;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done && memory != null) {
                if (memory.hasNext()) {
                    next = memory.next();
                } else {
                    done = true;
                }
            } else if (next == null && !done) {
                try {
                    next = in.next();
                    if (next == null) {
                        done = true;
                        in.close();
                        openReaders.remove(in);
                    }
                } catch (EOFException e) {
                    throw new IllegalStateException("a findings spill file is truncated", e);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read spilled findings", e);
                }
            }
            return next != null;
        }

        @Override
        public Finding next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Finding f = next;
            next = null;
            return f;
        }
    }

    /** A stable k-way merge: on equal keys the earlier source wins. A binary heap of source numbers. */
    private static final class Merge implements Iterator<Finding> {
        /** An array, not a list: a list's get is a cast the JIT guards by the classes it has seen. */
        private final RunReader[] sources;
        private final Finding[] head;
        private final int[] heap;
        private int size;

        Merge(List<RunReader> sources) {
            this.sources = sources.toArray(new RunReader[0]);
            this.head = new Finding[sources.size()];
            this.heap = new int[sources.size()];
            for (int i = 0; i < sources.size(); i++) {
                RunReader it = sources.get(i);
                if (it.hasNext()) {
                    head[i] = it.next();
                    heap[size] = i;
                    up(size++);
                }
            }
        }

        private boolean less(int a, int b) {
            int c = ScanResult.ORDER.compare(head[a], head[b]);
            return c < 0 || (c == 0 && a < b);
        }

        private void up(int k) {
            int s = heap[k];
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (!less(s, heap[parent])) {
                    break;
                }
                heap[k] = heap[parent];
                k = parent;
            }
            heap[k] = s;
        }

        private void down(int k) {
            int s = heap[k];
            while (true) {
                int child = 2 * k + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(heap[child + 1], heap[child])) {
                    child++;
                }
                if (!less(heap[child], s)) {
                    break;
                }
                heap[k] = heap[child];
                k = child;
            }
            heap[k] = s;
        }

        @Override
        public boolean hasNext() {
            return size > 0;
        }

        @Override
        public Finding next() {
            if (size == 0) {
                throw new NoSuchElementException();
            }
            int s = heap[0];
            Finding f = head[s];
            RunReader it = sources[s];
            if (it.hasNext()) {
                head[s] = it.next();
            } else {
                head[s] = null;
                heap[0] = heap[--size];
            }
            if (size > 0) {
                down(0);
            }
            return f;
        }
    }
}
