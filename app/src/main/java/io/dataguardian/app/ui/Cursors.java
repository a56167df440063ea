package io.dataguardian.app.ui;

import io.dataguardian.app.audit.AuditEntry;
import io.dataguardian.app.scan.Scan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Keyset cursors in "next page" links: opaque, URL-safe, and a tampered one just starts from the first page. */
final class Cursors {

    private Cursors() {
    }

    static String encode(Instant at, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Scan.Cursor scan(String text) {
        Object[] parts = decode(text);
        return parts == null ? null : new Scan.Cursor((Instant) parts[0], (Long) parts[1]);
    }

    static AuditEntry.Cursor audit(String text) {
        Object[] parts = decode(text);
        return parts == null ? null : new AuditEntry.Cursor((Instant) parts[0], (Long) parts[1]);
    }

    private static Object[] decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = s.indexOf('|');
            return new Object[] {Instant.parse(s.substring(0, bar)), Long.parseLong(s.substring(bar + 1))};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
