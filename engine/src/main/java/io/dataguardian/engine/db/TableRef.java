package io.dataguardian.engine.db;

/**
 * A table as the metadata named it. Its names are data, never SQL: {@link #quoted} wraps each part
 * in the driver's identifier quote and doubles any quote inside, so a table called
 * {@code x"; drop table y} is one identifier.
 *
 * @param catalog catalog to pass back to {@link java.sql.DatabaseMetaData} calls, or null
 * @param schema  schema (or MySQL database), or null (SQLite)
 * @param table   table name
 */
record TableRef(String catalog, String schema, String table) {

    /** {@code "schema"."table"} with the given quote string. */
    String quoted(String quote) {
        return schema == null ? quote(table, quote) : quote(schema, quote) + "." + quote(table, quote);
    }

    /** The location path of the table's findings: {@code schema.table} (SQLite: {@code main.table}). */
    String display() {
        return (schema == null ? "main" : schema) + "." + table;
    }

    static String quote(String identifier, String quote) {
        String q = quote == null || quote.isBlank() ? "\"" : quote.trim();
        return q + identifier.replace(q, q + q) + q;
    }
}
