package io.dataguardian.app.db;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statements slower than the threshold: each normalised query is logged once (redacted: literals and
 * parameters never appear) and counted in a bounded list with count, mean and max.
 */
public class SlowQueryLog {

    private static final Logger log = LoggerFactory.getLogger(SlowQueryLog.class);

    /** One normalised slow query. */
    public record Entry(String name, String statement, long count, Duration mean, Duration max, Duration total) {
    }

    private static final class Stats {
        final String statement;
        final LongAdder count = new LongAdder();
        final LongAdder totalNanos = new LongAdder();
        final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

        Stats(String statement) {
            this.statement = statement;
        }
    }

    private final Duration threshold;
    private final int capacity;
    private final Map<String, Stats> byName = new ConcurrentHashMap<>();
    private final LongAdder slowCount = new LongAdder();

    public SlowQueryLog(Duration threshold, int capacity) {
        this.threshold = threshold;
        this.capacity = Math.max(1, capacity);
    }

    public Duration threshold() {
        return threshold;
    }

    /** Records one execution if it is slow; returns whether it was. */
    public boolean record(String name, String sql, long nanos) {
        if (nanos < threshold.toNanos()) {
            return false;
        }
        slowCount.increment();
        Stats stats = byName.get(name);
        if (stats == null) {
            if (byName.size() >= capacity) {
                evictSmallest();
            }
            String redacted = QueryNames.redact(sql);
            Stats fresh = new Stats(redacted);
            stats = byName.putIfAbsent(name, fresh);
            if (stats == null) {
                stats = fresh;
                log.warn("Slow query '{}' took {} ms (threshold {} ms): {}", name, nanos / 1_000_000,
                        threshold.toMillis(), redacted);
            }
        }
        stats.count.increment();
        stats.totalNanos.add(nanos);
        stats.maxNanos.accumulate(nanos);
        return true;
    }

    /** Statements over the threshold since start-up. */
    public long slowCount() {
        return slowCount.sum();
    }

    /** The slowest normalised queries by total time, at most {@code limit}. */
    public List<Entry> top(int limit) {
        return byName.entrySet().stream()
                .map(e -> {
                    Stats s = e.getValue();
                    long n = Math.max(1, s.count.sum());
                    long total = s.totalNanos.sum();
                    return new Entry(e.getKey(), s.statement, s.count.sum(), Duration.ofNanos(total / n),
                            Duration.ofNanos(s.maxNanos.get()), Duration.ofNanos(total));
                })
                .sorted(Comparator.comparing(Entry::total).reversed())
                .limit(limit)
                .toList();
    }

    private void evictSmallest() {
        byName.entrySet().stream()
                .min(Comparator.comparingLong(e -> e.getValue().totalNanos.sum()))
                .ifPresent(e -> byName.remove(e.getKey(), e.getValue()));
    }
}
