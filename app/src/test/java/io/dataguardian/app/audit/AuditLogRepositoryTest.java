package io.dataguardian.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.db.OnEachDatabase;
import io.dataguardian.app.db.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

class AuditLogRepositoryTest {

    @OnEachDatabase
    void entriesListNewestFirstAcrossPagesEvenWithEqualTimes(TestDatabase db) {
        // a fixed clock: every entry has the same time, so only the id orders them
        Clock fixed = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
        AuditLogRepository log = new AuditLogRepository(db.dataSource(), JsonMapper.builder().build(), fixed);
        long org = db.organisation("audit-" + System.nanoTime());
        long user = db.user("auditor-" + System.nanoTime());
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(0, log.append(org, user, "alice", "scan.created", "scan:" + i, Map.of("n", i)).id());
        }
        List<Long> seen = new ArrayList<>();
        AuditEntry.Cursor cursor = null;
        do {
            var page = log.list(org, cursor, 5);
            page.items().forEach(e -> seen.add(e.id()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        AuditEntry first = log.findById(org, expected.get(0)).orElseThrow();
        assertThat(first.details()).containsEntry("n", 11);
        assertThat(first.actorUserId()).isEqualTo(user);
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
    }

    @OnEachDatabase
    void anotherOrganisationCannotReadAnAuditEntry(TestDatabase db) {
        AuditLogRepository log = new AuditLogRepository(db.dataSource(), JsonMapper.builder().build(), Clock.systemUTC());
        long mine = db.organisation("mine-" + System.nanoTime());
        long theirs = db.organisation("theirs-" + System.nanoTime());
        AuditEntry entry = log.append(mine, null, "system", "scan.deleted", "scan:1", Map.of());

        assertThat(log.findById(theirs, entry.id())).isEmpty();
        assertThat(log.list(theirs, null, 50).items()).isEmpty();
        assertThat(log.findById(mine, entry.id())).isPresent();
        assertThat(log.list(mine, null, 50).items()).extracting(AuditEntry::id).containsExactly(entry.id());
    }
}
