package io.dataguardian.app.job;

import io.dataguardian.app.audit.AuditLogRepository;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.scan.FileErrorRepository;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanStatus;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.db.DatabaseScanException;
import io.dataguardian.engine.db.DatabaseScanOptions;
import io.dataguardian.engine.db.DatabaseScanSummary;
import io.dataguardian.engine.db.DatabaseScanner;
import io.dataguardian.engine.db.DatabaseTarget;
import io.dataguardian.engine.db.ScanMode;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.scan.ScanControl;
import io.dataguardian.engine.scan.ScanEngine;
import io.dataguardian.engine.scan.ScanListener;
import io.dataguardian.engine.scan.ScanRequest;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.score.ScoreCalculator;
import io.dataguardian.engine.score.Scores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Runs one scan job on this node: claims it (QUEUED to RUNNING) when the node, the user and the organisation
 * have room, scans, and stores the outcome. Safe to run again for the same scan (a revived dead execution):
 * a scan found RUNNING has its partial results deleted in one transaction first, and the findings, file errors
 * and the COMPLETED row are written together in one transaction, so a scan's findings are stored once or not at all.
 *
 * <p>While the engine works, the supervising thread writes progress to the scan's row every
 * {@link #PROGRESS_EVERY} (so any node can stream it); that same update affects no row once the scan was
 * cancelled elsewhere, which cancels the engine here. It also enforces the time limit.
 */
@Component
public class ScanJobRunner {

    /** What the scheduler should do with the execution. */
    public enum Outcome { DONE, DEFERRED }

    static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private static final int INSERT_BATCH = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ScanJobRunner.class);

    private final ScanRepository scans;
    private final FindingRepository findings;
    private final FileErrorRepository fileErrors;
    private final ScanJobStore jobs;
    private final UploadStore uploads;
    private final CredentialCipher cipher;
    private final InstallationSecret secret;
    private final NodeCapacity capacity;
    private final ScanJobProperties properties;
    private final AuditLogRepository audit;
    private final TransactionTemplate tx;
    private final ScanEngine engine = new ScanEngine();
    private final String nodeName;

    /** Tests: sees the engine's progress calls first (e.g. holds a scan at a known point). */
    volatile ScanListener testHook = ScanListener.NONE;
    /** Tests: the clock the time limit is checked against (moved forward to pass the limit mid-scan). */
    volatile Clock clock = Clock.systemUTC();

    public ScanJobRunner(ScanRepository scans, FindingRepository findings, FileErrorRepository fileErrors,
                         ScanJobStore jobs, UploadStore uploads, CredentialCipher cipher, InstallationSecret secret,
                         NodeCapacity capacity, ScanJobProperties properties, AuditLogRepository audit,
                         PlatformTransactionManager transactions,
                         @org.springframework.beans.factory.annotation.Value("${db-scheduler.scheduler-name:}") String schedulerName) {
        this.nodeName = schedulerName == null || schedulerName.isBlank() ? NodeName.get() : schedulerName;
        this.scans = scans;
        this.findings = findings;
        this.fileErrors = fileErrors;
        this.jobs = jobs;
        this.uploads = uploads;
        this.cipher = cipher;
        this.secret = secret;
        this.capacity = capacity;
        this.properties = properties;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    public Outcome run(long scanId) {
        Optional<ScanJob> found = jobs.find(scanId);
        if (found.isEmpty()) {
            return Outcome.DONE; // the scan was purged
        }
        ScanJob job = found.get();
        Optional<Scan> row = scans.findById(job.orgId(), scanId);
        if (row.isEmpty() || row.get().status().isFinal()) {
            cleanUp(job);
            return Outcome.DONE;
        }
        Scan scan = row.get();
        if (scan.status() == ScanStatus.QUEUED) {
            String wait = whyWait(job, scan);
            if (wait != null) {
                log.debug("scan {} stays queued: {}", scanId, wait);
                return Outcome.DEFERRED;
            }
            if (!scans.start(job.orgId(), scanId)) {
                cleanUpIfFinal(job);
                return Outcome.DONE; // cancelled meanwhile
            }
            audit.append(job.orgId(), null, "system", "scan.started", "scan:" + scanId, Map.of("node", nodeName));
        } else {
            // RUNNING: an earlier run of this job died (or this is a repeat): start again from a clean slate
            tx.executeWithoutResult(s -> jobs.resetPartialResults(job.orgId(), scanId));
            log.info("scan {} restarted on {} after an interrupted run", scanId, nodeName);
        }
        jobs.countAttempt(scanId);
        Scan started = scans.findById(job.orgId(), scanId).orElseThrow();
        Instant deadline = (started.startedAt() == null ? Instant.now() : started.startedAt()).plus(properties.timeLimit());
        if (!clock.instant().isBefore(deadline)) {
            // a revived run of a scan that started longer ago than the limit: no new attempt
            failOverTime(job);
            cleanUpIfFinal(job);
            return Outcome.DONE;
        }
        try {
            execute(job, deadline);
        } catch (NodeStopping e) {
            // still RUNNING: another node (or this one after its restart) runs it again from a clean slate
            log.info("scan {} handed back to the queue: {} is stopping", scanId, nodeName);
            return Outcome.DEFERRED;
        } catch (RuntimeException | Error e) {
            log.warn("scan {} failed: {}", scanId, e.toString());
            scans.fail(job.orgId(), scanId, "the scan failed: " + describe(e));
        } finally {
            cleanUpIfFinal(job);
        }
        return Outcome.DONE;
    }

    private String whyWait(ScanJob job, Scan scan) {
        Duration queuedFor = scan.createdAt() == null ? Duration.ZERO : Duration.between(scan.createdAt(), clock.instant());
        String shortage = capacity.shortage(queuedFor);
        if (shortage != null) {
            return shortage;
        }
        if (job.ownerId() != null && jobs.runningByOwner(job.ownerId()) >= properties.maxRunningPerUser()) {
            return "the user already runs " + properties.maxRunningPerUser() + " scans";
        }
        if (jobs.runningByOrg(job.orgId()) >= properties.runningLimitOf(job.orgId())) {
            return "the organisation already runs " + properties.runningLimitOf(job.orgId()) + " scans";
        }
        return null;
    }

    private void execute(ScanJob job, Instant deadline) {
        Path workDir = null;
        try {
            Progress progress = new Progress(testHook);
            ScanControl control = new ScanControl();
            Callable<Result> work;
            switch (job.source()) {
                case UPLOAD -> {
                    UploadStore.Prepared upload = uploads.open(job.scanId());
                    if (upload.temporary()) {
                        workDir = upload.dir(); // a private copy from the database; the shared one goes in cleanUp
                    }
                    Path dir = upload.dir();
                    work = () -> Result.of(engine.scan(request(dir), progress, control));
                }
                case PATH -> work = () -> Result.of(engine.scan(request(Path.of(job.path())), progress, control));
                case DATABASE -> work = () -> scanDatabase(job, progress, control);
                default -> throw new IllegalStateException("unknown source " + job.source());
            }
            Stop stop = supervise(job, work, progress, control, deadline);
            if (stop.result == null) {
                if (stop.reason == StopReason.TIME_LIMIT) {
                    failOverTime(job);
                }
                return; // cancelled: the row already says so; nothing of this run is stored
            }
            // ui: the last progress tick can predate the end of the scan; keep the final totals for the finished page
            scans.updateProgress(job.orgId(), job.scanId(), progress.snapshot());
            try (Result result = stop.result) {
                store(job, result);
            }
        } catch (IOException e) {
            scans.fail(job.orgId(), job.scanId(), "the upload could not be prepared: " + e.getMessage());
        } finally {
            if (workDir != null) {
                FileSystemUtils.deleteRecursively(workDir.toFile());
            }
        }
    }

    private void failOverTime(ScanJob job) {
        log.info("scan {} failed on {}: over its time limit of {}", job.scanId(), nodeName, properties.timeLimit());
        scans.fail(job.orgId(), job.scanId(), timeLimitMessage(properties.timeLimit()));
    }

    /** The reason a scan over its limit fails with ("... of 60 minutes"; under a minute in seconds). */
    static String timeLimitMessage(Duration limit) {
        long minutes = limit.toMinutes();
        return "the scan exceeded its time limit of "
                + (minutes > 0 && limit.equals(Duration.ofMinutes(minutes)) ? minutes + " minutes" : limit.toSeconds() + " seconds");
    }

    private ScanRequest request(Path root) {
        return ScanRequest.builder(DetectionSettings.withKey(secret.fingerprintKey()))
                .root(root).threads(properties.threadsPerScan())
                .aggregateColumns(true) // the server shows CSV/JSON columns aggregated (the CLI does not by default)
                .build();
    }

    private Result scanDatabase(ScanJob job, Progress progress, ScanControl control) throws DatabaseScanException {
        DatabaseTarget target = new DatabaseTarget(job.dbUrl(), job.dbUser(), cipher.decrypt(job.dbPasswordEncrypted()));
        progress.current = target.displayUrl();
        List<Finding> found = Collections.synchronizedList(new ArrayList<>());
        List<FileError> errors = Collections.synchronizedList(new ArrayList<>());
        FindingSink sink = new FindingSink() {
            @Override
            public void finding(Finding f) {
                found.add(f);
                progress.findings.incrementAndGet();
            }

            @Override
            public void error(FileError e) {
                errors.add(e);
            }
        };
        ScanMode mode = job.dbMode() == null ? ScanMode.SMART : ScanMode.parse(job.dbMode());
        // cancelled (or past the time limit) mid-table: the scanner stops at the next row or cancels its statement
        DatabaseScanSummary summary = new DatabaseScanner(DatabaseScanOptions.of(mode)).scan(target,
                Catalogue.standard().newScanner(DetectionSettings.withKey(secret.fingerprintKey())), sink, control);
        List<Finding> copy;
        synchronized (found) {
            copy = new ArrayList<>(found);
        }
        return new Result(copy, copy.size(), List.copyOf(errors), ScoreCalculator.score(copy), summary.cancelled(), null);
    }

    private Stop supervise(ScanJob job, Callable<Result> work, Progress progress, ScanControl control, Instant deadline) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dataguardian-scan-job-" + job.scanId());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Result> future = thread.submit(work);
            StopReason reason = null;
            while (true) {
                try {
                    Result result = future.get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    if (reason != null || result.cancelled()) {
                        result.close(); // nothing of it is kept; spilled findings go
                        return new Stop(null, reason == null ? StopReason.CANCELLED : reason);
                    }
                    return new Stop(result, null);
                } catch (TimeoutException still) {
                    if (reason != null) {
                        continue; // waiting for the engine to notice
                    }
                    if (!scans.updateProgress(job.orgId(), job.scanId(), progress.snapshot())) {
                        reason = StopReason.CANCELLED; // no longer RUNNING: cancelled (or failed) elsewhere
                        control.cancel();
                        future.cancel(true);
                    } else if (!clock.instant().isBefore(deadline)) {
                        reason = StopReason.TIME_LIMIT;
                        control.cancel();
                        future.cancel(true);
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    return new Stop(null, reason == null ? StopReason.CANCELLED : reason);
                } catch (ExecutionException e) {
                    if (reason != null) {
                        return new Stop(null, reason);
                    }
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(describe(cause), cause);
                } catch (InterruptedException e) {
                    // the scheduler is shutting down: stop here and hand the scan back to the queue
                    control.cancel();
                    future.cancel(true);
                    throw new NodeStopping();
                }
            }
        } finally {
            thread.shutdownNow();
        }
    }

    /** Findings, file errors and the final row in one transaction: all of them or none. */
    private void store(ScanJob job, Result result) {
        long orgId = job.orgId();
        long scanId = job.scanId();
        Boolean completed = tx.execute(status -> {
            // streamed from the engine's finding store (spilled to disk past its bound), a batch at a time
            List<Finding> batch = new ArrayList<>(INSERT_BATCH);
            for (Finding f : result.findings()) {
                batch.add(f);
                if (batch.size() == INSERT_BATCH) {
                    findings.insertAll(orgId, scanId, List.copyOf(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                findings.insertAll(orgId, scanId, List.copyOf(batch));
            }
            fileErrors.insertAll(orgId, scanId, result.errors());
            Scores s = result.scores();
            boolean ok = scans.complete(orgId, scanId, new Scan.SeverityCounts(s.count(Severity.CRITICAL),
                            s.count(Severity.HIGH), s.count(Severity.MEDIUM), s.count(Severity.LOW)),
                    result.errors().size(), s.riskScore(), s.complianceScore());
            if (!ok) {
                status.setRollbackOnly(); // cancelled at the last moment: keep nothing
            }
            return ok;
        });
        if (Boolean.TRUE.equals(completed)) {
            log.info("scan {} completed on {}: {} findings, {} file errors", scanId, nodeName,
                    result.findingCount(), result.errors().size());
        }
    }

    private void cleanUpIfFinal(ScanJob job) {
        scans.findById(job.orgId(), job.scanId()).ifPresent(s -> {
            if (s.status().isFinal()) {
                cleanUp(job);
            }
        });
    }

    /** The scan has ended, whatever the outcome: its upload and any credential go. */
    private void cleanUp(ScanJob job) {
        uploads.delete(job.scanId());
        if (job.dbPasswordEncrypted() != null) {
            jobs.forgetCredential(job.scanId());
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return io.dataguardian.engine.db.JdbcUrls.redact(text);
    }

    private enum StopReason { CANCELLED, TIME_LIMIT }

    /** This node is shutting down mid-scan. */
    private static final class NodeStopping extends RuntimeException {
        NodeStopping() {
            super("node stopping", null, false, false);
        }
    }

    private record Stop(Result result, StopReason reason) {
    }

    /** What a run produced, whatever the source; closing it deletes findings the engine spilled to disk. */
    record Result(Iterable<Finding> findings, long findingCount, List<FileError> errors, Scores scores,
                  boolean cancelled, AutoCloseable resource) implements AutoCloseable {
        static Result of(ScanResult r) {
            return new Result(r.sortedFindings(), r.findingCount(), r.errors(), r.scores(), r.stats().cancelled(), r);
        }

        @Override
        public void close() {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    log.warn("the spilled findings of a scan could not be deleted: {}", e.toString());
                }
            }
        }
    }

    /** The engine's progress calls, counted for the supervising thread. */
    static final class Progress implements ScanListener {
        final AtomicLong filesTotal = new AtomicLong();
        final AtomicLong bytesTotal = new AtomicLong();
        final AtomicLong filesDone = new AtomicLong();
        final AtomicLong bytesDone = new AtomicLong();
        final AtomicLong findings = new AtomicLong();
        volatile String current;
        private final ScanListener hook;

        Progress(ScanListener hook) {
            this.hook = hook;
        }

        @Override
        public void enumerated(long files, long bytes) {
            filesTotal.set(files);
            bytesTotal.set(bytes);
            hook.enumerated(files, bytes);
        }

        @Override
        public void fileStarted(String path) {
            current = path;
            hook.fileStarted(path);
        }

        @Override
        public void bytesRead(long bytes) {
            bytesDone.addAndGet(bytes);
        }

        @Override
        public void fileFinished(String path, long bytes, int found) {
            filesDone.incrementAndGet();
            findings.addAndGet(found);
            hook.fileFinished(path, bytes, found);
        }

        Scan.Progress snapshot() {
            return new Scan.Progress(filesDone.get(), filesTotal.get(), bytesDone.get(), bytesTotal.get(),
                    findings.get(), current);
        }
    }
}
