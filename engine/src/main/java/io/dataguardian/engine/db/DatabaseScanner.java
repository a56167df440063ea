package io.dataguardian.engine.db;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.ScanControl;
import io.dataguardian.engine.source.ColumnNameHints;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scans a live database for personal data, read-only: enumerates schemas, tables and columns
 * through {@link DatabaseMetaData} (system schemas skipped), flags columns by name
 * ({@link ColumnNameHints}, English and Dutch) and by sampled values (the detector catalogue), and
 * reports one {@link Finding} per (table, column, entity type): path {@code schema.table}, section
 * {@code column name}, attributes {@code method} (name / values / both), {@code share},
 * {@code sampledValues}, {@code estimatedRows}.
 *
 * <p>Safety: the connection is read-only (driver flag plus a read-only transaction where the
 * database has one), statements time out, identifiers are quoted, values are bound, nothing is
 * written. Credentials never appear in findings, errors or exception messages. A table that fails
 * is a {@link FileError} and the scan goes on.
 *
 * <p>Cancellation ({@link ScanControl#cancel()} from another thread, or an interrupt of the scanning thread) takes
 * effect mid-table: the row loop checks it for every row, and a statement still running (a slow sample query, a
 * query waiting for a lock) is cancelled on the server ({@link Statement#cancel()}) within {@link #CANCEL_CHECK}.
 * A cancelled scan reports no finding of the table it was in and returns a summary marked cancelled.
 */
public final class DatabaseScanner {

    /** Name-only confidence when no value was sampled (empty column or not sampled). */
    static final double NAME_ONLY = 0.6;
    /** Name-only confidence when values were sampled and none matched. */
    static final double NAME_ONLY_UNCONFIRMED = 0.35;
    static final double BOTH_BOOST = 0.15;
    /** Longest value scanned per cell. */
    static final int MAX_VALUE_CHARS = 4096;
    /** How often a running statement is checked for a cancelled scan. */
    static final long CANCEL_CHECK_MILLIS = 200;
    static final Duration CANCEL_CHECK = Duration.ofMillis(CANCEL_CHECK_MILLIS);

    /** One daemon thread for every scan of the JVM: it only looks at a flag and cancels a statement. */
    private static final ScheduledExecutorService CANCEL_WATCH = cancelWatch();

    private static ScheduledExecutorService cancelWatch() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "dataguardian-db-scan-cancel");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    private final DatabaseScanOptions options;

    public DatabaseScanner(DatabaseScanOptions options) {
        this.options = options;
    }

    /** Convenience: a scan with the limits of {@code mode}. */
    public static DatabaseScanSummary scan(DatabaseTarget target, ScanMode mode, TextScanner scanner, FindingSink sink)
            throws DatabaseScanException {
        return new DatabaseScanner(DatabaseScanOptions.of(mode)).scan(target, scanner, sink);
    }

    public DatabaseScanSummary scan(DatabaseTarget target, TextScanner scanner, FindingSink sink)
            throws DatabaseScanException {
        return scan(target, scanner, sink, new ScanControl());
    }

    /** A scan that stops, mid-table if need be, once {@code control} is cancelled or this thread is interrupted. */
    public DatabaseScanSummary scan(DatabaseTarget target, TextScanner scanner, FindingSink sink, ScanControl control)
            throws DatabaseScanException {
        Run run = new Run(control);
        ScheduledFuture<?> watch = CANCEL_WATCH.scheduleWithFixedDelay(run::cancelStatementIfCancelled,
                CANCEL_CHECK_MILLIS, CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return scan(target, scanner, sink, run);
        } finally {
            watch.cancel(false);
        }
    }

    private DatabaseScanSummary scan(DatabaseTarget target, TextScanner scanner, FindingSink sink, Run run)
            throws DatabaseScanException {
        long started = System.nanoTime();
        Properties props = target.connectionProperties();
        if (target.url().startsWith("jdbc:sqlite:")) {
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        }
        int timeoutSeconds = (int) Math.max(1, options.tableTimeout().toSeconds());
        DriverManager.setLoginTimeout(Math.max(DriverManager.getLoginTimeout(), 15));
        Connection c;
        try {
            c = DriverManager.getConnection(target.url(), props);
        } catch (SQLException e) {
            throw new DatabaseScanException("cannot connect to " + target.displayUrl() + ": "
                    + JdbcUrls.sanitize(e.getMessage(), target.password()));
        }
        try (Connection conn = c) {
            DatabaseMetaData md = conn.getMetaData();
            Dialect dialect = Dialect.of(md.getDatabaseProductName());
            String database = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
            String quote = md.getIdentifierQuoteString();
            dialect.beginReadOnly(conn, options.tableTimeout());
            List<TableRef> tables = listTables(conn, md, dialect);
            Counter counter = new Counter();
            // plan: columns and a priority for every table, cheapest first (metadata only)
            List<TablePlan> plans = new ArrayList<>();
            for (TableRef t : tables) {
                try {
                    plans.add(new TablePlan(t, listColumns(md, dialect, t)));
                } catch (SQLException e) {
                    report(sink, counter, new FileError(t.display(), "db-error", "cannot read columns: "
                            + JdbcUrls.sanitize(e.getMessage(), target.password())));
                    recover(conn, dialect);
                }
            }
            // estimate sizes only to pick the tables when there are more than the limit
            if (plans.size() > options.maxTables()) {
                for (TablePlan p : plans) {
                    p.estimate = estimate(conn, dialect, p.table, quote, timeoutSeconds, sink, counter, target);
                }
                plans.sort(Comparator.comparingInt((TablePlan p) -> -p.hintedColumns())
                        .thenComparingLong(p -> -(p.estimate == null ? 0 : p.estimate.rows())));
            }
            List<TablePlan> chosen = plans.subList(0, Math.min(plans.size(), options.maxTables()));
            int columns = 0;
            long rows = 0;
            long maxRows = 0;
            for (TablePlan p : chosen) {
                if (run.cancelled()) {
                    break;
                }
                if (p.estimate == null) {
                    p.estimate = estimate(conn, dialect, p.table, quote, timeoutSeconds, sink, counter, target);
                }
                TableResult r = scanTable(conn, dialect, quote, p, scanner, sink, counter, target, timeoutSeconds, run);
                columns += r.columns;
                rows += r.rows;
                maxRows = Math.max(maxRows, r.rows);
            }
            try {
                conn.rollback(); // nothing was written; end the read-only transaction
            } catch (SQLException ignored) {
                // closing the connection ends it too
            }
            return new DatabaseScanSummary(database, tables.size(), chosen.size(), columns, rows, maxRows,
                    counter.findings.get(), counter.errors.get(), Duration.ofNanos(System.nanoTime() - started),
                    run.cancelled());
        } catch (SQLException e) {
            throw new DatabaseScanException("database scan of " + target.displayUrl() + " failed: "
                    + JdbcUrls.sanitize(e.getMessage(), target.password()));
        }
    }

    private List<TableRef> listTables(Connection conn, DatabaseMetaData md, Dialect dialect) throws SQLException {
        List<TableRef> out = new ArrayList<>();
        String currentCatalog = dialect.catalogIsSchema() ? conn.getCatalog() : null;
        String[] types = dialect == Dialect.POSTGRESQL ? new String[] {"TABLE", "PARTITIONED TABLE"}
                : dialect == Dialect.H2 ? new String[] {"TABLE", "BASE TABLE"} : new String[] {"TABLE"};
        try (ResultSet rs = md.getTables(currentCatalog, null, "%", types)) {
            while (rs.next()) {
                String cat = rs.getString("TABLE_CAT");
                String schema = dialect.catalogIsSchema() ? cat : rs.getString("TABLE_SCHEM");
                String table = rs.getString("TABLE_NAME");
                if (table == null || dialect.isSystemSchema(schema)
                        || dialect == Dialect.SQLITE && table.startsWith("sqlite_")) {
                    continue;
                }
                if (!options.schemas().isEmpty() && (schema == null || !options.schemas().contains(schema))) {
                    continue;
                }
                out.add(new TableRef(cat, schema, table));
            }
        }
        out.sort(Comparator.comparing(TableRef::display));
        return out;
    }

    private List<ColumnRef> listColumns(DatabaseMetaData md, Dialect dialect, TableRef t) throws SQLException {
        String esc = md.getSearchStringEscape();
        String tablePattern = escape(t.table(), esc);
        String schemaPattern = dialect.catalogIsSchema() || t.schema() == null ? null : escape(t.schema(), esc);
        List<ColumnRef> out = new ArrayList<>();
        try (ResultSet rs = md.getColumns(t.catalog(), schemaPattern, tablePattern, "%")) {
            while (rs.next()) {
                // patterns may match look-alike tables (an '_' is a wildcard): keep exact names only
                if (!t.table().equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rs.getString("COLUMN_NAME");
                int type = rs.getInt("DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                out.add(new ColumnRef(name, type, typeName, ColumnNameHints.entityType(name)));
            }
        }
        return out;
    }

    private static String escape(String pattern, String esc) {
        if (esc == null || esc.isEmpty()) {
            return pattern;
        }
        return pattern.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    private Dialect.RowEstimate estimate(Connection conn, Dialect dialect, TableRef t, String quote, int timeoutSeconds,
                                         FindingSink sink, Counter counter, DatabaseTarget target) {
        try {
            return dialect.estimateRows(conn, t, quote, timeoutSeconds);
        } catch (SQLException e) {
            recover(conn, dialect);
            return new Dialect.RowEstimate(-1, "unknown");
        }
    }

    private TableResult scanTable(Connection conn, Dialect dialect, String quote, TablePlan plan, TextScanner scanner,
                                  FindingSink sink, Counter counter, DatabaseTarget target, int timeoutSeconds, Run run) {
        TableRef t = plan.table;
        // personal-looking names first, then text and numbers (a BSN or phone may sit in a number column)
        List<ColumnRef> sampled = new ArrayList<>();
        for (ColumnRef col : plan.columns) {
            if (col.sampleable()) {
                sampled.add(col);
            }
        }
        sampled.sort(Comparator.comparingInt((ColumnRef col) -> col.hint().isPresent() ? 0 : col.textual() ? 1 : 2));
        if (sampled.size() > options.maxColumns()) {
            sampled = new ArrayList<>(sampled.subList(0, options.maxColumns()));
        }
        Map<String, ColumnStats> stats = new LinkedHashMap<>();
        for (ColumnRef col : sampled) {
            stats.put(col.name(), new ColumnStats());
        }
        long rowsRead = 0;
        long estimatedRows = plan.estimate == null ? -1 : plan.estimate.rows();
        if (!sampled.isEmpty() && estimatedRows != 0) {
            StringBuilder cols = new StringBuilder();
            for (ColumnRef col : sampled) {
                if (cols.length() > 0) {
                    cols.append(", ");
                }
                cols.append(TableRef.quote(col.name(), quote));
            }
            String sql = dialect.sampleSql(t, quote, cols.toString(), Math.max(estimatedRows, 0), options.rowsPerTable());
            long deadline = System.nanoTime() + options.tableTimeout().toNanos();
            try (Statement st = conn.createStatement()) {
                st.setQueryTimeout(timeoutSeconds);
                st.setMaxRows(options.rowsPerTable());
                st.setFetchSize(Math.min(options.rowsPerTable(), 500));
                run.running(st);
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rowsRead < options.rowsPerTable() && !run.cancelled() && rs.next()) {
                        rowsRead++;
                        for (int i = 0; i < sampled.size(); i++) {
                            String v = rs.getString(i + 1);
                            if (v == null || v.isBlank()) {
                                continue;
                            }
                            if (v.length() > MAX_VALUE_CHARS) {
                                v = v.substring(0, MAX_VALUE_CHARS);
                            }
                            stats.get(sampled.get(i).name()).add(scanner.scan(v));
                        }
                        if (System.nanoTime() > deadline) {
                            report(sink, counter, new FileError(t.display(), "timeout", "sampling stopped after "
                                    + options.tableTimeout().toSeconds() + " s; " + rowsRead + " rows were scanned"));
                            break;
                        }
                    }
                } finally {
                    run.running(null);
                }
            } catch (SQLException e) {
                if (run.cancelled()) {
                    recover(conn, dialect); // the statement was cancelled with the scan: no error to report
                    return new TableResult(stats.size(), rowsRead);
                }
                sampleFailed(e, sink, counter, t, target, timeoutSeconds, rowsRead, conn, dialect);
            }
            if (run.cancelled()) {
                return new TableResult(stats.size(), rowsRead); // a part of the table: no finding from it
            }
        }
        // one finding per column and entity type
        for (ColumnRef col : plan.columns) {
            ColumnStats s = stats.get(col.name());
            emitColumn(t, col, s, plan.estimate, sink, counter);
        }
        return new TableResult(stats.size(), rowsRead);
    }

    private void sampleFailed(SQLException e, FindingSink sink, Counter counter, TableRef t, DatabaseTarget target,
                              int timeoutSeconds, long rowsRead, Connection conn, Dialect dialect) {
        if (e instanceof SQLTimeoutException) {
            report(sink, counter, new FileError(t.display(), "timeout", "sampling query exceeded "
                    + timeoutSeconds + " s; " + rowsRead + " rows were scanned"));
        } else {
            String kind = isTimeout(e) ? "timeout" : "db-error";
            report(sink, counter, new FileError(t.display(), kind, "cannot sample the table: "
                    + JdbcUrls.sanitize(e.getMessage(), target.password())));
        }
        recover(conn, dialect);
    }

    private static boolean isTimeout(SQLException e) {
        String state = e.getSQLState();
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return "57014".equals(state) || "70100".equals(state) || m.contains("timeout") || m.contains("timed out")
                || m.contains("max_statement_time") || m.contains("canceling statement");
    }

    private void emitColumn(TableRef t, ColumnRef col, ColumnStats s, Dialect.RowEstimate estimate, FindingSink sink,
                            Counter counter) {
        String hint = col.hint().orElse(null);
        Map<String, String> base = new HashMap<>();
        base.put("columnType", String.valueOf(col.typeName()));
        if (estimate != null && estimate.rows() >= 0) {
            base.put("estimatedRows", Long.toString(estimate.rows()));
            base.put("rowCountMethod", estimate.method());
        }
        base.put("sampledValues", Long.toString(s == null ? 0 : s.values));
        boolean hintConfirmed = false;
        if (s != null) {
            for (EntityStats e : s.byEntity.values()) {
                boolean both = e.entityType.equals(hint);
                hintConfirmed |= both;
                double share = s.values == 0 ? 0 : (double) e.matchedValues / s.values;
                double confidence = e.confidence * (0.5 + 0.5 * share) + (both ? BOTH_BOOST : 0);
                Map<String, String> attrs = new HashMap<>(base);
                attrs.put("method", both ? "both" : "values");
                attrs.put("share", String.format(Locale.ROOT, "%.3f", share));
                attrs.put("matchedValues", Long.toString(e.matchedValues));
                report(sink, counter, new Finding(e.detectorId, e.entityType, e.severity,
                        Math.min(0.99, confidence), e.articles, location(t, col), e.masked, e.fingerprint, "",
                        (int) Math.min(Integer.MAX_VALUE, e.occurrences), attrs));
            }
        }
        if (hint != null && !hintConfirmed) {
            Optional<DetectorInfo> info = detectorFor(hint);
            boolean sampledSome = s != null && s.values > 0;
            Map<String, String> attrs = new HashMap<>(base);
            attrs.put("method", "name");
            attrs.put("share", sampledSome ? "0.000" : "n/a");
            report(sink, counter, new Finding(info.map(DetectorInfo::id).orElse("column-name"), hint,
                    info.map(DetectorInfo::severity).orElse(Severity.MEDIUM),
                    sampledSome ? NAME_ONLY_UNCONFIRMED : NAME_ONLY,
                    info.map(DetectorInfo::articles).orElse(List.of("GDPR Art. 4(1)")),
                    location(t, col), "", "", "", 1, attrs));
        }
    }

    private static Location location(TableRef t, ColumnRef col) {
        return Location.ofPath(t.display(), "column " + col.name());
    }

    private static volatile Map<String, DetectorInfo> byEntity;

    /** The catalogue's detector for an entity type, for the severity and articles of name-only findings. */
    static Optional<DetectorInfo> detectorFor(String entityType) {
        Map<String, DetectorInfo> m = byEntity;
        if (m == null) {
            Map<String, DetectorInfo> built = new HashMap<>();
            try {
                for (DetectorInfo d : Catalogue.standard().detectors()) {
                    built.putIfAbsent(d.entityType(), d);
                }
            } catch (UnsupportedOperationException e) {
                // catalogue not available: name-only findings get MEDIUM and Art. 4(1)
            }
            byEntity = m = built;
        }
        return Optional.ofNullable(m.get(entityType));
    }

    private static void report(FindingSink sink, Counter counter, Finding f) {
        counter.findings.incrementAndGet();
        sink.finding(f);
    }

    private static void report(FindingSink sink, Counter counter, FileError e) {
        counter.errors.incrementAndGet();
        sink.error(e);
    }

    /** After a failed statement: PostgreSQL aborts the transaction, so start a fresh read-only one. */
    private void recover(Connection conn, Dialect dialect) {
        try {
            conn.rollback();
            dialect.beginReadOnly(conn, options.tableTimeout());
        } catch (SQLException ignored) {
            // the next statement reports the problem
        }
    }

    record ColumnRef(String name, int sqlType, String typeName, Optional<String> hint) {

        boolean textual() {
            return switch (sqlType) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                     Types.CLOB, Types.NCLOB, Types.SQLXML -> true;
                case Types.OTHER, Types.JAVA_OBJECT -> typeName != null
                        && (typeName.toLowerCase(Locale.ROOT).contains("json") || typeName.equalsIgnoreCase("citext")
                        || typeName.equalsIgnoreCase("inet"));
                default -> false;
            };
        }

        boolean sampleable() {
            return textual() || switch (sqlType) {
                case Types.BIGINT, Types.INTEGER, Types.NUMERIC, Types.DECIMAL, Types.DATE -> true;
                default -> false;
            };
        }
    }

    private static final class TablePlan {
        final TableRef table;
        final List<ColumnRef> columns;
        Dialect.RowEstimate estimate;

        TablePlan(TableRef table, List<ColumnRef> columns) {
            this.table = table;
            this.columns = columns;
        }

        int hintedColumns() {
            int n = 0;
            for (ColumnRef c : columns) {
                if (c.hint().isPresent()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static final class ColumnStats {
        long values;
        final Map<String, EntityStats> byEntity = new LinkedHashMap<>();

        void add(List<Match> matches) {
            values++;
            for (Match m : matches) {
                EntityStats e = byEntity.computeIfAbsent(m.entityType(), k -> new EntityStats(m));
                e.occurrences++;
                if (e.lastValue != values) {
                    e.lastValue = values;
                    e.matchedValues++;
                }
                if (m.severity().compareTo(e.severity) < 0) {
                    e.severity = m.severity();
                }
                e.confidence = Math.max(e.confidence, m.confidence());
            }
        }
    }

    private static final class EntityStats {
        final String detectorId;
        final String entityType;
        final List<String> articles;
        final String masked;
        final String fingerprint;
        Severity severity;
        double confidence;
        long occurrences;
        long matchedValues;
        long lastValue = -1;

        EntityStats(Match m) {
            detectorId = m.detectorId();
            entityType = m.entityType();
            articles = m.articles();
            masked = m.maskedValue();
            fingerprint = m.fingerprint();
            severity = m.severity();
            confidence = m.confidence();
        }
    }

    private record TableResult(int columns, long rows) {
    }

    /** One scan's cancellation state: the control, the scanning thread, and the statement running now. */
    private static final class Run {
        private final ScanControl control;
        private final Thread thread = Thread.currentThread();
        private final AtomicReference<Statement> statement = new AtomicReference<>();

        Run(ScanControl control) {
            this.control = control;
        }

        boolean cancelled() {
            return control.isCancelled() || thread.isInterrupted();
        }

        void running(Statement st) {
            statement.set(st);
        }

        /** On the watch thread: a cancelled scan's running statement is cancelled on the server. */
        void cancelStatementIfCancelled() {
            if (!cancelled()) {
                return;
            }
            Statement st = statement.getAndSet(null);
            if (st != null) {
                try {
                    st.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // closed meanwhile, or the driver cannot cancel: the row loop stops at the next row
                }
            }
        }
    }

    private static final class Counter {
        final AtomicInteger findings = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
    }
}
