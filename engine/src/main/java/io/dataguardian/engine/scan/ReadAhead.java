package io.dataguardian.engine.scan;

import io.dataguardian.engine.finding.Finding;
import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs an iterator of findings on a thread of its own, a few batches ahead of the reader: the
 * findings come out in exactly the source's order. {@link FindingStore} reads its merge of spilled
 * runs through one, so decoding and merging the runs take one core while the report writer formats
 * on the caller's.
 *
 * <p>Memory is bounded: a fixed pool of batches of {@value #BATCH} findings circulates between the
 * two threads (the reader hands a batch back before it waits for the next). An exception in the
 * source reaches the reader after the findings read before it, and again on every later call.
 * {@link #close()} stops the thread and waits for it; the reader then gets an
 * {@link IllegalStateException}. The thread is a daemon: a reader that stops early and never closes
 * does not keep the JVM alive (the store's owner must close it, which closes this).
 *
 * <p>The reading side is for one thread, like any iterator.
 */
final class ReadAhead implements Iterator<Finding>, Closeable {

    static final String THREAD_NAME = "dataguardian-findings-merge";
    static final int BATCH = 2048;
    /** Batches in circulation: one being filled, one being read, the rest queued ready. */
    static final int BATCHES = 6;

    private static final class Batch {
        final Finding[] items = new Finding[BATCH];
        int count;
        /** No batch follows this one. */
        boolean last;
        /** Thrown by the source after this batch's findings; implies last. */
        Throwable failure;
    }

    /** Put where the reader waits once the thread is stopped, so it never waits forever. */
    private static final Batch CLOSED = new Batch();

    private final Iterator<Finding> source;
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    /** Holds every batch at most, so putting never blocks: the bound is the free pool. */
    private final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(BATCHES + 1);
    private final Thread thread;
    private volatile boolean stopped;

    private Batch current;
    private int pos;

    ReadAhead(Iterator<Finding> source) {
        this.source = source;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
        thread = new Thread(this::produce, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** True once the thread has ended: the source is exhausted, failed or the read-ahead was closed. */
    boolean ended() {
        return !thread.isAlive();
    }

    private void produce() {
        Batch b = null;
        try {
            do {
                b = free.take();
                b.count = 0;
                while (b.count < BATCH && source.hasNext()) {
                    b.items[b.count++] = source.next();
                }
                b.last = b.count < BATCH;
                ready.add(b);
            } while (!b.last);
        } catch (InterruptedException e) {
            // closed: close() tells the reader
        } catch (Throwable e) {
            if (!stopped) {
                b.failure = e;
                b.last = true;
                ready.add(b);
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (current == null || pos == current.count) {
            if (current == CLOSED) {
                throw new IllegalStateException("the store is closed");
            }
            if (current != null) {
                if (current.failure != null) {
                    throw rethrow(current.failure);
                }
                if (current.last) {
                    return false;
                }
                free.add(current); // before waiting: the thread always has a batch to fill
            }
            current = nextReady();
            pos = 0;
        }
        return true;
    }

    @Override
    public Finding next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Finding f = current.items[pos];
        current.items[pos++] = null; // a recycled batch keeps no finding alive
        return f;
    }

    private Batch nextReady() {
        return Uninterruptibles.take(ready); // iteration is not interruptible, as over the runs directly
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("reading findings failed", failure);
    }

    /** Stops the thread and waits for it to end. Safe to call more than once, from any thread. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        Uninterruptibles.join(thread);
        ready.clear();
        ready.add(CLOSED);
    }
}
