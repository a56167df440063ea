package io.dataguardian.engine.db;

import java.util.Locale;

/**
 * How much of a database to read. Tables are taken in order of priority (names that suggest
 * personal data first, then the largest), up to {@link #maxTables()}; from each table at most
 * {@link #rowsPerTable()} sampled rows.
 */
public enum ScanMode {
    /** A first look: 15 tables, 100 rows each. */
    FAST(15, 100),
    /** Every table, or the 50 most likely / largest when there are more; 300 rows each. */
    SMART(50, 300),
    /** 75 tables, 500 rows each. */
    DEEP(75, 500);

    private final int maxTables;
    private final int rowsPerTable;

    ScanMode(int maxTables, int rowsPerTable) {
        this.maxTables = maxTables;
        this.rowsPerTable = rowsPerTable;
    }

    public int maxTables() {
        return maxTables;
    }

    public int rowsPerTable() {
        return rowsPerTable;
    }

    public static ScanMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown database scan mode '" + text + "' (expected fast, smart or deep)");
        }
    }
}
