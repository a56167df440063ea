package io.dataguardian.app.scan;

import io.dataguardian.app.cache.CacheNamespaces;
import io.dataguardian.app.cache.OrgKey;
import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.engine.Severity;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The keys of the query result cache, used from the repositories' {@code @Cacheable}/{@code @CacheEvict}
 * expressions as {@code @scanCacheKeys}. Every key carries the organisation ({@link OrgKey}).
 *
 * <p>Single entries (a scan's summary, the dashboard aggregates) are evicted exactly. List pages
 * (scan list, findings pages) come in unbounded combinations of filter, cursor and size, so their keys
 * include a version kept in the cache itself: a write evicts the version, and every page read with
 * the old one is never looked up again (it ages out by TTL and size).
 *
 * <p>Progress of a running scan is volatile (a tick every 500 ms), so it does not invalidate the cached
 * list pages and summaries: it is kept apart, one small {@link LiveProgress} entry per running scan in the
 * {@code scan-progress} namespace, written by every tick, and laid over the RUNNING rows of a cached page
 * or summary when it is read. Only state transitions, final counts and deletes evict lists and summaries.
 */
@Component(ScanCacheKeys.BEAN_NAME)
public class ScanCacheKeys {

    public static final String BEAN_NAME = "scanCacheKeys";
    public static final String SCANS = CacheNamespaces.SCAN_RESULTS;
    public static final String FINDINGS = CacheNamespaces.LARGE_DATASETS;
    public static final String DASHBOARD = CacheNamespaces.DASHBOARD;
    public static final String PROGRESS = CacheNamespaces.SCAN_PROGRESS;

    /**
     * The latest progress of a scan as its last tick (or the database) left it; {@code updatedAt} is the
     * row's {@code updated_at} of that moment, so an overlay never replaces newer data with older.
     */
    public record LiveProgress(ScanStatus status, Scan.Progress progress, Instant updatedAt) {
    }

    private final ObjectProvider<CacheManager> cacheManager;

    public ScanCacheKeys(ObjectProvider<CacheManager> cacheManager) {
        this.cacheManager = cacheManager;
    }

    // ---- exact entries ----

    public OrgKey summary(long orgId, long scanId) {
        return OrgKey.of(orgId, "summary:" + scanId);
    }

    public OrgKey dashboard(long orgId) {
        return OrgKey.of(orgId, "scan-statistics");
    }

    public OrgKey scanListVersion(long orgId) {
        return OrgKey.of(orgId, "v:scans");
    }

    public OrgKey findingsVersion(long orgId, long scanId) {
        return OrgKey.of(orgId, "v:findings:" + scanId);
    }

    public OrgKey progress(long orgId, long scanId) {
        return OrgKey.of(orgId, "progress:" + scanId);
    }

    // ---- programmatic access (the repositories' reads that post-process a cached value) ----

    /** The cached value of {@code key} in {@code namespace}, loaded once per node on a miss; a null is not cached. */
    @SuppressWarnings("unchecked")
    public <T> T cached(String namespace, OrgKey key, Supplier<T> loader) {
        CacheManager manager = cacheManager.getIfAvailable();
        Cache cache = manager == null ? null : manager.getCache(namespace);
        if (cache == null) {
            return loader.get();
        }
        try {
            return (T) cache.get(key, loader::get);
        } catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re; // the loader's own exception (a DataAccessException), as an uncached call would throw
            }
            throw e;
        }
    }

    /** Replaces the entry in both tiers; other nodes drop their copies. */
    public void put(String namespace, OrgKey key, Object value) {
        CacheManager manager = cacheManager.getIfAvailable();
        Cache cache = manager == null ? null : manager.getCache(namespace);
        if (cache != null) {
            cache.put(key, value);
        }
    }

    // ---- versioned pages ----

    public OrgKey scanList(long orgId, ScanFilter filter, Scan.Cursor after, int limit) {
        StringBuilder key = new StringBuilder("scans:v").append(version(scanListVersion(orgId)));
        field(key, filter.type() == null ? null : filter.type().name());
        field(key, filter.status() == null ? null : filter.status().name());
        field(key, instant(filter.createdFrom()));
        field(key, instant(filter.createdTo()));
        field(key, after == null ? null : instant(after.createdAt()) + "/" + after.id());
        field(key, Integer.toString(ScanRepository.pageSize(limit)));
        return OrgKey.of(orgId, key.toString());
    }

    public OrgKey findings(long orgId, long scanId, FindingFilter filter, Long afterId, int limit, int maxPage) {
        StringBuilder key = new StringBuilder("findings:").append(scanId)
                .append(":v").append(version(findingsVersion(orgId, scanId)));
        field(key, filter.severities().stream().map(Severity::name).sorted().collect(Collectors.joining(",")));
        field(key, filter.entityType());
        field(key, filter.pathPrefix());
        field(key, afterId == null ? null : afterId.toString());
        field(key, Integer.toString(Math.max(1, Math.min(limit, maxPage))));
        return OrgKey.of(orgId, key.toString());
    }

    /** The family's current version; a new random one after the previous was evicted. */
    private long version(OrgKey versionKey) {
        Cache cache = cacheManager.getObject().getCache(SCANS);
        if (cache == null) {
            return 0;
        }
        ScanCacheEntry.Version v = cache.get(versionKey,
                () -> new ScanCacheEntry.Version(ThreadLocalRandom.current().nextLong()));
        return v == null ? 0 : v.value();
    }

    /** Length-prefixed, so user text (a path prefix) can never make two different filters one key. */
    private static void field(StringBuilder key, String value) {
        key.append(':');
        if (value == null) {
            key.append('-');
        } else {
            key.append(value.length()).append('#').append(value);
        }
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
