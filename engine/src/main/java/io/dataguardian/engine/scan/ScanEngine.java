package io.dataguardian.engine.scan;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.score.ScoreCalculator;
import io.dataguardian.engine.score.Scores;
import io.dataguardian.engine.source.ContentExtractor;
import io.dataguardian.engine.source.ExtractionContext;
import io.dataguardian.engine.source.ScanLimits;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one entry point for scanning files and directories, used by the CLI and the server.
 *
 * <p>Enumerates the request's roots, then scans the files in parallel on a bounded pool: each file
 * goes to the first {@link ContentExtractor} (found through {@link ServiceLoader}, in priority
 * order) that supports it, else, when it is text, through the {@link TextScanner}. A file that
 * cannot be read becomes a per-file {@link FileError}; the scan always completes. Thread-safe and
 * reusable.
 */
public final class ScanEngine {

    private final Function<DetectionSettings, TextScanner> scannerFactory;
    private final List<ContentExtractor> extractors;

    /** The standard catalogue and every extractor on the class path. */
    public ScanEngine() {
        this(Catalogue.standard()::newScanner, loadExtractors(ScanEngine.class.getClassLoader()));
    }

    public ScanEngine(Function<DetectionSettings, TextScanner> scannerFactory, List<ContentExtractor> extractors) {
        this.scannerFactory = scannerFactory;
        List<ContentExtractor> sorted = new ArrayList<>(extractors);
        sorted.sort(Comparator.comparingInt(ContentExtractor::priority)
                .thenComparing(e -> e.getClass().getName()));
        this.extractors = List.copyOf(sorted);
    }

    public static List<ContentExtractor> loadExtractors(ClassLoader loader) {
        List<ContentExtractor> list = new ArrayList<>();
        for (ContentExtractor e : ServiceLoader.load(ContentExtractor.class, loader)) {
            list.add(e);
        }
        return list;
    }

    public List<ContentExtractor> extractors() {
        return extractors;
    }

    public ScanResult scan(ScanRequest request) {
        return scan(request, ScanListener.NONE, new ScanControl());
    }

    public ScanResult scan(ScanRequest request, ScanListener listener, ScanControl control) {
        return scan(request, listener, control, null);
    }

    /**
     * As {@link #scan(ScanRequest, ScanListener, ScanControl)}, handing the findings to {@code stream} while the
     * scan runs, in {@link ScanResult#ORDER}, instead of keeping them in the result (see {@link FindingStream}).
     * The files are then scanned in path order. When that order cannot give {@link ScanResult#ORDER} (two scanned
     * paths where one is the other followed by a character up to {@code '!'}: an archive's entry paths,
     * {@code a.zip!/...}, would sort after the other file), the findings are kept in the result as without a
     * stream; {@link ScanResult#streamed()} tells which.
     *
     * @param stream where the findings go, or null to keep them in the result
     */
    public ScanResult scan(ScanRequest request, ScanListener listener, ScanControl control, FindingStream stream) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        TextScanner scanner = scannerFactory.apply(request.settings());

        FileWalker walker = new FileWalker(request);
        walker.walk();
        List<FileWalker.Candidate> candidates = walker.candidates();
        if (stream != null) {
            candidates = new ArrayList<>(candidates);
            candidates.sort(Comparator.comparing(FileWalker.Candidate::path));
            if (!inFindingOrder(candidates)) {
                stream = null;
            }
        }
        long totalBytes = candidates.stream().mapToLong(FileWalker.Candidate::size).sum();
        listener.enumerated(candidates.size(), totalBytes);

        Run run = new Run(request, scanner, listener, control, candidates.size(),
                stream == null ? null : new OrderedEmitter(stream, control, request.findingsInMemory()));
        try {
            return run(request, listener, control, walker, candidates, run, started, t0);
        } catch (RuntimeException | Error e) {
            run.store.close(); // no spill file outlives a failed scan
            if (run.emitter != null) {
                run.emitter.discard();
            }
            throw e;
        }
    }

    private ScanResult run(ScanRequest request, ScanListener listener, ScanControl control, FileWalker walker,
                           List<FileWalker.Candidate> candidates, Run run, Instant started, long t0) {
        run.errors.addAll(walker.errors());
        int workers = Math.min(request.threads(), Math.max(1, candidates.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, new WorkerThreads());
        try {
            // each worker takes the next file in list order until none is left: one task per worker, not per file
            // (a task per file woke the waiting thread for every file it finished, ~15 us of futex calls per file
            // on a tree of small files)
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Future<?>> futures = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < candidates.size(); i = next.getAndIncrement()) {
                            run.scanFile(candidates.get(i), i);
                        }
                    } catch (RuntimeException | Error e) {
                        control.cancel(); // the other workers stop at their next file
                        throw e;
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // scanFile catches everything it can; an Error (e.g. OutOfMemoryError) ends up here
                    control.cancel();
                    throw new IllegalStateException("scan worker failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.cancel();
        } finally {
            pool.shutdownNow();
            run.stopBlockWorkers();
        }

        if (run.emitter != null) {
            run.emitter.rethrow();
        }
        FindingStore findings = run.store.finish();
        long findingCount = run.emitter == null ? findings.size() : run.emitter.emitted();
        List<FileError> errors = new ArrayList<>(run.errors);
        errors.sort(ScanResult.ERROR_ORDER);
        Map<String, Long> skipped = new TreeMap<>(walker.skipped());
        run.skipped.forEach((k, v) -> skipped.merge(k, v.get(), Long::sum));
        long filesSkipped = skipped.entrySet().stream()
                .filter(e -> !e.getKey().equals("symlink-loop"))
                .mapToLong(Map.Entry::getValue).sum();
        long filesWithErrors = errors.stream().map(FileError::path).map(ScanEngine::topLevel).distinct().count();
        Scores scores;
        synchronized (run.scores) {
            scores = run.scores.scores();
        }
        ScanStats stats = new ScanStats(started, Duration.ofNanos(System.nanoTime() - t0), run.filesScanned.get(),
                filesSkipped, skipped, filesWithErrors, run.bytesScanned.get(), findingCount, control.isCancelled());
        return new ScanResult(walker.base(), findings, errors, stats, scores, run.emitter != null);
    }

    /**
     * True when scanning these candidates (sorted by path) in order gives their findings in {@link ScanResult#ORDER}:
     * a file's findings have its path, or its path + "!/" + an entry's path when it is an archive, so no path may
     * be another followed by a character up to '!' (or equal to it). Checking neighbours is enough: such a path
     * would sort right after the other.
     */
    static boolean inFindingOrder(List<FileWalker.Candidate> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            String prev = sorted.get(i - 1).path();
            String path = sorted.get(i).path();
            if (path.startsWith(prev) && (path.length() == prev.length() || path.charAt(prev.length()) <= '!')) {
                return false;
            }
        }
        return true;
    }

    private static String topLevel(String path) {
        int i = path.indexOf("!/");
        return i < 0 ? path : path.substring(0, i);
    }

    /** The state of one scan. */
    private final class Run {
        final ScanRequest request;
        final TextScanner scanner;
        final ScanListener listener;
        final ScanControl control;
        final List<Glob> allowPaths;
        final Set<String> allowedFingerprints;
        final Set<String> disabled;
        final FindingStore store;
        final ScoreCalculator.Accumulator scores = new ScoreCalculator.Accumulator();
        final ConcurrentLinkedQueue<FileError> errors = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicLong> skipped = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong filesScanned = new AtomicLong();
        final AtomicLong bytesScanned = new AtomicLong();
        /** Whether this scan seeds the JIT's profiles ({@link ProfileSeed}), and the files started so far. */
        final boolean seeding;
        final AtomicInteger started = new AtomicInteger();
        /** Where the files' findings go in order while the scan runs, or null when the store keeps them. */
        final OrderedEmitter emitter;

        Run(ScanRequest request, TextScanner scanner, ScanListener listener, ScanControl control, int files,
            OrderedEmitter emitter) {
            this.emitter = emitter;
            this.request = request;
            this.scanner = scanner;
            this.listener = listener;
            this.control = control;
            this.allowPaths = Glob.compileAll(request.allowPaths());
            this.allowedFingerprints = request.settings().allowedFingerprints();
            this.disabled = request.settings().disabledDetectors();
            this.store = new FindingStore(request.findingsInMemory(), request.spillDirectory());
            this.seeding = SEED_POINTS.length > 0 && files >= SEED_MIN_FILES;
        }

        void scanFile(FileWalker.Candidate c, int index) {
            if (control.isCancelled()) {
                if (emitter != null) {
                    emitter.finished(index, OrderedEmitter.EMPTY);
                }
                return;
            }
            if (seeding && isSeedPoint(started.getAndIncrement())) {
                seedProfiles();
            }
            listener.fileStarted(c.path());
            Collector collector = new Collector();
            Cancellable in = null;
            try (InputStream raw = Files.newInputStream(c.file())) {
                // no 64 KiB buffer for a file of a few hundred bytes, nor 8 KiB for one of a few dozen: every new
                // array of a tree of small files touched fresh pages of the heap
                int buffer = (int) Math.max(64, Math.min(1 << 16, c.size() + 1));
                in = new Cancellable(new BufferedInputStream(raw, buffer), control, listener);
                boolean scanned = dispatch(in, c.path(), 0, collector, c.size());
                if (scanned) {
                    filesScanned.incrementAndGet();
                    bytesScanned.addAndGet(c.size());
                } else {
                    skipped.computeIfAbsent("binary-skipped", k -> new AtomicLong()).incrementAndGet();
                }
            } catch (Cancelled e) {
                // the scan was cancelled: this file's partial findings are kept, no error
            } catch (NoSuchFileException e) {
                collector.error(new FileError(c.path(), "vanished", "file vanished before it could be read"));
            } catch (AccessDeniedException e) {
                collector.error(new FileError(c.path(), "unreadable", "permission denied"));
            } catch (IOException e) {
                collector.error(new FileError(c.path(), "io-error", FileWalker.describe(e)));
            } catch (RuntimeException | StackOverflowError e) {
                // a bug or hostile input in one file must not end the scan
                collector.error(new FileError(c.path(), "internal-error",
                        "could not be scanned: " + e.getClass().getSimpleName()));
            }
            long reported = in == null ? 0 : in.reported();
            if (c.size() > reported) {
                listener.bytesRead(c.size() - reported);
            }
            collector.flush();
            if (emitter != null) {
                emitter.finished(index, collector.batch());
            }
            errors.addAll(collector.errors);
            listener.fileFinished(c.path(), c.size(), collector.count);
        }

        /**
         * Scans {@link ProfileSeed}'s samples through {@link #dispatch} as files, on this worker thread, with their
         * findings and errors dropped: nothing of them reaches the store, the scores, the stats or the listener.
         */
        void seedProfiles() {
            ProfileSeed.RUNS.incrementAndGet();
            Collector dropped = new Collector(true);
            for (ProfileSeed.Sample s : ProfileSeed.samples()) {
                if (control.isCancelled()) {
                    return;
                }
                try {
                    dispatch(new java.io.ByteArrayInputStream(s.bytes()), s.path(), 0, dropped, s.bytes().length);
                } catch (IOException | RuntimeException | StackOverflowError e) {
                    // only a profile: the files themselves are scanned as before
                }
            }
        }

        /** Threads that scan the blocks of large text files (see TextScanner's parallel scan); made on first use. */
        private ExecutorService blockWorkers;

        synchronized ExecutorService blockWorkers() {
            if (blockWorkers == null) {
                blockWorkers = Executors.newFixedThreadPool(request.threads(),
                        new WorkerThreads("dataguardian-block-"));
            }
            return blockWorkers;
        }

        synchronized void stopBlockWorkers() {
            if (blockWorkers != null) {
                blockWorkers.shutdownNow();
            }
        }

        /**
         * @param size the item's size in bytes, or -1 when unknown (inside an archive)
         * @return false when the item was skipped as binary
         */
        boolean dispatch(InputStream in, String path, int depth, Collector sink, long size) throws IOException {
            // the head the extractors and the binary check look at: the first HEAD_BYTES, or the whole of a
            // smaller item (one byte more than its size, in case it grew since it was listed)
            int headBytes = size >= 0 && size < TextDecoding.HEAD_BYTES ? (int) size + 1 : TextDecoding.HEAD_BYTES;
            PushbackInputStream pin = new PushbackInputStream(in, headBytes);
            byte[] head = pin.readNBytes(headBytes);
            pin.unread(head);
            String name = fileName(path);
            for (ContentExtractor extractor : extractors) {
                boolean supports;
                try {
                    supports = extractor.supports(name, head);
                } catch (RuntimeException e) {
                    supports = false;
                }
                if (supports) {
                    extractor.extract(pin, path, new Context(depth, sink));
                    return true;
                }
            }
            if (TextDecoding.looksBinary(head, head.length)) {
                return false;
            }
            // the head is the whole item when fewer bytes came than were asked for
            TextDecoding.Encoding enc = TextDecoding.detect(head, head.length, head.length < headBytes);
            pin.skipNBytes(enc.bomLength());
            Reader reader = TextDecoding.reader(pin, enc.charset(), size);
            if (request.threads() > 1 && size >= PARALLEL_TEXT_BYTES) {
                // one large text: its blocks on all threads (the same findings as one thread)
                scanner.scan(reader, path, null, sink, blockWorkers(), request.threads());
            } else {
                scanner.scan(reader, path, null, sink);
            }
            return true;
        }

        boolean suppressed(Finding f) {
            if (disabled.contains(f.detectorId())) {
                return true;
            }
            if (f.fingerprint() != null && !allowedFingerprints.isEmpty()
                    && allowedFingerprints.contains(f.fingerprint())) {
                return true;
            }
            return f.location() != null && Glob.anyMatches(allowPaths, f.location().path());
        }

        /**
         * Collects one file's findings (in small batches handed to the scan's {@link FindingStore} and
         * score accumulator) and errors; extractors may call it from several threads.
         */
        final class Collector implements FindingSink {
            static final int BATCH = 1024;
            private final List<Finding> batch = new ArrayList<>();
            final List<FileError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            /** True for the profile seed's samples: their findings are dropped here, their errors never read. */
            private final boolean drop;
            int count;

            Collector() {
                this(false);
            }

            Collector(boolean drop) {
                this.drop = drop;
            }

            @Override
            public synchronized void finding(Finding finding) {
                if (!suppressed(finding) && !drop) {
                    batch.add(finding);
                    count++;
                    if (batch.size() >= BATCH) {
                        flush();
                    }
                }
            }

            synchronized void flush() {
                if (batch.isEmpty()) {
                    return;
                }
                if (emitter == null) {
                    store.addAll(batch);
                } else {
                    keep(batch);
                }
                synchronized (scores) {
                    for (Finding f : batch) {
                        scores.add(f);
                    }
                }
                batch.clear();
            }

            @Override
            public void error(FileError error) {
                errors.add(error);
            }

            /** With an emitter: this file's findings so far, past the in-memory bound in a store of the file's own. */
            private List<Finding> kept;
            private FindingStore spilled;

            private void keep(List<Finding> findings) {
                if (spilled != null) {
                    spilled.addAll(findings);
                    return;
                }
                if (kept == null) {
                    kept = new ArrayList<>(findings);
                } else {
                    kept.addAll(findings);
                }
                if (kept.size() >= request.findingsInMemory()) {
                    spilled = new FindingStore(request.findingsInMemory(), request.spillDirectory());
                    spilled.addAll(kept);
                    kept = null;
                }
            }

            /** The file's findings, sorted, for the emitter; call once, after the last {@link #flush()}. */
            synchronized OrderedEmitter.Batch batch() {
                if (spilled != null) {
                    FindingStore s = spilled.finish();
                    spilled = null;
                    return new StoreBatch(s);
                }
                if (kept == null) {
                    return OrderedEmitter.EMPTY;
                }
                List<Finding> list = kept;
                kept = null;
                list.sort(ScanResult.ORDER);
                return new ListBatch(list);
            }
        }

        final class Context implements ExtractionContext {
            private final int depth;
            private final Collector sink;

            Context(int depth, Collector sink) {
                this.depth = depth;
                this.sink = sink;
            }

            @Override
            public TextScanner scanner() {
                return scanner;
            }

            @Override
            public void scanText(Reader text, String path, String section) throws IOException {
                if (control.isCancelled()) {
                    throw new Cancelled();
                }
                scanner.scan(text, path, section, sink);
            }

            @Override
            public void finding(Finding finding) {
                sink.finding(finding);
            }

            @Override
            public void error(FileError error) {
                sink.error(error);
            }

            @Override
            public void nested(InputStream in, String path) throws IOException {
                if (control.isCancelled()) {
                    throw new Cancelled();
                }
                if (depth + 1 > request.limits().maxArchiveDepth()) {
                    sink.error(new FileError(path, "too-deep", "nested deeper than "
                            + request.limits().maxArchiveDepth() + " levels; not opened"));
                    return;
                }
                dispatch(new NonClosing(in), path, depth + 1, sink, -1);
            }

            @Override
            public int depth() {
                return depth;
            }

            @Override
            public ScanLimits limits() {
                return request.limits();
            }

            @Override
            public boolean cancelled() {
                return control.isCancelled();
            }

            @Override
            public boolean aggregateColumns() {
                return request.aggregateColumns();
            }
        }
    }

    /**
     * The profile seed ({@link ProfileSeed}): a scan of at least {@link #SEED_MIN_FILES} files scans the samples
     * before the files numbered here (in the order the workers start them, from 0) start, on the worker that
     * starts that file. System property {@code dataguardian.profileSeed}: {@code false} turns it off, a
     * comma-separated list of file numbers replaces the default points (for measurements).
     */
    static final int[] SEED_POINTS = seedPoints(System.getProperty("dataguardian.profileSeed"));
    static final int SEED_MIN_FILES = 64;

    static int[] seedPoints(String property) {
        if (property == null || property.isBlank()) {
            return new int[] {16, 128, 1024};
        }
        if (property.equals("false")) {
            return new int[0];
        }
        try {
            return java.util.Arrays.stream(property.split(",")).map(String::trim).mapToInt(Integer::parseInt)
                    .filter(n -> n >= 0).sorted().toArray();
        } catch (NumberFormatException e) {
            return new int[] {16, 128, 1024};
        }
    }

    static boolean isSeedPoint(int n) {
        for (int p : SEED_POINTS) {
            if (p == n) {
                return true;
            }
        }
        return false;
    }

    /** One file's findings, sorted, in memory. */
    private record ListBatch(List<Finding> findings) implements OrderedEmitter.Batch {
        @Override
        public long size() {
            return findings.size();
        }

        @Override
        public long inMemory() {
            return findings.size();
        }

        @Override
        public void release() {
        }

        @Override
        public java.util.Iterator<Finding> iterator() {
            return findings.iterator();
        }
    }

    /** One file's findings past the in-memory bound: sorted runs on disk, merged as they are read. */
    private record StoreBatch(FindingStore store) implements OrderedEmitter.Batch {
        @Override
        public long size() {
            return store.size();
        }

        @Override
        public long inMemory() {
            return store.spilled() ? 0 : store.size();
        }

        @Override
        public void release() {
            store.close();
        }

        @Override
        public java.util.Iterator<Finding> iterator() {
            return store.iterator();
        }
    }

    /** Plain-text files from this size on are scanned in blocks on all the scan's threads. */
    static final long PARALLEL_TEXT_BYTES = 16L << 20;

    static String fileName(String path) {
        int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf("!/") + 1);
        return i < 0 ? path : path.substring(i + 1);
    }

    /** Thrown out of a read once the scan is cancelled. */
    static final class Cancelled extends IOException {
        Cancelled() {
            super("scan cancelled");
        }
    }

    /** Stops reading once the scan is cancelled, and reports read bytes to the listener. */
    private static final class Cancellable extends FilterInputStream {
        private static final long REPORT_EVERY = 1 << 20;
        private final ScanControl control;
        private final ScanListener listener;
        private long pending;
        private long reported;

        Cancellable(InputStream in, ScanControl control, ScanListener listener) {
            super(in);
            this.control = control;
            this.listener = listener;
        }

        long reported() {
            return reported;
        }

        @Override
        public int read() throws IOException {
            check();
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            long skipped = super.skip(n);
            if (skipped > 0) {
                count(skipped);
            }
            return skipped;
        }

        private void count(long n) {
            pending += n;
            if (pending >= REPORT_EVERY) {
                listener.bytesRead(pending);
                reported += pending;
                pending = 0;
            }
        }

        private void check() throws Cancelled {
            if (control.isCancelled()) {
                throw new Cancelled();
            }
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the extractor that handed us this stream owns it
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private static final AtomicInteger POOL = new AtomicInteger();
        private final int pool = POOL.incrementAndGet();
        private final AtomicInteger n = new AtomicInteger();
        private final String prefix;

        WorkerThreads() {
            this("dataguardian-scan-");
        }

        WorkerThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
