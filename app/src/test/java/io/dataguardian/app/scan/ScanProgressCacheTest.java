package io.dataguardian.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.TestInfrastructure;
import io.dataguardian.app.cache.TwoTierCache;
import io.dataguardian.app.db.DatabaseKind;
import io.dataguardian.app.db.OnEachDatabase;
import io.dataguardian.app.db.TestDatabase;
import java.util.UUID;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import io.dataguardian.app.db.CachedRepositories;

/**
 * Progress ticks of a running scan do not invalidate the cached scan list and summary (they are
 * volatile: one every 500 ms), yet every read shows the latest progress; state transitions still evict.
 * "Not evicted" is shown the way a user would notice: a column changed behind the repositories' back stays
 * invisible across ticks and appears with the completion.
 */
class ScanProgressCacheTest {

    @OnEachDatabase
    void aProgressTickDoesNotEvictTheListOrSummaryButShowsInThemAndCompletionEvicts(TestDatabase db) {
        CachedRepositories.runner(db).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            ScanRepository scans = ctx.getBean(ScanRepository.class);
            TwoTierCache cache = ctx.getBean(TwoTierCache.class);
            long org = db.organisation("progress-" + System.nanoTime());
            Scan done = scans.create(org, null, ScanType.FILES, "done");
            Scan running = scans.create(org, null, ScanType.FILES, "running");
            assertThat(scans.start(org, running.id())).isTrue();

            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items()).extracting(Scan::status)
                    .containsExactly(ScanStatus.RUNNING, ScanStatus.QUEUED);
            assertThat(scans.summary(org, running.id()).orElseThrow().scan().progress()).isEqualTo(Scan.Progress.NONE);

            // behind the repositories' back: visible only once something evicts the cached list and summary
            db.jdbc().sql("update scans set target = 'changed behind' where id = :id").param("id", running.id()).update();

            long listLoadsBefore = cache.stats(ScanCacheKeys.SCANS).l1Misses();
            for (int tick = 1; tick <= 5; tick++) {
                Scan.Progress p = new Scan.Progress(tick, 10, tick * 100L, 1000, tick * 2L, "dir/file" + tick);
                assertThat(scans.updateProgress(org, running.id(), p)).isTrue();

                Scan inList = scans.list(org, ScanFilter.ALL, null, 20).items().get(0);
                assertThat(inList.progress()).isEqualTo(p);                   // live progress on every read
                assertThat(inList.target()).isEqualTo("running");             // ... from the cached page
                Scan inSummary = scans.summary(org, running.id()).orElseThrow().scan();
                assertThat(inSummary.progress()).isEqualTo(p);
                assertThat(inSummary.target()).isEqualTo("running");
                assertThat(inSummary.updatedAt()).isEqualTo(scans.findById(org, running.id()).orElseThrow().updatedAt());
            }
            // neither the list page nor the summary (nor a list version) was looked up and missed again
            assertThat(cache.stats(ScanCacheKeys.SCANS).l1Misses()).isEqualTo(listLoadsBefore);

            // a filtered list is another cached page of the same version: live progress there too
            assertThat(scans.list(org, new ScanFilter(null, ScanStatus.RUNNING, null, null), null, 20).items())
                    .extracting(s -> s.progress().filesDone()).containsExactly(5L);

            // completion is a state transition: the writer's next reads are fresh
            assertThat(scans.complete(org, running.id(), new Scan.SeverityCounts(1, 0, 0, 0), 0, 10.0, 90.0)).isTrue();
            Scan completed = scans.list(org, ScanFilter.ALL, null, 20).items().get(0);
            assertThat(completed.status()).isEqualTo(ScanStatus.COMPLETED);
            assertThat(completed.target()).isEqualTo("changed behind");
            assertThat(completed.progress().filesDone()).isEqualTo(5);
            assertThat(completed.counts().critical()).isEqualTo(1);
            Scan summary = scans.summary(org, running.id()).orElseThrow().scan();
            assertThat(summary.status()).isEqualTo(ScanStatus.COMPLETED);
            assertThat(summary.target()).isEqualTo("changed behind");

            // a late tick (the scan is no longer running) changes nothing anywhere
            assertThat(scans.updateProgress(org, running.id(), new Scan.Progress(99, 99, 99, 99, 99, "late"))).isFalse();
            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items().get(0).progress().filesDone()).isEqualTo(5);

            // cancel is a transition too
            db.jdbc().sql("update scans set target = 'done behind' where id = :id").param("id", done.id()).update();
            assertThat(scans.cancel(org, done.id())).isTrue();
            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items().get(1))
                    .extracting(Scan::status, Scan::target).containsExactly(ScanStatus.CANCELLED, "done behind");
        });
    }

    /** Two nodes sharing Redis: a tick on the node running the scan shows on the other's cached list. */
    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void aTickOnOneNodeShowsInTheOtherNodesCachedListWithoutEvictingIt(TestDatabase db) {
        ApplicationContextRunner runner = CachedRepositories.runner(db);
        String prefix = "dgtest-" + UUID.randomUUID().toString().substring(0, 8);
        ApplicationContextRunner twoTier = runner.withPropertyValues("dataguardian.redis.url=" + TestInfrastructure.REDIS_URL,
                "dataguardian.cache.key-prefix=" + prefix, "dataguardian.cache.redis-timeout=1s");
        twoTier.run(a -> twoTier.run(b -> {
            ScanRepository nodeA = a.getBean(ScanRepository.class);
            ScanRepository nodeB = b.getBean(ScanRepository.class);
            long org = db.organisation("progress-2n-" + System.nanoTime());
            Scan scan = nodeA.create(org, null, ScanType.FILES, "two nodes");
            assertThat(nodeA.start(org, scan.id())).isTrue();
            awaitStatus(nodeB, org, ScanStatus.RUNNING);
            // the create and start invalidations may still be on their way to B (pub/sub): let B drain them, then
            // cache the RUNNING page again, so nothing but the tick below can touch B's cached page
            drainInvalidations(a.getBean(TwoTierCache.class), b.getBean(TwoTierCache.class), Long.toString(org));
            awaitStatus(nodeB, org, ScanStatus.RUNNING);
            db.jdbc().sql("update scans set target = 'changed behind' where id = :id").param("id", scan.id()).update();

            Scan.Progress p = new Scan.Progress(4, 8, 400, 800, 3, "x.csv");
            assertThat(nodeA.updateProgress(org, scan.id(), p)).isTrue();
            Scan seen = awaitProgress(nodeB, org, p);
            assertThat(seen.target()).isEqualTo("two nodes"); // B's cached page was not evicted by the tick

            assertThat(nodeA.cancel(org, scan.id())).isTrue();
            awaitStatus(nodeB, org, ScanStatus.CANCELLED);
            assertThat(nodeB.list(org, ScanFilter.ALL, null, 20).items().get(0).target()).isEqualTo("changed behind");
            a.getBean(TwoTierCache.class).clearNamespace(ScanCacheKeys.SCANS);
            a.getBean(TwoTierCache.class).clearNamespace(ScanCacheKeys.PROGRESS);
            a.getBean(TwoTierCache.class).clearNamespace(ScanCacheKeys.DASHBOARD);
        }));
    }

    /**
     * Waits until node B has applied every invalidation node A published so far: A evicts a sentinel B holds, and
     * invalidations travel in order on one channel.
     */
    private static void drainInvalidations(TwoTierCache a, TwoTierCache b, String org) throws InterruptedException {
        b.put(ScanCacheKeys.DASHBOARD, org, "drain-sentinel", "x");
        a.evict(ScanCacheKeys.DASHBOARD, org, "drain-sentinel");
        for (int i = 0; i < 500 && b.getIfPresent(ScanCacheKeys.DASHBOARD, org, "drain-sentinel", String.class).isPresent(); i++) {
            Thread.sleep(10);
        }
    }

    /** Invalidations reach the other node asynchronously (pub/sub): wait for it, no time assertion. */
    private static void awaitStatus(ScanRepository node, long org, ScanStatus status) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (node.list(org, ScanFilter.ALL, null, 20).items().get(0).status() == status) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(node.list(org, ScanFilter.ALL, null, 20).items().get(0).status()).isEqualTo(status);
    }

    private static Scan awaitProgress(ScanRepository node, long org, Scan.Progress p) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Scan s = node.list(org, ScanFilter.ALL, null, 20).items().get(0);
            if (s.progress().equals(p)) {
                return s;
            }
            Thread.sleep(10);
        }
        Scan s = node.list(org, ScanFilter.ALL, null, 20).items().get(0);
        assertThat(s.progress()).isEqualTo(p);
        return s;
    }
}
