package io.dataguardian.app.job;

import io.dataguardian.app.scan.ScanCacheKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The retention purge: finished scans older than {@code dataguardian.scan.retention} are deleted (findings,
 * file errors, jobs and uploads cascade), a batch at a time, and every cached entry that could still show a
 * purged scan is evicted at once — the scan's summary and findings pages, and its organisation's scan list and
 * dashboard aggregates — the same entries {@code ScanRepository}'s writes evict. The two-tier cache passes the
 * evictions to the other nodes. Run by the recurring task {@code scan-retention-purge} on one node at a time.
 */
@Component
public class ScanRetention {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ScanRetention.class);

    private final ScanJobStore jobs;
    private final ScanJobProperties properties;
    private final ScanCacheKeys keys;
    private final ObjectProvider<CacheManager> caches;
    private final UploadStore uploads;

    public ScanRetention(ScanJobStore jobs, ScanJobProperties properties, ScanCacheKeys keys,
                         ObjectProvider<CacheManager> caches, UploadStore uploads) {
        this.jobs = jobs;
        this.properties = properties;
        this.keys = keys;
        this.caches = caches;
        this.uploads = uploads;
    }

    /** Purges what is past the retention now; returns the number of scans deleted. */
    public int purge() {
        return purgeFinishedBefore(Instant.now(Clock.systemUTC()).minus(properties.retention()));
    }

    int purgeFinishedBefore(Instant cutoff) {
        int total = 0;
        while (true) {
            List<ScanJobStore.ScanRef> batch = jobs.finishedBefore(cutoff, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (ScanJobStore.ScanRef ref : batch) {
                uploads.delete(ref.scanId()); // normally gone already; a shared-directory upload does not cascade
            }
            total += jobs.delete(batch);
            evict(batch);
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("retention: purged {} scans finished more than {} ago", total, properties.retention());
        }
        int swept = uploads.sweep(jobs::isActive);
        if (swept > 0) {
            log.info("retention: deleted {} upload directories of scans that have ended or no longer exist", swept);
        }
        return total;
    }

    private void evict(List<ScanJobStore.ScanRef> purged) {
        CacheManager manager = caches.getIfAvailable();
        if (manager == null) {
            return;
        }
        Cache scans = manager.getCache(ScanCacheKeys.SCANS);
        Cache dashboard = manager.getCache(ScanCacheKeys.DASHBOARD);
        purged.stream().map(ScanJobStore.ScanRef::orgId).distinct().forEach(org -> {
            if (scans != null) {
                scans.evict(keys.scanListVersion(org));
            }
            if (dashboard != null) {
                dashboard.evict(keys.dashboard(org));
            }
        });
        if (scans != null) {
            for (ScanJobStore.ScanRef ref : purged) {
                scans.evict(keys.summary(ref.orgId(), ref.scanId()));
                scans.evict(keys.findingsVersion(ref.orgId(), ref.scanId()));
            }
        }
    }
}
