package io.dataguardian.bench.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A throw-away schema on a real PostgreSQL with the application's own migrations, for the database
 * benchmarks. Settings: {@code -Ddataguardian.bench.pg-url}, {@code -user}, {@code -password}.
 */
final class BenchDatabase implements AutoCloseable {

    final String url = System.getProperty("dataguardian.bench.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    final String user = System.getProperty("dataguardian.bench.pg-user", "postgres");
    final String password = System.getProperty("dataguardian.bench.pg-password", "");
    final String schema = "bench_db_" + Long.toHexString(System.nanoTime());

    BenchDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        Flyway.configure().dataSource(url, user, password).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();
    }

    /** JDBC URL that puts the benchmark schema first on the search path. */
    String schemaUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(schemaUrl());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("bench-" + size);
        return new HikariDataSource(config);
    }

    long organisation(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(schemaUrl(), user, password);
             var ps = c.prepareStatement("insert into organisations (name) values (?)",
                     new String[] {"id"})) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Findings shaped like the engine's: masked values, 64-hex fingerprints, articles, snippets. */
    static List<Finding> findings(int n, int seed) {
        List<Finding> list = new ArrayList<>(n);
        List<List<String>> articles = List.of(List.of("GDPR Art. 6", "GDPR Art. 32"),
                List.of("GDPR Art. 9", "UAVG Art. 46"), List.of("GDPR Art. 6"));
        String[] types = {"EMAIL", "IBAN", "BSN", "PHONE", "API_KEY", "NAME"};
        for (int i = 0; i < n; i++) {
            int k = seed + i;
            String type = types[k % types.length];
            list.add(new Finding("detector." + type.toLowerCase(), type, Severity.values()[k % 4], 0.5 + (k % 5) / 10.0,
                    articles.get(k % 3), new Location("dir" + (k % 50) + "/file" + (k % 997) + ".csv",
                    k % 2 == 0 ? null : "column email", 1 + k % 5000, 1 + k % 80, 1 + k % 5000, 20 + k % 80,
                    1000L * k, 14),
                    "j***@e***.nl", String.format("%064x", k * 2654435761L),
                    "contact: j***@e***.nl, tel 06-****5678", 1 + k % 3, Map.of("method", "regex")));
        }
        return list;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        }
    }
}
