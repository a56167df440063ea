package io.dataguardian.bench.cache;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} on a free loopback port, no persistence, that can be stopped and
 * started again on the same port. A JVM shutdown hook kills it whatever happens.
 */
final class RedisServer implements AutoCloseable {

    final int port;
    private final File log;
    private volatile Process process;

    RedisServer() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
        this.log = File.createTempFile("bench-redis-" + port + "-", ".log");
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "bench-redis-kill"));
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("redis-server exited at start, see " + log);
                }
                Thread.sleep(20);
            }
        }
        kill();
        throw new IOException("redis-server did not listen on " + port + " within 10 s, see " + log);
    }

    /** SIGTERM (Process.destroy) and wait for it to exit. */
    void stop() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kill();
            log.delete();
        }
    }
}
