package io.dataguardian.engine.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes actually read (a skip reads through, so skipped bytes count too) and lets a
 * subclass refuse a read or judge the count after it. Marks are not supported, and
 * {@link #close()} leaves the stream underneath open: its owner closes it.
 */
abstract class CountingInputStream extends FilterInputStream {

    private long count;

    CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    /** Called before every read; throws to refuse it. */
    protected abstract void beforeRead() throws IOException;

    /** Called after n > 0 more bytes were read and counted; throws to stop the reader. */
    protected abstract void afterRead(int n) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        beforeRead();
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            afterRead(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the stream underneath belongs to whoever handed it to us
    }
}
