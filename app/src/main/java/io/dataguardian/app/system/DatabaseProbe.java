package io.dataguardian.app.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens one PostgreSQL connection before the application context is built, so a wrong URL, an
 * unreachable server or a refused login stops start-up in seconds (connect timeout 5 s, login timeout
 * 10 s) however long the rest of start-up would take, and is reported by {@link StartupFailureAnalyzer}.
 */
final class DatabaseProbe {

    static final int CONNECT_TIMEOUT_SECONDS = 5;
    static final int LOGIN_TIMEOUT_SECONDS = 10;

    private DatabaseProbe() {
    }

    static void check(String url, String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        props.setProperty("ApplicationName", "dataguardian-startup-check");
        try (Connection connection = new org.postgresql.Driver().connect(url, props)) {
            if (connection == null) {
                throw new InvalidSettingException("DATAGUARDIAN_DB_URL",
                        "the PostgreSQL driver does not accept this URL: " + Secrets.maskUrl(url));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("The database check at start-up failed (jdbc)", ex);
        }
    }
}
