package io.dataguardian.engine.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets a generator close its wrapper without closing the caller's stream (e.g. System.out). */
final class NonClosingStream extends FilterOutputStream {

    NonClosingStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
