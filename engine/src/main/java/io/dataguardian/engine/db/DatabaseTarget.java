package io.dataguardian.engine.db;

import java.util.Properties;

/**
 * A database to scan. The password is held only to open the connection: {@link #toString()} and
 * {@link #displayUrl()} never show it, nor a password written into the URL.
 *
 * @param url      JDBC URL ({@code jdbc:postgresql://host/db}, {@code jdbc:mariadb://...},
 *                 {@code jdbc:sqlite:file.db}, {@code jdbc:h2:...}, {@code jdbc:sqlserver://...})
 * @param user     user name, or null (then the URL or driver decides)
 * @param password password, or null
 */
public record DatabaseTarget(String url, String user, String password) {

    public DatabaseTarget {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: " + JdbcUrls.redact(String.valueOf(url)));
        }
    }

    public static DatabaseTarget of(String url) {
        return new DatabaseTarget(url, null, null);
    }

    /** The URL as it may be shown in logs, reports and errors. */
    public String displayUrl() {
        return JdbcUrls.redact(url);
    }

    Properties connectionProperties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + displayUrl() + (user != null ? ", user=" + user : "")
                + (password != null ? ", password=***" : "") + "]";
    }
}
