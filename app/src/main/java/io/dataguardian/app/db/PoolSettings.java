package io.dataguardian.app.db;

import com.zaxxer.hikari.HikariConfig;

/** Applies {@code dataguardian.db.*} to a HikariCP configuration before the pool starts. */
public final class PoolSettings {

    private PoolSettings() {
    }

    public static void apply(DatabaseProperties properties, HikariConfig config) {
        DatabaseProperties.Pool pool = properties.getPool();
        if (pool.getMaxSize() < 1 || pool.getMinIdle() < 0 || pool.getMinIdle() > pool.getMaxSize()) {
            throw new IllegalArgumentException("dataguardian.db.pool: need 0 <= min-idle <= max-size and max-size >= 1,"
                    + " got min-idle=" + pool.getMinIdle() + " max-size=" + pool.getMaxSize());
        }
        config.setMaximumPoolSize(pool.getMaxSize());
        config.setMinimumIdle(pool.getMinIdle());
        config.setConnectionTimeout(pool.getConnectionTimeout().toMillis());
        long leak = pool.getLeakDetectionThreshold().toMillis();
        // HikariCP ignores (and warns about) thresholds under 2 s
        config.setLeakDetectionThreshold(leak >= 2000 ? leak : 0);
        if (config.getPoolName() == null) {
            config.setPoolName("dataguardian");
        }
        if (DatabaseKind.ofUrl(config.getJdbcUrl()) == DatabaseKind.POSTGRESQL) {
            // server-side limits for every session, set at connect time: no extra round trip per connection
            config.addDataSourceProperty("options", postgresOptions(properties));
        }
    }

    static String postgresOptions(DatabaseProperties p) {
        return "-c statement_timeout=" + p.getStatementTimeout().toMillis()
                + " -c lock_timeout=" + p.getLockTimeout().toMillis()
                + " -c idle_in_transaction_session_timeout=" + p.getIdleInTransactionTimeout().toMillis();
    }
}
