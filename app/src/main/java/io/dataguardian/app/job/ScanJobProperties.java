package io.dataguardian.app.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code dataguardian.scan.*}: limits and places of scan jobs (docs/jobs.md has the table).
 *
 * @param maxUploadSize      largest upload (files or archive) one request may carry; larger answers 413
 * @param allowedRoots       server directories an administrator may scan by path; empty: no path scans
 * @param nodeConcurrency    scans one node runs at once (db-scheduler threads; read by application.yml)
 * @param maxRunningPerUser  running scans per user; more wait in the queue
 * @param maxRunningPerOrg   running scans per organisation unless {@code orgRunningLimits} names it
 * @param orgRunningLimits   per-organisation override of {@code maxRunningPerOrg}, by organisation id
 * @param maxQueuedPerUser   queued plus running scans per user; one more answers 429
 * @param timeLimit          a scan running longer fails with that reason
 * @param retention          finished scans (and their findings) older than this are purged
 * @param minHeadroom        a node with less free heap or CPU than this fraction leaves jobs queued
 * @param headroomPatience   a job queued this long no longer waits for idle CPU (it still waits for free heap), so a
 *                           busy single node cannot starve its queue
 * @param engineThreads      worker threads of one scan; 0: cores / node concurrency
 * @param secret             the installation secret; empty: one is generated once and kept in the database
 * @param uploadDir          a directory every node shares (NFS, SMB, a mounted volume) where uploads are kept until
 *                           their scan ends; empty: uploads go to the database in chunks
 */
@ConfigurationProperties("dataguardian.scan")
public record ScanJobProperties(DataSize maxUploadSize, List<Path> allowedRoots, Integer nodeConcurrency,
                                Integer maxRunningPerUser, Integer maxRunningPerOrg, Map<Long, Integer> orgRunningLimits,
                                Integer maxQueuedPerUser, Duration timeLimit, Duration retention, Double minHeadroom,
                                Duration headroomPatience, Integer engineThreads, String secret, Path uploadDir) {

    public ScanJobProperties {
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(200) : maxUploadSize;
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
        nodeConcurrency = nodeConcurrency == null ? 2 : Math.max(1, nodeConcurrency);
        maxRunningPerUser = maxRunningPerUser == null ? 4 : Math.max(1, maxRunningPerUser);
        maxRunningPerOrg = maxRunningPerOrg == null ? 8 : Math.max(1, maxRunningPerOrg);
        orgRunningLimits = orgRunningLimits == null ? Map.of() : Map.copyOf(orgRunningLimits);
        maxQueuedPerUser = maxQueuedPerUser == null ? 20 : Math.max(1, maxQueuedPerUser);
        timeLimit = timeLimit == null ? Duration.ofHours(1) : timeLimit;
        retention = retention == null ? Duration.ofDays(90) : retention;
        minHeadroom = minHeadroom == null ? 0.2 : minHeadroom;
        headroomPatience = headroomPatience == null ? Duration.ofMinutes(2) : headroomPatience;
        engineThreads = engineThreads == null ? 0 : engineThreads;
    }

    public int runningLimitOf(long orgId) {
        return orgRunningLimits.getOrDefault(orgId, maxRunningPerOrg);
    }

    public int threadsPerScan() {
        if (engineThreads > 0) {
            return engineThreads;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / nodeConcurrency);
    }
}
