package io.dataguardian.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated, throw-away database for a test class: a uniquely named schema in the real PostgreSQL
 * at 127.0.0.1:5432 (database {@code test}), or an in-memory H2 in the mode the embedded default uses.
 * {@link #drop()} drops the schema / the in-memory database.
 */
public final class TestDatabase {

    public static final String PG_URL = System.getProperty("dataguardian.test.pg-url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("dataguardian.test.pg-user", "postgres");
    public static final String PG_PASSWORD = System.getProperty("dataguardian.test.pg-password", "");

    private final DatabaseKind kind;
    private final HikariDataSource dataSource;
    private final String schema;

    private TestDatabase(DatabaseKind kind, HikariDataSource dataSource, String schema) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public static TestDatabase postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is needed for this test: " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PG_URL + "?currentSchema=" + schema);
        config.setUsername(PG_USER);
        config.setPassword(PG_PASSWORD);
        config.setMaximumPoolSize(4);
        config.setPoolName("test-pg-" + schema);
        return migrate(new TestDatabase(DatabaseKind.POSTGRESQL, new HikariDataSource(config), schema));
    }

    public static TestDatabase h2() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        HikariConfig config = new HikariConfig();
        // the same mode as the embedded default (RuntimeModeEnvironmentPostProcessor)
        config.setJdbcUrl("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        config.setPoolName("test-h2-" + name);
        return migrate(new TestDatabase(DatabaseKind.H2, new HikariDataSource(config), null));
    }

    public static TestDatabase of(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? postgres() : h2();
    }

    private static TestDatabase migrate(TestDatabase db) {
        var flyway = Flyway.configure().dataSource(db.dataSource).locations("classpath:db/migration");
        if (db.schema != null) {
            flyway.schemas(db.schema).defaultSchema(db.schema);
        }
        flyway.load().migrate();
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseKind kind() {
        return kind;
    }

    public String schema() {
        return schema;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** A new organisation; returns its id. */
    public long organisation(String name) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc().sql("insert into organisations (name) values (:name)").param("name", name).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A new user; returns its id. */
    public long user(String username) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc().sql("insert into users (username, password_hash) values (:u, '{noop}x')").param("u", username)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Override
    public String toString() {
        return kind.name();
    }

    /** Not {@code close()}: JUnit would close an AutoCloseable parameter after every invocation. */
    public void drop() {
        if (kind == DatabaseKind.H2) {
            jdbc().sql("shutdown").update();
        }
        dataSource.close();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        }
    }
}
