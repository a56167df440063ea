package io.dataguardian.app.cache;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Redis for the one fault a real one cannot produce on demand: reads that stay in flight until
 * the test says so. It speaks just enough RESP2 for {@link RedisTier} (the handshake, GET, SET, UNLINK,
 * PUBLISH, SUBSCRIBE, PING). A GET of a key containing {@link #STALL} is answered only when
 * {@link #release} is called, with a miss or an error as the test chose; until then nothing else on
 * that connection is answered either (Redis answers in order). Other keys behave like a tiny Redis.
 */
final class StallingRedis implements AutoCloseable {

    static final String STALL = "stall";

    enum Answer { MISS, ERROR, NEVER }

    private final ServerSocket server;
    private final Map<String, byte[]> data = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger stalledGets = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Answer answer = Answer.MISS;
    private final Thread acceptor;

    StallingRedis() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "stalling-redis");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** GETs of stalled keys received so far (the first one blocks its connection, so usually 1). */
    int stalledGets() {
        return stalledGets.get();
    }

    /** The raw value a client SET, or null. */
    byte[] stored(String key) {
        return data.get(key);
    }

    Map<String, byte[]> stored() {
        return Map.copyOf(data);
    }

    /** Answers every stalled GET, now and later, with {@code how}; NEVER keeps them unanswered. */
    void release(Answer how) {
        answer = how;
        if (how != Answer.NEVER) {
            released.countDown();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "stalling-redis-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                List<byte[]> cmd = readCommand(in);
                if (cmd == null) {
                    return;
                }
                out.write(answer(cmd));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection closed by the client or by close()
        }
    }

    private byte[] answer(List<byte[]> cmd) throws InterruptedException {
        String name = str(cmd.get(0)).toUpperCase();
        switch (name) {
            case "HELLO":
                return err("ERR unknown command 'HELLO'"); // the client falls back to RESP2
            case "PING":
                return simple("PONG");
            case "GET": {
                String key = str(cmd.get(1));
                if (key.contains(STALL)) {
                    stalledGets.incrementAndGet();
                    while (!released.await(100, TimeUnit.MILLISECONDS)) {
                        if (server.isClosed()) {
                            throw new InterruptedException("closed");
                        }
                    }
                    if (answer == Answer.ERROR) {
                        return err("ERR injected failure");
                    }
                    return "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
                }
                byte[] v = data.get(key);
                return v == null ? "$-1\r\n".getBytes(StandardCharsets.US_ASCII) : bulk(v);
            }
            case "SET":
                data.put(str(cmd.get(1)), cmd.get(2));
                return simple("OK");
            case "UNLINK":
            case "DEL": {
                int n = 0;
                for (int i = 1; i < cmd.size(); i++) {
                    n += data.remove(str(cmd.get(i))) != null ? 1 : 0;
                }
                return (":" + n + "\r\n").getBytes(StandardCharsets.US_ASCII);
            }
            case "PUBLISH":
                return ":0\r\n".getBytes(StandardCharsets.US_ASCII);
            case "SUBSCRIBE": {
                byte[] ch = cmd.get(1);
                byte[] head = "*3\r\n$9\r\nsubscribe\r\n".getBytes(StandardCharsets.US_ASCII);
                byte[] tail = ":1\r\n".getBytes(StandardCharsets.US_ASCII);
                return concat(head, bulk(ch), tail);
            }
            case "CLIENT":
                return simple("OK");
            default:
                return err("ERR unknown command '" + name + "'");
        }
    }

    private static List<byte[]> readCommand(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            return null;
        }
        if (b != '*') {
            throw new IOException("expected an array, got " + (char) b);
        }
        int n = Integer.parseInt(line(in));
        List<byte[]> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (in.read() != '$') {
                throw new IOException("expected a bulk string");
            }
            int len = Integer.parseInt(line(in));
            byte[] v = in.readNBytes(len);
            in.readNBytes(2);
            parts.add(v);
        }
        return parts;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("eof");
            }
            sb.append((char) c);
        }
        in.read();
        return sb.toString();
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] simple(String s) {
        return ("+" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] err(String s) {
        return ("-" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bulk(byte[] v) {
        return concat(("$" + v.length + "\r\n").getBytes(StandardCharsets.US_ASCII), v,
                "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, at, p.length);
            at += p.length;
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
