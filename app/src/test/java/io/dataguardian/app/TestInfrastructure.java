package io.dataguardian.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where the real PostgreSQL and Redis of the test run are. {@code scripts/test} passes these as
 * system properties after {@code scripts/services} made them available; the defaults are the
 * loopback services of a developer machine.
 */
public final class TestInfrastructure {

    public static final String PG_URL = System.getProperty("dataguardian.test.pg-url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("dataguardian.test.pg-user", "postgres");
    public static final String PG_PASSWORD = System.getProperty("dataguardian.test.pg-password", "");
    public static final String REDIS_URL = System.getProperty("dataguardian.test.redis-url", "redis://127.0.0.1:6379");

    private TestInfrastructure() {
    }

    /** A loopback port nothing listens on (bound then released). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Creates a uniquely named schema for one test run; returns its name. */
    public static String createSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Deletes a test's Redis keys: everything under each prefix (its session namespace, its cache key prefix). */
    public static void deleteRedisKeys(org.springframework.data.redis.core.StringRedisTemplate redis, String... prefixes) {
        for (String prefix : prefixes) {
            java.util.Set<String> keys = redis.keys(prefix + ":*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        }
    }

    /**
     * The settings of the production way: the test PostgreSQL (its {@code schema}) and the test Redis, with the
     * sessions and the cache keys under {@code namespace}, so that {@code deleteRedisKeys(redis, namespace)} removes
     * both. A mutable map, for a test's own additions.
     */
    public static Map<String, String> productionSettings(String schema, String namespace) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dataguardian.db.url", urlFor(schema));
        s.put("dataguardian.db.user", PG_USER);
        s.put("dataguardian.db.password", PG_PASSWORD);
        s.put("dataguardian.redis.url", REDIS_URL);
        s.put("spring.session.data.redis.namespace", namespace);
        s.put("dataguardian.cache.key-prefix", namespace + ":cache");
        return s;
    }

    /** The test database URL with {@code currentSchema} set. */
    public static String urlFor(String schema) {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is needed (run scripts/services): "
                    + ex.getMessage(), ex);
        }
    }
}
