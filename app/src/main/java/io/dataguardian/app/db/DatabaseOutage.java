package io.dataguardian.app.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a database outage (no connection, connection lost) from every other failure, anywhere in a cause chain. */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a failed commit whose rollback failed too ("Connection is closed") hides the outage as its original
            if (t instanceof TransactionSystemException tse && tse.getOriginalException() != null
                    && tse.getOriginalException() != e && isOutage(tse.getOriginalException())) {
                return true;
            }
            // a rollback that fails at the JDBC level ("Connection is closed": the pool already evicted the broken
            // connection) after a failed commit, whose own exception Spring logs but does not attach
            if (t instanceof TransactionSystemException && t.getMessage() != null
                    && t.getMessage().contains("rollback failed") && t.getCause() instanceof SQLException) {
                return true;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // 08: connection exception; 57P: the server shut down or restarted under the session
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause as one line, for a log line without a stack. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
