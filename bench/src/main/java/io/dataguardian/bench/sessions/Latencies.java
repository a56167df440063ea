package io.dataguardian.bench.sessions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies in microseconds per operation name, kept whole (a run is at most a few hundred thousand requests) and sorted at the end. */
final class Latencies {

    private static final class Series {
        private long[] values = new long[4096];
        private int size;
        final AtomicLong errors = new AtomicLong();

        synchronized void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

    void record(String op, long micros) {
        series.computeIfAbsent(op, k -> new Series()).add(micros);
    }

    void error(String op, String kind) {
        series.computeIfAbsent(op, k -> new Series()).errors.incrementAndGet();
        errorKinds.computeIfAbsent(op + " " + kind, k -> new AtomicLong()).incrementAndGet();
    }

    long errors() {
        return series.values().stream().mapToLong(s -> s.errors.get()).sum();
    }

    Map<String, Long> errorKinds() {
        Map<String, Long> out = new TreeMap<>();
        errorKinds.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** One line per operation plus "all": count, errors, p50/p95/p99/max in ms; rate over {@code seconds}. */
    String report(double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %8s %6s %8s %8s %8s %8s %8s %9s%n",
                "op", "count", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms"));
        long[] all = new long[0];
        long allErrors = 0;
        for (Map.Entry<String, Series> e : new TreeMap<>(series).entrySet()) {
            long[] s = e.getValue().sorted();
            line(out, e.getKey(), s, e.getValue().errors.get(), seconds);
            long[] merged = Arrays.copyOf(all, all.length + s.length);
            System.arraycopy(s, 0, merged, all.length, s.length);
            all = merged;
            allErrors += e.getValue().errors.get();
        }
        Arrays.sort(all);
        line(out, "all", all, allErrors, seconds);
        return out.toString();
    }

    private static void line(StringBuilder out, String op, long[] s, long errors, double seconds) {
        out.append(String.format(Locale.ROOT, "%-14s %8d %6d %8.1f %8.2f %8.2f %8.2f %8.2f %9.2f%n",
                op, s.length, errors, seconds > 0 ? s.length / seconds : 0,
                pct(s, 0.50), pct(s, 0.95), pct(s, 0.99), s.length == 0 ? 0 : s[s.length - 1] / 1000.0,
                s.length == 0 ? 0 : Arrays.stream(s).average().orElse(0) / 1000.0));
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
