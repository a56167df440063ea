package io.dataguardian.bench.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away schema with one seeded table ({@code items(id bigint primary key, org text, name text,
 * score int)}) on the local PostgreSQL, for cache-miss loads; {@link #close()} drops it. Settings:
 * {@code -Ddataguardian.bench.pg-url} (default jdbc:postgresql://127.0.0.1:5432/test), {@code -user},
 * {@code -password}.
 */
final class BenchPostgres implements AutoCloseable {

    final String url = System.getProperty("dataguardian.bench.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    final String user = System.getProperty("dataguardian.bench.pg-user", "postgres");
    final String password = System.getProperty("dataguardian.bench.pg-password", "");
    final String schema = "bench_cache_" + Long.toHexString(System.nanoTime());
    final int rows;

    BenchPostgres(int rows) throws SQLException {
        this.rows = rows;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".items (id bigint primary key, org text not null, name text not null,"
                    + " score int not null)");
            s.execute("insert into " + schema + ".items select g, 'org' || (g % 50), 'item-' || g, (g * 7919) % 100"
                    + " from generate_series(1, " + rows + ") g");
            s.execute("analyze " + schema + ".items");
        }
    }

    /** A connection with a prepared primary-key select on the seeded table. */
    Lookup lookup() throws SQLException {
        return new Lookup(DriverManager.getConnection(url, user, password), schema);
    }

    /** One connection, one prepared statement: the simple JDBC primary-key query a miss loads with. */
    static final class Lookup implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement select;

        Lookup(Connection connection, String schema) throws SQLException {
            this.connection = connection;
            this.select = connection.prepareStatement("select id, org, name, score from " + schema + ".items where id = ?");
        }

        Item byId(long id) {
            try {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The cached value: a small record, ~70 bytes of JSON. */
    public record Item(long id, String org, String name, int score) {
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
