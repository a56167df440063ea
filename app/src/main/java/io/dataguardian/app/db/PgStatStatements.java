package io.dataguardian.app.db;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The top statements of PostgreSQL's {@code pg_stat_statements} (PostgreSQL 13+ column names) for this
 * database, or, when the extension is not there, what an administrator does to enable it.
 */
@Service
public class PgStatStatements {

    static final String HOW_TO_ENABLE = "pg_stat_statements is not available. To enable it: add"
            + " shared_preload_libraries = 'pg_stat_statements' to postgresql.conf (or run"
            + " ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'), restart PostgreSQL, then run"
            + " CREATE EXTENSION IF NOT EXISTS pg_stat_statements; in this database as a superuser."
            + " Its overhead is not measurable on this workload.";

    /** One normalised statement as PostgreSQL counts it (its text holds $n placeholders, not values). */
    public record Statement(String queryId, String query, long calls, double totalMillis, double meanMillis,
                            double maxMillis, long rows, long sharedBlocksHit, long sharedBlocksRead) {
    }

    /** Either the statements, or {@code available == false} with the reason and how to enable it. */
    public record Report(boolean available, String message, List<Statement> byTotalTime, List<Statement> byMeanTime) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public PgStatStatements(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Report top(int limit) {
        if (DatabaseKind.of(dataSource) != DatabaseKind.POSTGRESQL) {
            return new Report(false, "pg_stat_statements exists on PostgreSQL only; this is the embedded database.",
                    List.of(), List.of());
        }
        boolean installed = jdbc.sql("select count(*) from pg_extension where extname = 'pg_stat_statements'")
                .query(Long.class).single() > 0;
        if (!installed) {
            return new Report(false, HOW_TO_ENABLE, List.of(), List.of());
        }
        try {
            return new Report(true, "", query("total_exec_time", limit), query("mean_exec_time", limit));
        } catch (DataAccessException e) {
            // installed but not preloaded: "pg_stat_statements must be loaded via shared_preload_libraries"
            return new Report(false, HOW_TO_ENABLE + " (PostgreSQL said: " + rootMessage(e) + ")", List.of(), List.of());
        }
    }

    private List<Statement> query(String orderBy, int limit) {
        return jdbc.sql("select queryid::text as queryid, query, calls, total_exec_time, mean_exec_time,"
                        + " max_exec_time, rows, shared_blks_hit, shared_blks_read from pg_stat_statements"
                        + " where dbid = (select oid from pg_database where datname = current_database())"
                        + " order by " + orderBy + " desc limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 100)))
                .query((rs, i) -> new Statement(rs.getString("queryid"), rs.getString("query"), rs.getLong("calls"),
                        rs.getDouble("total_exec_time"), rs.getDouble("mean_exec_time"), rs.getDouble("max_exec_time"),
                        rs.getLong("rows"), rs.getLong("shared_blks_hit"), rs.getLong("shared_blks_read")))
                .list();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
