package io.dataguardian.app.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code dataguardian.db.*}: pool, timeouts, slow-query log and tuning inputs. The connection settings
 * ({@code url}, {@code user}, {@code password}) are read by the runtime-mode set-up, not here.
 *
 * <p>Pool default: max 10, min idle 2. HikariCP's sizing advice is cores x 2 + spindles (2-core node: ~5),
 * and pgbench on this kind of machine served more at a tenth of the latency with 5-10 connections than
 * with 50 (see docs/database.md); 10 leaves room for the job runner beside web requests.
 */
@ConfigurationProperties("dataguardian.db")
public class DatabaseProperties {

    private final Pool pool = new Pool();
    /** PostgreSQL statement_timeout for every pooled connection. */
    private Duration statementTimeout = Duration.ofSeconds(30);
    /** PostgreSQL lock_timeout for every pooled connection. */
    private Duration lockTimeout = Duration.ofSeconds(10);
    /** PostgreSQL idle_in_transaction_session_timeout for every pooled connection. */
    private Duration idleInTransactionTimeout = Duration.ofMinutes(5);
    /** Statements slower than this are logged once per normalised query and kept in the top list. */
    private Duration slowQueryThreshold = Duration.ofSeconds(1);
    /** How many slow normalised queries the top list keeps. */
    private int slowQueryTop = 50;
    private final Tuning tuning = new Tuning();

    public static class Pool {
        private int maxSize = 10;
        private int minIdle = 2;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        /** A connection held longer than this is logged with the stack that took it; 0 turns it off. */
        private Duration leakDetectionThreshold = Duration.ofSeconds(60);

        public int getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(int maxSize) {
            this.maxSize = maxSize;
        }

        public int getMinIdle() {
            return minIdle;
        }

        public void setMinIdle(int minIdle) {
            this.minIdle = minIdle;
        }

        public Duration getConnectionTimeout() {
            return connectionTimeout;
        }

        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        public Duration getLeakDetectionThreshold() {
            return leakDetectionThreshold;
        }

        public void setLeakDetectionThreshold(Duration leakDetectionThreshold) {
            this.leakDetectionThreshold = leakDetectionThreshold;
        }
    }

    /** The database server's resources, when it runs on another host than this node. */
    public static class Tuning {
        /** RAM of the database server; unset: this machine's. */
        private DataSize memory;
        /** CPUs of the database server; unset: this machine's. */
        private Integer cpus;
        /** ssd, hdd or san. */
        private String storage = "ssd";
        /** Connections the server must accept (all nodes' pools plus tools); unset: 100. */
        private Integer maxConnections;

        public DataSize getMemory() {
            return memory;
        }

        public void setMemory(DataSize memory) {
            this.memory = memory;
        }

        public Integer getCpus() {
            return cpus;
        }

        public void setCpus(Integer cpus) {
            this.cpus = cpus;
        }

        public String getStorage() {
            return storage;
        }

        public void setStorage(String storage) {
            this.storage = storage;
        }

        public Integer getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(Integer maxConnections) {
            this.maxConnections = maxConnections;
        }
    }

    public Pool getPool() {
        return pool;
    }

    public Tuning getTuning() {
        return tuning;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getIdleInTransactionTimeout() {
        return idleInTransactionTimeout;
    }

    public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
        this.idleInTransactionTimeout = idleInTransactionTimeout;
    }

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
        this.slowQueryThreshold = slowQueryThreshold;
    }

    public int getSlowQueryTop() {
        return slowQueryTop;
    }

    public void setSlowQueryTop(int slowQueryTop) {
        this.slowQueryTop = slowQueryTop;
    }
}
