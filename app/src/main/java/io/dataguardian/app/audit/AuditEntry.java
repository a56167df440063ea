package io.dataguardian.app.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the audit log.
 *
 * @param actorUserId the acting user, or null for the system or a deleted user
 * @param actor       who, as shown: a user name, {@code api-token:<prefix>} or {@code system}
 * @param action      what, dotted: {@code scan.created}, {@code finding.exported}
 * @param target      on what, {@code type:id}, or null
 * @param details     extra facts; never a raw matched value or a credential
 */
public record AuditEntry(long id, long orgId, Long actorUserId, String actor, String action, String target,
                         Instant occurredAt, Map<String, Object> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Keyset cursor of the log (newest first). */
    public record Cursor(Instant occurredAt, long id) {
    }

    public Cursor cursor() {
        return new Cursor(occurredAt, id);
    }
}
