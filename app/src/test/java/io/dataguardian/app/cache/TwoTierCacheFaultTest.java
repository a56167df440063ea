package io.dataguardian.app.cache;

import static io.dataguardian.app.cache.CacheNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import org.junit.jupiter.api.Test;

/**
 * Redis really stops in the middle of traffic (SIGTERM to our own redis-server) and comes back on the
 * same port: no operation fails, the breaker opens, then closes by itself and L1 is dropped.
 */
class TwoTierCacheFaultTest {

    private static final String NS = CacheNamespaces.SCAN_RESULTS;

    record Summary(String scan, int findings) {
    }

    @Test
    void redisStoppingAndRestartingMidTrafficFailsNoOperation() throws Exception {
        String binary = findRedisServer();
        assumeTrue(binary != null, "redis-server binary not found on PATH or /usr/bin: fault test skipped");
        int port = freePort();
        Process redis = startRedis(binary, port);
        CacheNodes nodes = null;
        List<Thread> workers = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ops = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        LongAccumulator slowestOutageOpMicros = new LongAccumulator(Math::max, 0);
        LongAccumulator slowestNormalOpMicros = new LongAccumulator(Math::max, 0);
        AtomicBoolean outage = new AtomicBoolean();
        List<Throwable> firstFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            nodes = new CacheNodes("redis://127.0.0.1:" + port);
            nodes.props.setRedisTimeout(new CacheProperties().getRedisTimeout());
            TwoTierCache a = nodes.node();
            TwoTierCache b = nodes.node();
            RedisCircuitBreaker breakerA = a.redis().orElseThrow().breaker();
            RedisCircuitBreaker breakerB = b.redis().orElseThrow().breaker();
            Map<String, Summary> db = new ConcurrentHashMap<>();

            for (int w = 0; w < 4; w++) {
                TwoTierCache node = w % 2 == 0 ? a : b;
                Thread t = new Thread(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    while (running.get()) {
                        String key = "scan-" + rnd.nextInt(200);
                        long start = System.nanoTime();
                        try {
                            int op = rnd.nextInt(10);
                            if (op < 7) {
                                Summary s = node.get(NS, "org1", key, Summary.class,
                                        () -> db.computeIfAbsent(key, k -> new Summary(k, 0)));
                                if (s == null || !s.scan().equals(key)) {
                                    throw new IllegalStateException("wrong value for " + key + ": " + s);
                                }
                            } else if (op < 9) {
                                Summary s = new Summary(key, rnd.nextInt(100));
                                db.put(key, s);
                                node.put(NS, "org1", key, s);
                            } else {
                                db.remove(key);
                                node.evict(NS, "org1", key);
                            }
                            ops.incrementAndGet();
                        } catch (RuntimeException e) {
                            if (failures.incrementAndGet() <= 3) {
                                firstFailures.add(e);
                            }
                        }
                        // for the report, not asserted: on a shared machine the worst case is mostly scheduling
                        (outage.get() ? slowestOutageOpMicros : slowestNormalOpMicros)
                                .accumulate((System.nanoTime() - start) / 1000);
                    }
                }, "cache-fault-worker-" + w);
                t.start();
                workers.add(t);
            }

            await("traffic with Redis up", () -> ops.get() > 5_000);
            long flushesA = a.l1Flushes();
            long flushesB = b.l1Flushes();

            outage.set(true);
            redis.destroy(); // SIGTERM
            redis.waitFor();
            await("breakers open", () -> breakerA.openedCount() > 0 && breakerB.openedCount() > 0);
            long atOutage = ops.get();
            await("traffic during the outage", () -> ops.get() > atOutage + 5_000);

            redis = startRedis(binary, port);
            outage.set(false);
            await("breakers close by themselves", () -> breakerA.closedCount() > 0 && breakerB.closedCount() > 0
                    && breakerA.allowsRequests() && breakerB.allowsRequests());
            long afterRecovery = ops.get();
            await("traffic after recovery", () -> ops.get() > afterRecovery + 5_000);
            running.set(false);
            for (Thread t : workers) {
                t.join();
            }

            assertThat(failures).as(() -> "failed operations, first ones: " + firstFailures.stream()
                    .map(f -> f + " at " + java.util.Arrays.toString(f.getStackTrace()).substring(0, 1500))
                    .toList()).hasValue(0);
            assertThat(a.l1Flushes()).isGreaterThan(flushesA);
            assertThat(b.l1Flushes()).isGreaterThan(flushesB);
            assertThat(a.stats(NS).l2Errors() + b.stats(NS).l2Errors()).isPositive();
            // deletes made while Redis was away are sent once it is back
            await("pending invalidations replayed", () -> a.redis().orElseThrow().pendingInvalidations() == 0
                    && b.redis().orElseThrow().pendingInvalidations() == 0);

            // after recovery the tiers work together again: B's copy goes when A writes
            Summary fresh = new Summary("scan-1", 999);
            b.get(NS, "org1", "scan-1", Summary.class, () -> new Summary("scan-1", 1));
            long before = b.stats(NS).l1Invalidations();
            a.put(NS, "org1", "scan-1", fresh);
            await("B hears A again", () -> b.stats(NS).l1Invalidations() > before);
            assertThat(b.get(NS, "org1", "scan-1", Summary.class, () -> null)).isEqualTo(fresh);
            assertThat(nodes.rawGet(nodes.prefix + ":" + NS + ":org1:scan-1")).isNotNull();

            System.out.printf("fault test: %d operations, %d failures, slowest operation during outage %d us "
                            + "(with Redis up %d us), L2 errors A=%d B=%d%n", ops.get(), failures.get(),
                    slowestOutageOpMicros.get(), slowestNormalOpMicros.get(),
                    a.stats(NS).l2Errors(), b.stats(NS).l2Errors());
        } finally {
            running.set(false);
            for (Thread t : workers) {
                t.join();
            }
            if (nodes != null) {
                nodes.close();
            }
            redis.destroy();
            redis.waitFor();
        }
    }

    private static String findRedisServer() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Process startRedis(String binary, int port) throws Exception {
        Process p = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await("redis-server on port " + port + " answers PING", () -> p.isAlive() && pings(port));
        } catch (Throwable t) {
            p.destroy(); // never leave a server behind
            throw t;
        }
        return p;
    }

    private static boolean pings(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
