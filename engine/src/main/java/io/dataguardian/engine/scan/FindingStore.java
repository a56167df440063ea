package io.dataguardian.engine.scan;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
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
 * snippet), never a raw value. They live in a private directory (owner-only permissions where the
 * file system has them) that {@link #close()} deletes; a JVM shutdown hook deletes it too if the
 * process is stopped before.
 *
 * <p>{@link #add} is thread-safe; iteration starts once adding is {@linkplain #finish() finished}
 * and may be repeated.
 */
public final class FindingStore implements Iterable<Finding>, Closeable {

    /** Default number of findings held in memory before spilling. */
    public static final int DEFAULT_IN_MEMORY = 20_000;
    static final int MAX_RUNS = 64;
    private static final int READ_BUFFER = 1 << 15;

    private final int inMemory;
    private final Path tempParent;
    private List<Finding> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<Closeable> openReaders = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Finding> firstByDetector = new LinkedHashMap<>();
    private final Map<String, Long> byEntityType = new TreeMap<>();
    private long size;
    private boolean finished;
    private boolean closed;
    private Path dir;
    private Thread cleanupHook;
    private int runCounter;

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

    public synchronized void add(Finding f) {
        if (closed) {
            return; // a worker still running after a failed scan was closed
        }
        check();
        note(f);
        buffer.add(f);
        if (buffer.size() >= inMemory) {
            spill();
        }
    }

    public synchronized void addAll(List<Finding> findings) {
        for (Finding f : findings) {
            add(f);
        }
    }

    private void note(Finding f) {
        size++;
        firstByDetector.putIfAbsent(f.detectorId(), f);
        byEntityType.merge(f.entityType(), 1L, Long::sum);
    }

    /** No more findings: sorts what is left in memory. */
    public synchronized FindingStore finish() {
        if (!finished) {
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
        return Collections.unmodifiableMap(new TreeMap<>(byEntityType));
    }

    /** All findings in a list: memory grows with their number; for small scans and tests. */
    public List<Finding> toList() {
        List<Finding> all = new ArrayList<>();
        for (Finding f : this) {
            all.add(f);
        }
        return all;
    }

    /** The findings in {@link ScanResult#ORDER}, merged from disk as they are read. */
    @Override
    public synchronized Iterator<Finding> iterator() {
        if (!finished || closed) {
            throw new IllegalStateException(closed ? "the store is closed" : "the store is not finished");
        }
        if (runs.isEmpty()) {
            return buffer.iterator();
        }
        List<Iterator<Finding>> sources = new ArrayList<>();
        for (Path run : runs) {
            sources.add(openRun(run));
        }
        sources.add(buffer.iterator());
        return new Merge(sources);
    }

    /** Deletes the spill files and directory. Safe to call more than once. */
    @Override
    public synchronized void close() {
        closed = true;
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

    private void spill() {
        buffer.sort(ScanResult.ORDER);
        try {
            runs.add(writeRun(buffer.iterator()));
            buffer = new ArrayList<>();
            if (runs.size() >= MAX_RUNS) {
                List<Iterator<Finding>> sources = new ArrayList<>();
                for (Path run : runs) {
                    sources.add(openRun(run));
                }
                Path merged = writeRun(new Merge(sources));
                for (Path run : runs) {
                    Files.deleteIfExists(run);
                }
                runs.clear();
                runs.add(merged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write findings to a temporary file", e);
        }
    }

    private Path writeRun(Iterator<Finding> findings) throws IOException {
        if (dir == null) {
            dir = createPrivateDir();
            Path d = dir;
            cleanupHook = new Thread(() -> deleteTree(d), "dataguardian-spill-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanupHook);
        }
        Path run = dir.resolve("run-" + (runCounter++) + ".bin");
        Files.createFile(run, ownerOnly("rw-------"));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            while (findings.hasNext()) {
                out.writeByte(1);
                write(out, findings.next());
            }
            out.writeByte(0);
        }
        return run;
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

    private Iterator<Finding> openRun(Path run) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), READ_BUFFER));
            openReaders.add(in);
            return new RunReader(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read spilled findings", e);
        }
    }

    /** Reads one run back; closes its file at the end. */
    private final class RunReader implements Iterator<Finding> {
        private final DataInputStream in;
        private Finding next;
        private boolean done;

        RunReader(DataInputStream in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    if (in.readByte() == 1) {
                        next = read(in);
                    } else {
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

    /** A stable k-way merge: on equal keys the earlier source wins. */
    private static final class Merge implements Iterator<Finding> {
        private record Head(Finding finding, int source) {
        }

        private static final Comparator<Head> HEAD_ORDER = Comparator.comparing(Head::finding, ScanResult.ORDER)
                .thenComparingInt(Head::source);

        private final List<Iterator<Finding>> sources;
        private final PriorityQueue<Head> heads = new PriorityQueue<>(HEAD_ORDER);

        Merge(List<Iterator<Finding>> sources) {
            this.sources = sources;
            for (int i = 0; i < sources.size(); i++) {
                pull(i);
            }
        }

        private void pull(int i) {
            Iterator<Finding> it = sources.get(i);
            if (it.hasNext()) {
                heads.add(new Head(it.next(), i));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Finding next() {
            Head h = heads.poll();
            if (h == null) {
                throw new NoSuchElementException();
            }
            pull(h.source());
            return h.finding();
        }
    }

    // --- binary form of a Finding: only what the record holds (masked values, never raw ones) ---

    private static void write(DataOutputStream out, Finding f) throws IOException {
        str(out, f.detectorId());
        str(out, f.entityType());
        out.writeByte(f.severity().ordinal());
        out.writeDouble(f.confidence());
        out.writeInt(f.articles().size());
        for (String a : f.articles()) {
            str(out, a);
        }
        Location l = f.location();
        out.writeBoolean(l != null);
        if (l != null) {
            str(out, l.path());
            str(out, l.section());
            out.writeInt(l.line());
            out.writeInt(l.column());
            out.writeInt(l.endLine());
            out.writeInt(l.endColumn());
            out.writeLong(l.offset());
            out.writeInt(l.length());
        }
        str(out, f.maskedValue());
        str(out, f.fingerprint());
        str(out, f.snippet());
        out.writeInt(f.occurrences());
        out.writeInt(f.attributes().size());
        for (Map.Entry<String, String> e : new TreeMap<>(f.attributes()).entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static Finding read(DataInputStream in) throws IOException {
        String detector = str(in);
        String entity = str(in);
        Severity severity = Severity.values()[in.readByte()];
        double confidence = in.readDouble();
        int na = in.readInt();
        List<String> articles = new ArrayList<>(na);
        for (int i = 0; i < na; i++) {
            articles.add(str(in));
        }
        Location loc = null;
        if (in.readBoolean()) {
            loc = new Location(str(in), str(in), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readLong(), in.readInt());
        }
        String masked = str(in);
        String fingerprint = str(in);
        String snippet = str(in);
        int occurrences = in.readInt();
        int nattr = in.readInt();
        Map<String, String> attributes = nattr == 0 ? Map.of() : new HashMap<>();
        for (int i = 0; i < nattr; i++) {
            attributes.put(str(in), str(in));
        }
        return new Finding(detector, entity, severity, confidence, articles, loc, masked, fingerprint, snippet,
                occurrences, attributes);
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
