package io.dataguardian.app.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.app.db.OnEachDatabase;
import io.dataguardian.app.db.TestDatabase;
import io.dataguardian.engine.finding.FileError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

class ScanRepositoryTest {

    /** A clock the test moves by hand, so created_at order is certain. */
    static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T10:00:00.123456Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @OnEachDatabase
    void aScanGoesFromQueuedToCompletedWithItsCountsAndDuration(TestDatabase db) {
        ManualClock clock = new ManualClock();
        ScanRepository scans = new ScanRepository(db.dataSource(), clock);
        long org = db.organisation("lifecycle-" + System.nanoTime());
        long user = db.user("owner-" + System.nanoTime());

        Scan created = scans.create(org, user, ScanType.FILES, "upload: customers.zip");
        assertThat(created.status()).isEqualTo(ScanStatus.QUEUED);
        assertThat(created.ownerId()).isEqualTo(user);
        assertThat(created.createdAt()).isEqualTo(clock.instant());

        assertThat(scans.start(org, created.id())).isTrue();
        assertThat(scans.start(org, created.id())).as("only a queued scan starts").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(scans.updateProgress(org, created.id(), new Scan.Progress(3, 10, 300, 1000, 7, "a/b.csv"))).isTrue();
        Scan running = scans.findById(org, created.id()).orElseThrow();
        assertThat(running.progress()).isEqualTo(new Scan.Progress(3, 10, 300, 1000, 7, "a/b.csv"));

        clock.advance(Duration.ofMillis(1500));
        assertThat(scans.complete(org, created.id(), new Scan.SeverityCounts(1, 2, 3, 4), 2, 61.5, 72.25)).isTrue();
        Scan done = scans.findById(org, created.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(done.counts()).isEqualTo(new Scan.SeverityCounts(1, 2, 3, 4));
        assertThat(done.progress().findings()).isEqualTo(10);
        assertThat(done.fileErrorCount()).isEqualTo(2);
        assertThat(done.riskScore()).isEqualTo(61.5);
        assertThat(done.complianceScore()).isEqualTo(72.25);
        assertThat(done.durationMs()).isEqualTo(3500);
        assertThat(done.progress().currentItem()).isNull();
        assertThat(scans.fail(org, created.id(), "late")).as("a final scan stays final").isFalse();

        ScanStatistics stats = scans.statistics(org);
        assertThat(stats.scansByStatus()).containsEntry(ScanStatus.COMPLETED, 1L).containsEntry(ScanStatus.RUNNING, 0L);
        assertThat(stats.findingsBySeverity()).isEqualTo(new Scan.SeverityCounts(1, 2, 3, 4));
        assertThat(stats.meanRiskScore()).isEqualTo(61.5);
    }

    @OnEachDatabase
    void theListIsNewestFirstAndPagesWithoutGapsOrRepeats(TestDatabase db) {
        ManualClock clock = new ManualClock();
        ScanRepository scans = new ScanRepository(db.dataSource(), clock);
        long org = db.organisation("list-" + System.nanoTime());
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // pairs of scans share a timestamp, so the id tie-break is exercised
            if (i % 2 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            Scan s = scans.create(org, null, i % 3 == 0 ? ScanType.DATABASE : ScanType.FILES, "target " + i);
            if (i % 4 == 0) {
                scans.start(org, s.id());
            }
            expected.add(0, s.id());
        }
        List<Long> seen = new ArrayList<>();
        Scan.Cursor cursor = null;
        int pages = 0;
        do {
            ScanPage page = scans.list(org, ScanFilter.ALL, cursor, 5);
            page.items().forEach(s -> seen.add(s.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(5);

        assertThat(scans.list(org, new ScanFilter(ScanType.DATABASE, null, null, null), null, 100).items())
                .hasSize(8).allMatch(s -> s.type() == ScanType.DATABASE);
        assertThat(scans.list(org, new ScanFilter(null, ScanStatus.RUNNING, null, null), null, 100).items())
                .hasSize(6).allMatch(s -> s.status() == ScanStatus.RUNNING);
        Instant from = Instant.parse("2025-01-01T10:00:03.123456Z");
        Instant to = Instant.parse("2025-01-01T10:00:05.123456Z");
        assertThat(scans.list(org, new ScanFilter(null, null, from, to), null, 100).items())
                .hasSize(4).allMatch(s -> !s.createdAt().isBefore(from) && s.createdAt().isBefore(to));
    }

    @OnEachDatabase
    void anotherOrganisationCannotReachAScanOrItsFileErrors(TestDatabase db) {
        ScanRepository scans = new ScanRepository(db.dataSource(), Clock.systemUTC());
        FileErrorRepository errors = new FileErrorRepository(db.dataSource());
        long mine = db.organisation("mine-" + System.nanoTime());
        long theirs = db.organisation("theirs-" + System.nanoTime());
        Scan scan = scans.create(mine, null, ScanType.ARCHIVE, "backup.zip");
        errors.insertAll(mine, scan.id(), List.of(new FileError("a.zip!/x.pdf", "encrypted", "PDF is encrypted")));
        long errorId = errors.page(mine, scan.id(), null, 10).items().get(0).id();

        assertThat(scans.findById(theirs, scan.id())).isEmpty();
        assertThat(scans.list(theirs, ScanFilter.ALL, null, 100).items()).isEmpty();
        assertThat(scans.statistics(theirs).scansByStatus().values()).allMatch(n -> n == 0);
        assertThat(scans.start(theirs, scan.id())).isFalse();
        assertThat(scans.cancel(theirs, scan.id())).isFalse();
        assertThat(scans.findById(mine, scan.id()).orElseThrow().status()).isEqualTo(ScanStatus.QUEUED);

        assertThat(errors.findById(theirs, errorId)).isEmpty();
        assertThat(errors.page(theirs, scan.id(), null, 10).items()).isEmpty();
        assertThatThrownBy(() -> errors.insertAll(theirs, scan.id(), List.of(new FileError("p", "corrupt", "m"))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(errors.findById(mine, errorId)).get()
                .extracting(ScanFileError::error).isEqualTo(new FileError("a.zip!/x.pdf", "encrypted", "PDF is encrypted"));
    }
}
