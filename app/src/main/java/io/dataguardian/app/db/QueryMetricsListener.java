package io.dataguardian.app.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Times every JDBC statement into {@code dataguardian.db.query} (tag {@code query}: a normalised name,
 * with histogram) and an untagged {@code dataguardian.db.query.all} (mean, p99 for the dashboard), and
 * hands slow ones to the {@link SlowQueryLog}. Never looks at parameter values.
 */
public class QueryMetricsListener implements QueryExecutionListener {

    static final String TIMER = "dataguardian.db.query";
    private static final String START = "dataguardian.start";

    private final MeterRegistry registry;
    private final SlowQueryLog slowQueries;
    private final QueryNames names = new QueryNames();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Timer all;

    public QueryMetricsListener(MeterRegistry registry, SlowQueryLog slowQueries) {
        this.registry = registry;
        this.slowQueries = slowQueries;
        this.all = Timer.builder(TIMER + ".all")
                .description("Every JDBC statement, all queries together")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        registry.more().counter("dataguardian.db.slow.queries", List.of(), slowQueries, SlowQueryLog::slowCount);
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        execInfo.addCustomValue(START, System.nanoTime());
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        Long start = execInfo.getCustomValue(START, Long.class);
        long nanos = start != null ? System.nanoTime() - start : TimeUnit.MILLISECONDS.toNanos(execInfo.getElapsedTime());
        String sql = queryInfoList.isEmpty() ? "" : queryInfoList.get(0).getQuery();
        String name = names.nameOf(sql);
        timers.computeIfAbsent(name, n -> Timer.builder(TIMER)
                        .description("JDBC statements by normalised query")
                        .tag("query", n)
                        .publishPercentileHistogram()
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
        all.record(nanos, TimeUnit.NANOSECONDS);
        slowQueries.record(name, sql, nanos);
    }
}
