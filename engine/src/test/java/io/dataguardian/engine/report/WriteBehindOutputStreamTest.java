package io.dataguardian.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Writing on a thread of its own: the same bytes in the same order, failures reach the caller, close ends the thread. */
class WriteBehindOutputStreamTest {

    private static Set<Thread> writeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(WriteBehindOutputStream.THREAD_NAME) && t.isAlive())
                .collect(Collectors.toSet());
    }

    /** Records what reaches it, and whether it was flushed and closed. */
    private static final class Sink extends ByteArrayOutputStream {
        int flushes;
        boolean closed;
        long failAfter = Long.MAX_VALUE;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (size() + len > failAfter) {
                throw new java.io.UncheckedIOException(new IOException("disk full"));
            }
            super.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void writesTheSameBytesInOrderAcrossManyBuffers() throws IOException {
        Set<Thread> before = writeThreads();
        Random rnd = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Sink sink = new Sink();
        try (WriteBehindOutputStream out = new WriteBehindOutputStream(sink)) {
            while (expected.size() < 5 * WriteBehindOutputStream.BUFFER_SIZE + 123) {
                if (rnd.nextInt(4) == 0) {
                    int b = rnd.nextInt(256);
                    out.write(b);
                    expected.write(b);
                } else {
                    byte[] chunk = new byte[rnd.nextInt(rnd.nextBoolean() ? 100 : 3 * WriteBehindOutputStream.BUFFER_SIZE)];
                    rnd.nextBytes(chunk);
                    int off = chunk.length == 0 ? 0 : rnd.nextInt(chunk.length);
                    out.write(chunk, off, chunk.length - off);
                    expected.write(chunk, off, chunk.length - off);
                }
                if (rnd.nextInt(50) == 0) {
                    out.flush();
                    assertThat(sink.toByteArray()).isEqualTo(expected.toByteArray()); // flush waits for the writes
                }
            }
        }
        assertThat(sink.closed).isTrue();
        assertThat(sink.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(writeThreads()).isSubsetOf(before);
    }

    @Test
    void aFailedWriteReachesTheCallerAndCloseStillEndsTheThread() {
        Set<Thread> before = writeThreads();
        Sink sink = new Sink();
        sink.failAfter = 2L * WriteBehindOutputStream.BUFFER_SIZE;
        byte[] chunk = new byte[1000];
        assertThatThrownBy(() -> {
            try (OutputStream out = new WriteBehindOutputStream(sink)) {
                for (int i = 0; i < 10_000; i++) { // 10 MB: far past the failure, which stops it early
                    out.write(chunk);
                }
            }
        }).isInstanceOf(IOException.class).hasRootCauseMessage("disk full");
        assertThat(sink.closed).isTrue();
        assertThat(sink.size()).isLessThanOrEqualTo(2 * WriteBehindOutputStream.BUFFER_SIZE);
        assertThat(writeThreads()).isSubsetOf(before);
    }

    @Test
    void aFailureInTheLastBufferIsReportedByClose() {
        Sink sink = new Sink();
        sink.failAfter = 10;
        WriteBehindOutputStream out = new WriteBehindOutputStream(sink);
        assertThatThrownBy(() -> {
            out.write(new byte[100]);
            out.close();
        }).isInstanceOf(IOException.class).hasRootCauseMessage("disk full");
        assertThat(sink.closed).isTrue();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    }
}
