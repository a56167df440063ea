package io.dataguardian.engine.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What differs between the supported databases: system schemas, read-only session set-up,
 * statement timeouts, row estimates and how to sample rows cheaply. Every identifier reaches SQL
 * through {@link TableRef#quoted}; every value through a bind parameter.
 */
enum Dialect {
    POSTGRESQL(Set.of("pg_catalog", "information_schema", "pg_toast")),
    MARIADB(Set.of("mysql", "information_schema", "performance_schema", "sys")),
    SQLSERVER(Set.of("sys", "INFORMATION_SCHEMA", "guest", "db_owner", "db_accessadmin", "db_securityadmin",
            "db_ddladmin", "db_backupoperator", "db_datareader", "db_datawriter", "db_denydatareader",
            "db_denydatawriter")),
    H2(Set.of("INFORMATION_SCHEMA")),
    SQLITE(Set.of()),
    OTHER(Set.of("INFORMATION_SCHEMA", "information_schema"));

    /** Below this estimate a table is counted exactly and read from the start. */
    static final long SMALL_TABLE = 10_000;
    /** The random offset never goes further than this (an offset scan reads the skipped rows). */
    static final long MAX_OFFSET = 1_000_000;

    private final Set<String> systemSchemas;

    Dialect(Set<String> systemSchemas) {
        this.systemSchemas = systemSchemas;
    }

    static Dialect of(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return MARIADB;
        }
        if (p.contains("microsoft") || p.contains("sql server")) {
            return SQLSERVER;
        }
        if (p.equals("h2")) {
            return H2;
        }
        if (p.contains("sqlite")) {
            return SQLITE;
        }
        return OTHER;
    }

    boolean isSystemSchema(String schema) {
        if (schema == null) {
            return false;
        }
        return systemSchemas.contains(schema) || this == POSTGRESQL && schema.startsWith("pg_temp")
                || this == POSTGRESQL && schema.startsWith("pg_toast");
    }

    /** MySQL / MariaDB call their databases catalogs; the others use schemas. */
    boolean catalogIsSchema() {
        return this == MARIADB;
    }

    /** Makes the session read-only and bounds each statement; called at the start of each transaction. */
    void beginReadOnly(Connection c, Duration timeout) throws SQLException {
        try {
            c.setReadOnly(true);
        } catch (SQLException e) {
            // some drivers (SQLite) only accept it when opening; the open properties cover that
        }
        if (this == MARIADB) {
            exec(c, "SET SESSION TRANSACTION READ ONLY", true);
            exec(c, "SET SESSION max_statement_time = " + Math.max(1, timeout.toSeconds()), true); // MariaDB
            exec(c, "SET SESSION max_execution_time = " + Math.max(1, timeout.toMillis()), true); // MySQL
        }
        c.setAutoCommit(false);
        if (this == POSTGRESQL) {
            exec(c, "SET TRANSACTION READ ONLY", false);
            exec(c, "SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()), false);
        }
    }

    private static void exec(Connection c, String sql, boolean optional) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if (!optional) {
                throw e;
            }
        }
    }

    /**
     * Estimated rows, and how they were estimated. Catalogue statistics where the database keeps
     * them; an exact COUNT(*) for small or unanalysed tables.
     */
    RowEstimate estimateRows(Connection c, TableRef t, String quote, int timeoutSeconds) throws SQLException {
        Long estimate = null;
        String method = null;
        if (this == POSTGRESQL) {
            estimate = single(c, "SELECT c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND c.relname = ?", timeoutSeconds, t.schema(), t.table());
            method = "pg_class.reltuples";
        } else if (this == MARIADB) {
            estimate = single(c, "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                    timeoutSeconds, t.schema(), t.table());
            method = "information_schema.TABLE_ROWS";
        } else if (this == SQLSERVER) {
            estimate = single(c, "SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = OBJECT_ID(?)"
                    + " AND p.index_id IN (0, 1)", timeoutSeconds, t.quoted(quote));
            method = "sys.partitions";
        }
        if (estimate == null || estimate < SMALL_TABLE) {
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(timeoutSeconds);
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t.quoted(quote))) {
                    rs.next();
                    return new RowEstimate(rs.getLong(1), "count");
                }
            }
        }
        return new RowEstimate(estimate, method);
    }

    private static Long single(Connection c, String sql, int timeoutSeconds, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                }
                return null;
            }
        }
    }

    /**
     * The sampling query for {@code columns} (already quoted): TABLESAMPLE SYSTEM on PostgreSQL for
     * big tables (reads a few pages, not the table), a random offset elsewhere, the first rows of a
     * small table. The caller also caps the rows with {@code setMaxRows}.
     */
    String sampleSql(TableRef t, String quote, String columns, long estimatedRows, int rows) {
        String from = t.quoted(quote);
        boolean big = estimatedRows > (long) rows * 10;
        switch (this) {
            case POSTGRESQL -> {
                if (big) {
                    // a few times the rows wanted, since SYSTEM sampling picks whole pages at random
                    double pct = Math.min(100.0, Math.max(0.0001, 1000.0 * rows / estimatedRows));
                    return "SELECT " + columns + " FROM " + from + " TABLESAMPLE SYSTEM ("
                            + String.format(Locale.ROOT, "%.6f", pct) + ") LIMIT " + rows;
                }
                return "SELECT " + columns + " FROM " + from + " LIMIT " + rows;
            }
            case SQLSERVER -> {
                return "SELECT " + columns + " FROM " + from + " ORDER BY (SELECT NULL) OFFSET " + offset(big, estimatedRows, rows)
                        + " ROWS FETCH NEXT " + rows + " ROWS ONLY";
            }
            default -> {
                return "SELECT " + columns + " FROM " + from + " LIMIT " + rows + " OFFSET " + offset(big, estimatedRows, rows);
            }
        }
    }

    private static long offset(boolean big, long estimatedRows, int rows) {
        if (!big) {
            return 0;
        }
        long max = Math.min(MAX_OFFSET, Math.max(0, estimatedRows - rows));
        return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max);
    }

    record RowEstimate(long rows, String method) {
    }
}
