package io.dataguardian.app.audit;

import io.dataguardian.app.db.Page;
import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's audit log for its administrators: {@code GET /api/audit?after=&limit=} (newest first, keyset
 * pages; {@code next} is the cursor of the following page or null) and {@code GET /api/audit/{id}}. Another
 * organisation's entry is 404, as if it did not exist; a non-administrator gets 403.
 */
@RestController
public class AuditController {

    static final int MAX_LIMIT = 200;

    private final ApiUsers users;
    private final AuditLogRepository audit;

    public AuditController(ApiUsers users, AuditLogRepository audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    Map<String, Object> list(@RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "50") int limit) {
        ApiUser user = admin();
        Page<AuditEntry, AuditEntry.Cursor> page = audit.list(user.orgId(), decodeCursor(after),
                Math.max(1, Math.min(limit, MAX_LIMIT)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(AuditController::view).toList());
        body.put("next", page.next() == null ? null : encodeCursor(page.next()));
        return body;
    }

    @GetMapping("/api/audit/{id}")
    Map<String, Object> get(@PathVariable long id) {
        ApiUser user = admin();
        return view(audit.findById(user.orgId(), id).orElseThrow(() -> ApiException.notFound("audit entry", id)));
    }

    private ApiUser admin() {
        ApiUser user = users.current();
        if (!user.isAdmin()) {
            throw ApiException.forbidden("only an administrator may read the audit log");
        }
        return user;
    }

    static Map<String, Object> view(AuditEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id());
        v.put("actor", e.actor());
        v.put("actorUserId", e.actorUserId());
        v.put("action", e.action());
        v.put("target", e.target());
        v.put("occurredAt", e.occurredAt().toString());
        v.put("details", e.details());
        return v;
    }

    static String encodeCursor(AuditEntry.Cursor c) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((c.occurredAt() + "|" + c.id()).getBytes(StandardCharsets.UTF_8));
    }

    static AuditEntry.Cursor decodeCursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = s.indexOf('|');
            return new AuditEntry.Cursor(Instant.parse(s.substring(0, bar)), Long.parseLong(s.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("'after' is not a cursor this API returned");
        }
    }
}
