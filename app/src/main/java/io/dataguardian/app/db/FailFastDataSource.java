package io.dataguardian.app.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Once the pool could not connect at all (HikariCP's timeout carries the last connection failure as its cause),
 * the database counts as down: one caller at a time keeps probing through the pool (waiting up to the connection
 * timeout), every other caller fails at once instead of each waiting the full timeout, so a request thread is
 * never parked for long during an outage. The first connection handed out again ends it. A pool that is merely
 * busy (timeout without a connection failure) is left alone.
 */
public class FailFastDataSource extends DelegatingDataSource {

    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long downSince;          // System.nanoTime() of the failure, 0 when up
    private volatile SQLException lastFailure;

    public FailFastDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long since = downSince;
        boolean probe = false;
        if (since != 0) {
            if (!probing.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException("the database is unreachable (for "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since) + " ms); not waiting for the pool",
                        "08001", lastFailure);
            }
            probe = true;
        }
        try {
            Connection connection = super.getConnection();
            downSince = 0;
            return connection;
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() != null && downSince == 0) {
                lastFailure = e;
                downSince = System.nanoTime() | 1; // never 0
            }
            throw e;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    /** True while the database counts as down. */
    public boolean isDown() {
        return downSince != 0;
    }
}
