package io.dataguardian.engine.report;

import io.dataguardian.engine.scan.Uninterruptibles;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Buffers what is written and writes it to the underlying stream on a thread of its own, so the write
 * system calls of a large report (a few hundred MB on a dense scan) take another core than the
 * formatting. The bytes and their order are those written; memory is bounded by a pool of at most
 * {@value #BUFFERS} buffers of {@value #BUFFER_SIZE} bytes, made as needed (a small report takes one).
 *
 * <p>A failure writing reaches the caller as an {@link IOException} from a later write, flush or
 * {@link #close()}; after one, the thread drops what it is given. {@link #flush()} waits until every
 * byte is written and the underlying stream flushed; {@link #close()} writes the rest, ends the thread
 * and closes the underlying stream. The stream is for one writing thread at a time (a SARIF report
 * streamed during a scan is written by whichever scan worker holds the next file, each handing over under
 * the scan's emitter lock), and must be closed (the thread is a daemon, but waits for data until then).
 */
final class WriteBehindOutputStream extends OutputStream {

    static final String THREAD_NAME = "dataguardian-report-write";
    static final int BUFFER_SIZE = 1 << 18;
    static final int BUFFERS = 4;

    private static final class Chunk {
        final byte[] bytes = new byte[BUFFER_SIZE];
        int length;
    }

    /** Ends the thread. */
    private static final Chunk END = new Chunk();

    private final OutputStream out;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread thread;
    private int buffers;
    private final Object progress = new Object();
    /** Chunks handed to the thread, and chunks it has written (or dropped after a failure): under progress. */
    private long handed;
    private long done;
    private volatile IOException failure;
    private Chunk current;
    private boolean closed;

    WriteBehindOutputStream(OutputStream out) {
        this.out = out;
        thread = new Thread(this::drain, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        current = freeChunk();
    }

    private void drain() {
        while (true) {
            Chunk c = Uninterruptibles.take(full);
            if (c == END) {
                return;
            }
            if (failure == null) {
                try {
                    out.write(c.bytes, 0, c.length);
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException | Error e) {
                    failure = new IOException("could not write the report", e);
                }
            }
            c.length = 0;
            free.add(c);
            synchronized (progress) {
                done++;
                progress.notifyAll();
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (closed || current.length == BUFFER_SIZE) {
            handOff();
        }
        current.bytes[current.length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            check();
        }
        while (len > 0) {
            if (current.length == BUFFER_SIZE) {
                handOff();
            }
            int n = Math.min(len, BUFFER_SIZE - current.length);
            System.arraycopy(b, off, current.bytes, current.length, n);
            current.length += n;
            off += n;
            len -= n;
        }
    }

    /** Hands the current buffer to the thread and takes a free one. */
    private void handOff() throws IOException {
        check();
        synchronized (progress) {
            handed++;
        }
        full.add(current);
        current = freeChunk();
    }

    /** A written buffer back from the thread, or a new one while the pool is not full. */
    private Chunk freeChunk() {
        Chunk c = free.poll();
        if (c != null) {
            return c;
        }
        if (buffers < BUFFERS) {
            buffers++;
            return new Chunk();
        }
        return Uninterruptibles.take(free); // writing is not interruptible, as on the underlying stream
    }

    private void check() throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        IOException e = failure;
        if (e != null) {
            throw new IOException("could not write the report", e);
        }
    }

    /** Writes everything so far and flushes the underlying stream. */
    @Override
    public void flush() throws IOException {
        check();
        if (current.length > 0) {
            handOff();
        }
        awaitDone();
        check();
        out.flush(); // the thread is idle: every chunk handed is written
    }

    private void awaitDone() {
        boolean interrupted = false;
        synchronized (progress) {
            while (done < handed) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the rest, ends the thread and closes the underlying stream; reports an earlier failure. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (current.length > 0 && failure == null) {
                handOff();
            }
        } finally {
            closed = true;
            full.add(END);
            Uninterruptibles.join(thread);
            out.close();
        }
        IOException e = failure;
        if (e != null) {
            throw new IOException("could not write the report", e);
        }
    }
}
