package io.dataguardian.engine.db;

import java.time.Duration;
import java.util.Set;

/**
 * Limits of one database scan. Defaults (from the original product): 100 tables, 100 rows per
 * table, 50 columns per table, 30 s per table; a {@link ScanMode} sets tables and rows.
 *
 * @param maxTables    tables scanned at most (by priority: personal-looking names, then size)
 * @param rowsPerTable rows sampled per table at most (enforced by the query and by {@code setMaxRows})
 * @param maxColumns   columns sampled per table at most (personal-looking names first)
 * @param tableTimeout time for one table, also the statement timeout of its queries
 * @param schemas      schemas (or MySQL databases) to scan; empty: all but the system ones
 */
public record DatabaseScanOptions(int maxTables, int rowsPerTable, int maxColumns, Duration tableTimeout,
                                  Set<String> schemas) {

    public DatabaseScanOptions {
        if (maxTables < 1 || rowsPerTable < 1 || maxColumns < 1) {
            throw new IllegalArgumentException("database scan limits must be positive");
        }
        if (tableTimeout == null || tableTimeout.isNegative() || tableTimeout.isZero()) {
            throw new IllegalArgumentException("table timeout must be positive");
        }
        schemas = schemas == null ? Set.of() : Set.copyOf(schemas);
    }

    public static DatabaseScanOptions defaults() {
        return new DatabaseScanOptions(100, 100, 50, Duration.ofSeconds(30), Set.of());
    }

    public static DatabaseScanOptions of(ScanMode mode) {
        return new DatabaseScanOptions(mode.maxTables(), mode.rowsPerTable(), 50, Duration.ofSeconds(30), Set.of());
    }

    public DatabaseScanOptions withSchemas(Set<String> only) {
        return new DatabaseScanOptions(maxTables, rowsPerTable, maxColumns, tableTimeout, only);
    }

    public DatabaseScanOptions withRowsPerTable(int rows) {
        return new DatabaseScanOptions(maxTables, rows, maxColumns, tableTimeout, schemas);
    }

    public DatabaseScanOptions withMaxTables(int tables) {
        return new DatabaseScanOptions(tables, rowsPerTable, maxColumns, tableTimeout, schemas);
    }
}
