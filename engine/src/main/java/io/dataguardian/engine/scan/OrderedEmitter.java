package io.dataguardian.engine.scan;

import io.dataguardian.engine.finding.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the findings of a scan's files to a {@link FindingStream} in the files' order, as they finish.
 *
 * <p>Files are numbered in the order they were submitted to the worker pool (a FIFO queue). The worker that
 * finishes the next file in order writes its findings and then those of the files after it that have finished
 * meanwhile; a worker that finishes a later file leaves its findings here. Those waiting findings are bounded:
 * past the bound a worker with a later file waits until the earlier files are written. That cannot deadlock:
 * the next file in order was taken by a worker before any waiting worker took its own, and the worker that
 * holds the next file never waits here.
 *
 * <p>A failure of the stream (a report that cannot be written) is kept, the scan is cancelled, and every later
 * file's findings are dropped; {@link #rethrow()} throws it after the workers ended.
 */
final class OrderedEmitter {

    /** One finished file's findings, sorted. */
    interface Batch extends Iterable<Finding> {
        /** Its number of findings. */
        long size();

        /** The findings it holds in memory (those it spilled to disk do not count). */
        long inMemory();

        /** Frees what the batch holds (spill files); called once it was written or dropped. */
        void release();
    }

    static final Batch EMPTY = new Batch() {
        @Override
        public long size() {
            return 0;
        }

        @Override
        public long inMemory() {
            return 0;
        }

        @Override
        public void release() {
        }

        @Override
        public java.util.Iterator<Finding> iterator() {
            return java.util.Collections.emptyIterator();
        }
    };

    private final FindingStream stream;
    private final ScanControl control;
    private final long bound;
    private final Map<Integer, Batch> ready = new HashMap<>();
    private int next;
    private long waiting;
    private boolean emitting;
    private Throwable failure;
    private long emitted;

    /**
     * @param bound findings that may wait in memory for earlier files before workers with later files wait
     */
    OrderedEmitter(FindingStream stream, ScanControl control, long bound) {
        this.stream = stream;
        this.control = control;
        this.bound = Math.max(1, bound);
    }

    /** File number {@code index} (each exactly once) finished with these findings (possibly {@link #EMPTY}). */
    void finished(int index, Batch batch) {
        synchronized (this) {
            boolean interrupted = false;
            while (index != next && failure == null && waiting > 0 && waiting + batch.inMemory() > bound) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the pool is being shut down after a failure; keep order all the same
                    break;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                batch.release();
                return;
            }
            ready.put(index, batch);
            waiting += batch.inMemory();
            if (emitting || index != next) {
                return;
            }
            emitting = true;
        }
        emitReady();
    }

    /** On the one emitting thread: writes the next files' findings while they are there. */
    private void emitReady() {
        while (true) {
            Batch b;
            synchronized (this) {
                b = failure == null ? ready.remove(next) : null;
                if (b == null) {
                    emitting = false;
                    notifyAll();
                    return;
                }
                waiting -= b.inMemory();
                notifyAll();
            }
            boolean written = false;
            try {
                if (b.size() > 0) {
                    stream.findings(b);
                }
                written = true;
            } catch (IOException | RuntimeException | Error e) {
                fail(e instanceof IOException io ? new UncheckedIOException("could not write the report", io) : e);
            } finally {
                b.release();
            }
            synchronized (this) {
                next++;
                if (written) {
                    emitted += b.size();
                }
            }
        }
    }


    private void fail(Throwable e) {
        List<Batch> dropped;
        synchronized (this) {
            if (failure == null) {
                failure = e;
            }
            dropped = List.copyOf(ready.values());
            ready.clear();
            waiting = 0;
            notifyAll();
        }
        dropped.forEach(Batch::release);
        control.cancel();
    }

    /** After a failed scan: frees the findings still waiting (their spill files). */
    void discard() {
        fail(new IllegalStateException("the scan failed"));
    }

    synchronized long emitted() {
        return emitted;
    }

    /** After the workers ended: the stream's failure, if any, as an unchecked exception. */
    synchronized void rethrow() {
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
    }
}
