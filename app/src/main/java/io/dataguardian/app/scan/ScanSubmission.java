package io.dataguardian.app.scan;

/**
 * The JSON form of {@code POST /api/scans}: {@code {"type": "PATH", "path": "/srv/share"}} (administrators,
 * inside {@code dataguardian.scan.allowed-roots}) or {@code {"type": "DATABASE", "url": "jdbc:...", "user": "...",
 * "password": "...", "mode": "fast|smart|deep"}}. Uploads use multipart instead. The password is never echoed.
 */
public record ScanSubmission(String type, String path, String url, String user, String password, String mode) {

    @Override
    public String toString() {
        return "ScanSubmission[type=" + type + ", path=" + path + ", url=" + io.dataguardian.engine.db.JdbcUrls.redact(String.valueOf(url))
                + ", user=" + user + ", password=" + (password == null ? "null" : "***") + ", mode=" + mode + "]";
    }
}
