package io.dataguardian.app;

import java.io.IOException;
import java.net.ServerSocket;

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
}
