package io.dataguardian.engine.db;

import java.time.Duration;

/**
 * What a database scan covered.
 *
 * @param database       product name and version
 * @param tablesFound    user tables found (system schemas excluded)
 * @param tablesScanned  tables sampled
 * @param columnsScanned columns looked at (by name and values)
 * @param rowsSampled    rows read in total
 * @param maxRowsOneTable most rows read from one table (never above the mode's limit)
 * @param findings       findings reported
 * @param errors         per-table errors reported
 * @param duration       wall-clock time
 * @param cancelled      true when the scan was cancelled before the end (its findings are incomplete)
 */
public record DatabaseScanSummary(String database, int tablesFound, int tablesScanned, int columnsScanned,
                                  long rowsSampled, long maxRowsOneTable, int findings, int errors, Duration duration,
                                  boolean cancelled) {
}
