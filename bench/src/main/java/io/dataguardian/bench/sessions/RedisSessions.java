package io.dataguardian.bench.sessions;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Spring Session's indexed Redis layout, measured and multiplied.
 *
 * <pre>
 * layout --redis redis://127.0.0.1:6379 --ns NS                      # every key under NS with type, TTL, size
 * seed   --redis URL --ns NS --user lu0001 --count 100000 --per-user 5  # copies one real session of --user
 * memory --redis URL --ns NS                                         # MEMORY USAGE of every key, per session
 * clean  --redis URL --prefix PREFIX                                 # UNLINK PREFIX:*
 * </pre>
 *
 * {@code seed} takes one real session of {@code --user} (found through its principal index) and, for each new
 * session, copies every key and set/zset member that names the template's id, with the session id replaced by a new
 * UUID and the user name by a made-up one of the same length ({@code x00001}...), so the JDK-serialized values
 * (security context, index members) stay valid byte for byte. Keys keep the template's TTL. Pipelined.
 */
public final class RedisSessions {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = SessionsLoad.options(args);
        RedisClient client = RedisClient.create(o.getOrDefault("redis", "redis://127.0.0.1:6379"));
        try (StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE)) {
            switch (args[0]) {
                case "layout" -> layout(c.sync(), o.get("ns"));
                case "seed" -> seed(c, o.get("ns"), o.get("user"), Integer.parseInt(o.getOrDefault("count", "100000")),
                        Integer.parseInt(o.getOrDefault("per-user", "5")));
                case "memory" -> memory(c, o.get("ns"));
                case "clean" -> clean(c, o.get("prefix"));
                default -> throw new IllegalArgumentException(args[0]);
            }
        } finally {
            client.shutdown();
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static List<byte[]> keys(RedisCommands<byte[], byte[]> r, String pattern) {
        List<byte[]> out = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<byte[]> page = r.scan(cursor, ScanArgs.Builder.matches(pattern).limit(2000));
            out.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return out;
    }

    static void layout(RedisCommands<byte[], byte[]> r, String ns) {
        Map<String, String> lines = new TreeMap<>();
        for (byte[] k : keys(r, ns + ":*")) {
            String type = r.type(k);
            long n = switch (type) {
                case "hash" -> r.hlen(k);
                case "set" -> r.scard(k);
                case "zset" -> r.zcard(k);
                default -> 1;
            };
            lines.put(s(k), type + " n=" + n + " pttl=" + r.pttl(k) + " bytes=" + r.memoryUsage(k));
        }
        lines.forEach((k, v) -> System.out.println(k + "  " + v));
    }

    /** A key or member to copy: where it lives, what kind, its template bytes. */
    private record Part(byte[] key, String type, byte[] field, byte[] value, double score, long pttl) {
    }

    static void seed(StatefulRedisConnection<byte[], byte[]> c, String ns, String user, int count, int perUser) {
        RedisCommands<byte[], byte[]> r = c.sync();
        String indexPrefix = ns + ":index:org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME:";
        List<byte[]> members = new ArrayList<>(r.smembers(b(indexPrefix + user)));
        String id = null;
        for (byte[] m : members) {
            String text = s(m);
            String candidate = text.length() >= 36 ? text.substring(text.length() - 36) : text;
            if (r.exists(b(ns + ":sessions:" + candidate)) == 1) {
                id = candidate;
                break;
            }
        }
        if (id == null) {
            throw new IllegalStateException("no live session of " + user + " under " + indexPrefix + user);
        }
        byte[] idBytes = b(id);
        byte[] userBytes = b(user);
        List<Part> parts = new ArrayList<>();
        for (byte[] k : keys(r, ns + ":*")) {
            String name = s(k);
            String type = r.type(k);
            boolean own = name.contains(id) || name.endsWith(":" + user);
            switch (type) {
                case "hash" -> {
                    if (own) {
                        long pttl = r.pttl(k);
                        r.hgetall(k).forEach((f, v) -> parts.add(new Part(k, type, f, v, 0, pttl)));
                    }
                }
                case "string" -> {
                    if (own) {
                        parts.add(new Part(k, type, null, r.get(k), 0, r.pttl(k)));
                    }
                }
                case "set" -> {
                    for (byte[] m : r.smembers(k)) {
                        if (indexOf(m, idBytes) >= 0) {
                            parts.add(new Part(k, type, m, null, 0, own ? r.pttl(k) : -1));
                        }
                    }
                }
                case "zset" -> {
                    for (byte[] m : r.zrange(k, 0, -1)) {
                        if (indexOf(m, idBytes) >= 0) {
                            parts.add(new Part(k, type, m, null, r.zscore(k, m), -1));
                        }
                    }
                }
                default -> { }
            }
        }
        System.out.println("template session " + id + " of " + user + ": " + parts.size() + " parts");
        for (Part p : parts) {
            System.out.println("  " + p.type() + " " + s(p.key()).replace(id, "<id>") + (p.field() == null ? "" : " [" + printable(p.field()).replace(id, "<id>") + "]")
                    + (p.value() == null ? "" : " " + p.value().length + " bytes") + (p.pttl() > 0 ? " pttl " + p.pttl() : ""));
        }
        c.setAutoFlushCommands(false);
        RedisAsyncCommands<byte[], byte[]> a = c.async();
        long t0 = System.nanoTime();
        List<RedisFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] newId = b(UUID.randomUUID().toString());
            byte[] newUser = b(fakeUser(user.length(), i / perUser));
            Map<String, Map<byte[], byte[]>> hashes = new LinkedHashMap<>();
            Map<String, Long> ttl = new LinkedHashMap<>();
            for (Part p : parts) {
                byte[] key = replace(replace(p.key(), idBytes, newId), userBytes, newUser);
                switch (p.type()) {
                    case "hash" -> {
                        hashes.computeIfAbsent(s(key), x -> new LinkedHashMap<>()).put(p.field(), replace(replace(p.value(), idBytes, newId), userBytes, newUser));
                        ttl.put(s(key), p.pttl());
                    }
                    case "string" -> pending.add(p.pttl() > 0 ? a.psetex(key, p.pttl(), replace(p.value(), idBytes, newId)) : a.set(key, replace(p.value(), idBytes, newId)));
                    case "set" -> {
                        pending.add(a.sadd(key, replace(p.field(), idBytes, newId)));
                        if (p.pttl() > 0) {
                            pending.add(a.pexpire(key, p.pttl()));
                        }
                    }
                    case "zset" -> pending.add(a.zadd(key, p.score(), replace(p.field(), idBytes, newId)));
                    default -> { }
                }
            }
            for (Map.Entry<String, Map<byte[], byte[]>> h : hashes.entrySet()) {
                byte[] key = h.getKey().getBytes(StandardCharsets.ISO_8859_1);
                pending.add(a.hset(key, h.getValue()));
                if (ttl.get(h.getKey()) > 0) {
                    pending.add(a.pexpire(key, ttl.get(h.getKey())));
                }
            }
            if (pending.size() >= 2000) {
                c.flushCommands();
                await(pending);
            }
        }
        c.flushCommands();
        await(pending);
        c.setAutoFlushCommands(true);
        System.out.printf(Locale.ROOT, "seeded %d sessions (%d made-up users, %d per user) in %.1f s%n", count,
                (count + perUser - 1) / perUser, perUser, (System.nanoTime() - t0) / 1e9);
    }

    static String fakeUser(int length, int n) {
        String digits = String.format(Locale.ROOT, "%0" + (length - 1) + "d", n);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("user name too short for " + n + " made-up users");
        }
        return "x" + digits;
    }

    static void await(List<RedisFuture<?>> pending) {
        for (RedisFuture<?> f : pending) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pending.clear();
    }

    static String printable(byte[] b) {
        StringBuilder out = new StringBuilder();
        for (byte x : b) {
            out.append(x >= 32 && x < 127 ? (char) x : '.');
        }
        return out.toString();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Same-length replacement of every occurrence. */
    static byte[] replace(byte[] in, byte[] from, byte[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("replacement must keep the length");
        }
        byte[] out = in;
        int i = indexOf(out, from);
        while (i >= 0) {
            if (out == in) {
                out = Arrays.copyOf(in, in.length);
            }
            System.arraycopy(to, 0, out, i, to.length);
            int next = indexOf(Arrays.copyOfRange(out, i + to.length, out.length), from);
            i = next < 0 ? -1 : i + to.length + next;
        }
        return out;
    }

    static void memory(StatefulRedisConnection<byte[], byte[]> c, String ns) {
        RedisCommands<byte[], byte[]> r = c.sync();
        List<byte[]> all = keys(r, ns + ":*");
        c.setAutoFlushCommands(false);
        RedisAsyncCommands<byte[], byte[]> a = c.async();
        List<RedisFuture<Long>> usage = new ArrayList<>();
        for (byte[] k : all) {
            usage.add(a.memoryUsage(k));
        }
        c.flushCommands();
        c.setAutoFlushCommands(true);
        Map<String, long[]> byKind = new TreeMap<>();
        long sessions = 0;
        long total = 0;
        for (int i = 0; i < all.size(); i++) {
            String name = s(all.get(i));
            String kind = name.substring(ns.length() + 1).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>")
                    .replaceAll("PRINCIPAL_NAME_INDEX_NAME:.*", "PRINCIPAL_NAME_INDEX_NAME:<user>")
                    .replaceAll("expirations:\\d+", "expirations:<minute>").replaceAll("lock:user:.*", "lock:user:<user>");
            long bytes;
            try {
                Long v = usage.get(i).get(30, TimeUnit.SECONDS);
                bytes = v == null ? 0 : v;
            } catch (Exception e) {
                bytes = 0;
            }
            long[] agg = byKind.computeIfAbsent(kind, x -> new long[2]);
            agg[0]++;
            agg[1] += bytes;
            total += bytes;
            if (kind.equals("sessions:<id>")) {
                sessions++;
            }
        }
        System.out.printf(Locale.ROOT, "%d keys under %s, %d session hashes, MEMORY USAGE total %.1f MiB%n", all.size(), ns,
                sessions, total / 1048576.0);
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-70s keys %7d  bytes %11d  avg %7.0f%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1], e.getValue()[1] / (double) e.getValue()[0]);
        }
        if (sessions > 0) {
            System.out.printf(Locale.ROOT, "PER_SESSION_BYTES %.0f (all keys under the namespace / session hashes)%n", total / (double) sessions);
        }
    }

    static void clean(StatefulRedisConnection<byte[], byte[]> c, String prefix) {
        if (prefix == null || prefix.length() < 6) {
            throw new IllegalArgumentException("refusing to clean prefix " + prefix);
        }
        RedisCommands<byte[], byte[]> r = c.sync();
        long n = 0;
        List<byte[]> keys = keys(r, prefix + ":*");
        for (int i = 0; i < keys.size(); i += 1000) {
            n += r.unlink(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(new byte[0][]));
        }
        System.out.println("unlinked " + n + " keys under " + prefix + ":*");
    }
}
