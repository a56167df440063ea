package io.dataguardian.app.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The two databases the product runs on; some statements (COPY, pg_settings) exist on one only. */
public enum DatabaseKind {
    POSTGRESQL,
    H2,
    OTHER;

    public static DatabaseKind of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to tell its kind: " + e.getMessage(), e);
        }
    }

    public static DatabaseKind of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        return OTHER;
    }

    public static DatabaseKind ofUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return OTHER;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return jdbcUrl.startsWith("jdbc:h2:") ? H2 : OTHER;
    }
}
