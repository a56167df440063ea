package io.dataguardian.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.db.DatabaseKind;
import io.dataguardian.app.db.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's scan throughput follows the progress the job runners store while scans run (real PostgreSQL and
 * the embedded H2): counts of running and queued scans, bytes and files per second between two samples, including
 * the last progress of a scan that completed in between and a scan that started and ended in between.
 */
class ScanActivityTest {

    private static final long SECOND = 1_000_000_000L;

    private static long scan(JdbcClient jdbc, long org, String status, long files, long bytes) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into scans (organisation_id, scan_type, target, status, files_done, bytes_done, created_at,"
                        + " updated_at) values (?, 'FILES', 't', ?, ?, ?, ?, ?)")
                .params(org, status, files, bytes, now, now).update();
        return jdbc.sql("select max(id) from scans").query(Long.class).single();
    }

    private static void progress(JdbcClient jdbc, long id, String status, long files, long bytes) {
        jdbc.sql("update scans set status = ?, files_done = ?, bytes_done = ? where id = ?")
                .params(status, files, bytes, id).update();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void ratesMoveWhileScansRunAndCountWhatFinishedBetweenSamples(DatabaseKind kind) {
        TestDatabase db = TestDatabase.of(kind);
        try {
            JdbcClient jdbc = db.jdbc();
            long org = db.organisation("acme");
            long old = scan(jdbc, org, "COMPLETED", 50, 50_000_000); // history never counts
            long running = scan(jdbc, org, "RUNNING", 10, 1_000_000);
            long waiting = scan(jdbc, org, "QUEUED", 0, 0);
            scan(jdbc, org, "QUEUED", 0, 0);
            AtomicLong clock = new AtomicLong(100 * SECOND);
            ScanActivity activity = new ScanActivity(jdbc, clock::get);

            ScanActivity.Sample first = activity.sample();
            assertThat(first.running()).isEqualTo(1);
            assertThat(first.queued()).isEqualTo(2);
            assertThat(first.bytesPerSecond()).as("no baseline yet").isNull();

            // 2 s later: the running scan did 4 MB and 20 files more, nothing completed
            clock.addAndGet(2 * SECOND);
            progress(jdbc, running, "RUNNING", 30, 5_000_000);
            ScanActivity.Sample live = activity.sample();
            assertThat(live.bytesPerSecond()).isEqualTo(2_000_000.0);
            assertThat(live.filesPerSecond()).isEqualTo(10.0);
            assertThat(live.running()).isEqualTo(1);

            // 2 s later: the running scan completed after 2 MB more, the waiting one ran and did 1 MB,
            // a new scan was submitted, ran and completed with 3 MB, all between two samples
            clock.addAndGet(2 * SECOND);
            progress(jdbc, running, "COMPLETED", 40, 7_000_000);
            progress(jdbc, waiting, "RUNNING", 5, 1_000_000);
            scan(jdbc, org, "COMPLETED", 2, 3_000_000);
            ScanActivity.Sample mixed = activity.sample();
            assertThat(mixed.bytesPerSecond()).isEqualTo((2_000_000 + 1_000_000 + 3_000_000) / 2.0);
            assertThat(mixed.filesPerSecond()).isEqualTo((10 + 5 + 2) / 2.0);
            assertThat(mixed.running()).isEqualTo(1);
            assertThat(mixed.queued()).isEqualTo(1);

            // idle: no progress, no throughput; a scan handed back to the queue (progress reset) is never negative
            clock.addAndGet(2 * SECOND);
            progress(jdbc, waiting, "QUEUED", 0, 0);
            ScanActivity.Sample idle = activity.sample();
            assertThat(idle.bytesPerSecond()).isZero();
            assertThat(idle.filesPerSecond()).isZero();
            assertThat(idle.running()).isZero();
            assertThat(idle.queued()).isEqualTo(2);
            progress(jdbc, old, "COMPLETED", 60, 60_000_000);
            clock.addAndGet(2 * SECOND);
            assertThat(activity.sample().bytesPerSecond()).as("a scan outside the tracked set").isZero();
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDatabaseFailureGivesNoFigureRatherThanAWrongOne(DatabaseKind kind) {
        TestDatabase db = TestDatabase.of(kind);
        JdbcClient jdbc = db.jdbc();
        ScanActivity activity = new ScanActivity(jdbc);
        assertThat(activity.sample().running()).isZero();
        db.drop();
        ScanActivity.Sample down = activity.sample();
        assertThat(down.running()).isNull();
        assertThat(down.queued()).isNull();
        assertThat(down.bytesPerSecond()).isNull();
    }
}
