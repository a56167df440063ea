package io.dataguardian.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.cache.CacheCodec;
import io.dataguardian.app.cache.TwoTierCache;
import io.dataguardian.app.finding.FindingCount;
import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.app.finding.FindingPage;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.finding.StoredFinding;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanCacheEntry;
import io.dataguardian.app.scan.ScanCacheKeys;
import io.dataguardian.app.scan.ScanFilter;
import io.dataguardian.app.scan.ScanPage;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanStatistics;
import io.dataguardian.app.scan.ScanStatus;
import io.dataguardian.app.scan.ScanSummary;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The query result cache with the application's own two-tier cache manager (Caffeine only, no Redis):
 * reads are served from the cache, every write through a repository makes the next read fresh, and
 * keys keep organisations apart. "Served from the cache" is shown the way a user would notice it: a
 * row changed behind the repositories' back stays invisible until a repository write evicts.
 */
class QueryCacheTest {

    static Finding finding(int i) {
        Severity severity = Severity.values()[i % 4];
        String type = i % 2 == 0 ? "EMAIL" : "IBAN";
        return new Finding("detector." + type.toLowerCase(), type, severity, 0.9, List.of("GDPR Art. 6"),
                new Location("docs/f" + i + ".txt", null, i + 1, 3, i + 1, 17, 100L * i, 14),
                "j***@e***.nl", String.format("%064x", i), "mail j*** here", 1, Map.of("method", "regex"));
    }

    @OnEachDatabase
    void readsComeFromTheCacheAndEveryRepositoryWriteMakesTheNextReadFresh(TestDatabase db) {
        CachedRepositories.runner(db).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            ScanRepository scans = ctx.getBean(ScanRepository.class);
            FindingRepository findings = ctx.getBean(FindingRepository.class);
            long org = db.organisation("cache-" + System.nanoTime());
            long other = db.organisation("cache-other-" + System.nanoTime());

            Scan first = scans.create(org, null, ScanType.FILES, "first");
            assertThat(ids(scans.list(org, ScanFilter.ALL, null, 20))).containsExactly(first.id());
            assertThat(scans.statistics(org).scansByStatus()).containsEntry(ScanStatus.QUEUED, 1L);
            assertThat(scans.summary(org, first.id())).get().extracting(s -> s.scan().status()).isEqualTo(ScanStatus.QUEUED);

            // behind the repositories' back: cached reads do not see it (this is what proves they are cached)
            db.jdbc().sql("update scans set target = 'changed behind' where id = :id").param("id", first.id()).update();
            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items().get(0).target()).isEqualTo("first");
            assertThat(scans.summary(org, first.id()).orElseThrow().scan().target()).isEqualTo("first");

            // each repository write: the writer's next read is fresh
            Scan second = scans.create(org, null, ScanType.DATABASE, "second");
            assertThat(ids(scans.list(org, ScanFilter.ALL, null, 20))).containsExactly(second.id(), first.id());
            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items().get(1).target()).isEqualTo("changed behind");
            assertThat(scans.statistics(org).scansByStatus()).containsEntry(ScanStatus.QUEUED, 2L);

            assertThat(scans.start(org, first.id())).isTrue();
            assertThat(scans.summary(org, first.id()).orElseThrow().scan().status()).isEqualTo(ScanStatus.RUNNING);
            assertThat(scans.list(org, new ScanFilter(null, ScanStatus.RUNNING, null, null), null, 20).items())
                    .extracting(Scan::id).containsExactly(first.id());
            assertThat(scans.statistics(org).scansByStatus()).containsEntry(ScanStatus.RUNNING, 1L);

            assertThat(scans.updateProgress(org, first.id(), new Scan.Progress(3, 10, 300, 1000, 7, "a.csv"))).isTrue();
            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items().get(1).progress().filesDone()).isEqualTo(3);
            assertThat(scans.summary(org, first.id()).orElseThrow().scan().progress().findings()).isEqualTo(7);

            // findings pages (and the summary's counts) follow inserts, page by page and per filter
            List<Finding> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.add(finding(i));
            }
            findings.insertAll(org, first.id(), batch.subList(0, 4));
            FindingPage page1 = findings.page(org, first.id(), FindingFilter.ALL, null, 3);
            assertThat(page1.items()).hasSize(3);
            assertThat(findings.page(org, first.id(), FindingFilter.ALL, page1.next(), 3).items()).hasSize(1);
            db.jdbc().sql("update findings set masked_value = 'behind' where scan_id = :id").param("id", first.id()).update();
            assertThat(findings.page(org, first.id(), FindingFilter.ALL, null, 3).items().get(0).finding().maskedValue())
                    .isEqualTo("j***@e***.nl");
            FindingFilter critical = new FindingFilter(Set.of(Severity.CRITICAL), null, null);
            assertThat(findings.page(org, first.id(), critical, null, 10).items()).hasSize(1);
            assertThat(total(scans.summary(org, first.id()).orElseThrow())).isEqualTo(4);

            findings.insertAll(org, first.id(), batch.subList(4, 6));
            assertThat(findings.page(org, first.id(), FindingFilter.ALL, page1.next(), 3).items()).hasSize(3);
            assertThat(findings.page(org, first.id(), critical, null, 10).items()).hasSize(2);
            assertThat(total(scans.summary(org, first.id()).orElseThrow())).isEqualTo(6);

            assertThat(scans.complete(org, first.id(), new Scan.SeverityCounts(2, 2, 1, 1), 0, 40.0, 60.0)).isTrue();
            ScanStatistics stats = scans.statistics(org);
            assertThat(stats.scansByStatus()).containsEntry(ScanStatus.COMPLETED, 1L).containsEntry(ScanStatus.RUNNING, 0L);
            assertThat(stats.findingsBySeverity().total()).isEqualTo(6);
            assertThat(scans.summary(org, first.id()).orElseThrow().scan().status()).isEqualTo(ScanStatus.COMPLETED);
            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items().get(1).status()).isEqualTo(ScanStatus.COMPLETED);

            assertThat(scans.cancel(org, second.id())).isTrue();
            assertThat(scans.list(org, ScanFilter.ALL, null, 20).items().get(0).status()).isEqualTo(ScanStatus.CANCELLED);
            assertThat(scans.statistics(org).scansByStatus()).containsEntry(ScanStatus.CANCELLED, 1L);

            // another organisation never gets this one's cached entries
            assertThat(scans.list(other, ScanFilter.ALL, null, 20).items()).isEmpty();
            assertThat(scans.summary(other, first.id())).isEmpty();
            assertThat(findings.page(other, first.id(), FindingFilter.ALL, null, 3).items()).isEmpty();
            assertThat(scans.statistics(other).scansByStatus()).containsEntry(ScanStatus.COMPLETED, 0L);

            TwoTierCache cache = ctx.getBean(TwoTierCache.class);
            assertThat(cache.stats(ScanCacheKeys.SCANS).l1Hits()).isPositive();
            assertThat(cache.stats(ScanCacheKeys.FINDINGS).l1Hits()).isPositive();
        });
    }

    /** What Redis would hold decodes back to the same value with the namespace's declared type. */
    @Test
    void cachedValuesSurviveTheJsonRoundTripOfTheSecondTier() {
        CacheCodec codec = new CacheCodec();
        Instant t = Instant.parse("2025-01-01T10:00:00.123456Z");
        Scan scan = new Scan(7, 3, null, ScanType.FILES, "t", ScanStatus.COMPLETED,
                new Scan.Progress(1, 2, 3, 4, 5, null), new Scan.SeverityCounts(1, 2, 3, 4), 0, 12.5, null,
                t, t, t, null, 10L, null);
        List<ScanCacheEntry> entries = List.of(
                new ScanPage(List.of(scan), scan.cursor()),
                new ScanPage(List.of(), null),
                new ScanSummary(scan, List.of(new FindingCount(Severity.HIGH, "IBAN", 2, 3))),
                new ScanCacheEntry.Version(-42));
        for (ScanCacheEntry entry : entries) {
            byte[] bytes = codec.encode(entry, System.currentTimeMillis() + 60_000);
            assertThat(codec.<ScanCacheEntry>decode(bytes, codec.type(ScanCacheEntry.class)).v()).isEqualTo(entry);
        }
        FindingPage page = new FindingPage(List.of(new StoredFinding(9, 3, 7, finding(1))), 9L);
        assertThat(codec.<FindingPage>decode(codec.encode(page, Long.MAX_VALUE), codec.type(FindingPage.class)).v())
                .isEqualTo(page);
        ScanStatistics stats = new ScanStatistics(Map.of(ScanStatus.QUEUED, 1L, ScanStatus.COMPLETED, 2L),
                Scan.SeverityCounts.NONE, null, 55.0);
        assertThat(codec.<ScanStatistics>decode(codec.encode(stats, Long.MAX_VALUE), codec.type(ScanStatistics.class)).v())
                .isEqualTo(stats);
    }

    private static List<Long> ids(ScanPage page) {
        return page.items().stream().map(Scan::id).toList();
    }

    private static long total(ScanSummary summary) {
        return summary.counts().stream().mapToLong(FindingCount::findings).sum();
    }
}
