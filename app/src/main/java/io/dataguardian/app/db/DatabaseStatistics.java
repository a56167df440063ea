package io.dataguardian.app.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * One snapshot of the database layer for the dashboard and the profiler, read from the same meters
 * that {@code /actuator/prometheus} serves plus the pool's own MXBean.
 */
@Service
public class DatabaseStatistics {

    /** Pool, query and cache figures at one moment; rates are over the time since the previous snapshot. */
    public record Snapshot(Pool pool, double acquireMeanMillis, long queries, double queriesPerSecond,
                           double meanQueryMillis, double p99QueryMillis, long slowQueries,
                           double cacheHits, double cacheMisses, List<SlowQueryLog.Entry> topSlowQueries) {
    }

    /** Connections of the pool; all -1 when the DataSource is not HikariCP. */
    public record Pool(int active, int idle, int pending, int total, int max) {
    }

    private final DataSource dataSource;
    private final MeterRegistry registry;
    private final SlowQueryLog slowQueries;
    private long lastCount;
    private long lastNanos = System.nanoTime();

    public DatabaseStatistics(DataSource dataSource, MeterRegistry registry, SlowQueryLog slowQueries) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.slowQueries = slowQueries;
    }

    public synchronized Snapshot snapshot() {
        Timer all = registry.find(QueryMetricsListener.TIMER + ".all").timer();
        long count = all == null ? 0 : all.count();
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double qps = (count - lastCount) / seconds;
        lastCount = count;
        lastNanos = now;
        double mean = all == null ? 0 : all.mean(TimeUnit.MILLISECONDS);
        double p99 = 0;
        if (all != null) {
            HistogramSnapshot h = all.takeSnapshot();
            for (ValueAtPercentile v : h.percentileValues()) {
                if (Math.abs(v.percentile() - 0.99) < 1e-9) {
                    p99 = v.value(TimeUnit.MILLISECONDS);
                }
            }
        }
        Timer acquire = registry.find("hikaricp.connections.acquire").timer();
        return new Snapshot(pool(), acquire == null ? 0 : acquire.mean(TimeUnit.MILLISECONDS), count, qps, mean, p99,
                slowQueries.slowCount(), cacheGets("hit"), cacheGets("miss"), slowQueries.top(10));
    }

    private double cacheGets(String result) {
        double sum = 0;
        for (FunctionCounter c : registry.find("cache.gets").tag("result", result).functionCounters()) {
            sum += c.count();
        }
        for (Counter c : registry.find("cache.gets").tag("result", result).counters()) {
            sum += c.count();
        }
        return sum;
    }

    private Pool pool() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
                HikariPoolMXBean mx = hikari.getHikariPoolMXBean();
                if (mx != null) {
                    return new Pool(mx.getActiveConnections(), mx.getIdleConnections(),
                            mx.getThreadsAwaitingConnection(), mx.getTotalConnections(), hikari.getMaximumPoolSize());
                }
            }
        } catch (SQLException e) {
            // not a Hikari pool
        }
        return new Pool(-1, -1, -1, -1, -1);
    }

}
