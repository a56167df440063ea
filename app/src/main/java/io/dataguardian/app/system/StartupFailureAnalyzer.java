package io.dataguardian.app.system;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns the start-up failures a user causes with a setting (a wrong URL, an unreachable database, a
 * bad user or password, an H2 file in use) into one line naming the {@code DATAGUARDIAN_*} setting to
 * fix, instead of a long stack trace. Anything else is left to Spring Boot's own analyzers.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String SEE = "See the Configuration table in README.md.";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        InvalidSettingException invalid = find(failure, InvalidSettingException.class);
        if (invalid != null) {
            return new FailureAnalysis(invalid.getMessage(), "Fix " + invalid.getSetting() + ". " + SEE, invalid);
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null) {
            String line = describe(sql, failure);
            if (line != null) {
                return new FailureAnalysis(line, "Fix the setting named above. " + SEE, sql);
            }
        }
        if (find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null) {
            Throwable net = find(failure, ConnectException.class) != null
                    ? find(failure, ConnectException.class) : find(failure, UnknownHostException.class);
            if (mentionsDataSource(failure)) {
                return new FailureAnalysis("DATAGUARDIAN_DB_URL: cannot reach the database ("
                        + oneLine(net.getMessage()) + ")", "Fix DATAGUARDIAN_DB_URL or start the database. " + SEE, net);
            }
        }
        return null;
    }

    private static String describe(SQLException ex, Throwable root) {
        String state = deepestState(ex);
        String message = oneLine(deepestMessage(ex));
        String lower = message.toLowerCase();
        if (state != null && (state.startsWith("28"))) {
            if (lower.contains("role") && lower.contains("does not exist")) {
                return "DATAGUARDIAN_DB_USER: the database refused the user (" + message + ")";
            }
            if (lower.contains("password")) {
                return "DATAGUARDIAN_DB_PASSWORD (or DATAGUARDIAN_DB_USER): the database refused the password ("
                        + message + ")";
            }
            return "DATAGUARDIAN_DB_USER / DATAGUARDIAN_DB_PASSWORD: the database refused the login (" + message + ")";
        }
        if ("3D000".equals(state)) {
            return "DATAGUARDIAN_DB_URL: the database named in the URL does not exist (" + message + ")";
        }
        if ("90020".equals(state) || "90135".equals(state) || lower.contains("database may be already in use")) {
            return "DATAGUARDIAN_DATA_DIR: the embedded database file is in use by another process"
                    + " (another DataGuardian running on the same data directory?)";
        }
        if (state != null && state.startsWith("08")
                || lower.contains("connection") && (lower.contains("refused") || lower.contains("timed out"))
                || lower.contains("connection attempt failed")) {
            return "DATAGUARDIAN_DB_URL: cannot reach the database (" + message + ")";
        }
        if (lower.contains("no suitable driver") || lower.contains("claims to not accept jdbcurl")) {
            return "DATAGUARDIAN_DB_URL: not a URL the PostgreSQL driver accepts (" + message + ")";
        }
        if (mentionsDataSource(root) && find(ex, ConnectException.class) != null) {
            return "DATAGUARDIAN_DB_URL: cannot reach the database (" + message + ")";
        }
        return null;
    }

    private static boolean mentionsDataSource(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains("datasource") || m.contains("flyway") || m.contains("jdbc")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String deepestState(SQLException ex) {
        String state = null;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                state = s.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return state;
    }

    private static String deepestMessage(SQLException ex) {
        String message = ex.getMessage();
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return message == null ? ex.getClass().getSimpleName() : message;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
