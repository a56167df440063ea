package io.dataguardian.app.scan;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.dataguardian.app.audit.AuditLogRepository;
import io.dataguardian.app.job.CredentialCipher;
import io.dataguardian.app.job.ScanJob;
import io.dataguardian.app.job.ScanJobProperties;
import io.dataguardian.app.job.ScanJobStore;
import io.dataguardian.app.job.ScanJobTask;
import io.dataguardian.engine.db.JdbcUrls;
import io.dataguardian.engine.db.ScanMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * Scheduled rescans (cron-like, per target). A schedule names a server path (administrators) or a database, and a
 * Spring cron expression (six fields, {@code second minute hour day month weekday}, or {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly}) in a time zone. The recurring db-scheduler task
 * {@code scan-schedules} calls {@link #fireDue()} on one node at a time; each due schedule is moved on to its next
 * run first (a conditional update, so it fires once even when two nodes look at once) and then submits an ordinary
 * scan job with the schedule's owner as the scan's owner, so the limits, the queue, the comparison with the
 * previous scan of the same target and the audit log all apply as for a scan submitted by hand. A run is skipped,
 * with the reason kept in {@code lastOutcome}, while the previous scan of the schedule is still queued or running,
 * when the owner's queue is full, or when the path is no longer inside an allowed root.
 */
@Service
public class ScanSchedules {

    /** Two consecutive runs must be at least this far apart. */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_PER_ORG = 100;
    private static final Logger log = LoggerFactory.getLogger(ScanSchedules.class);

    private final ScanScheduleRepository schedules;
    private final ScanRepository scans;
    private final ScanService service;
    private final ScanJobStore jobs;
    private final CredentialCipher cipher;
    private final ScanJobProperties properties;
    private final ScanJobTask task;
    private final SchedulerClient scheduler;
    private final AuditLogRepository audit;

    public ScanSchedules(ScanScheduleRepository schedules, ScanRepository scans, ScanService service, ScanJobStore jobs,
                         CredentialCipher cipher, ScanJobProperties properties, ScanJobTask task,
                         SchedulerClient scheduler, AuditLogRepository audit) {
        this.schedules = schedules;
        this.scans = scans;
        this.service = service;
        this.jobs = jobs;
        this.cipher = cipher;
        this.properties = properties;
        this.task = task;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    /** What a client sends to create a schedule (the password is write-only). */
    public record Request(String type, String path, String url, String user, String password, String mode,
                          String cron, String zone) {
    }

    public ScanSchedule create(ApiUser user, Request r) {
        user.requireSubmit();
        if (r == null || r.type() == null) {
            throw ApiException.badRequest("give a type: PATH or DATABASE (an upload cannot be scanned again)");
        }
        ZoneId zone = zone(r.zone());
        CronExpression cron = cron(r.cron());
        Instant now = Instant.now();
        Instant next = next(cron, zone, now);
        if (schedules.list(user.orgId()).size() >= MAX_PER_ORG) {
            throw new ApiException(HttpStatus.CONFLICT, "the organisation already has " + MAX_PER_ORG + " schedules");
        }
        long id;
        switch (r.type().trim().toUpperCase(Locale.ROOT)) {
            case "PATH" -> {
                if (!user.isAdmin()) {
                    throw ApiException.forbidden("only an administrator may scan a server path");
                }
                if (r.path() == null || r.path().isBlank()) {
                    throw ApiException.badRequest("give the path to scan");
                }
                Path real = service.allowedPath(r.path());
                id = schedules.insert(user.orgId(), user.userId(), ScanSchedule.Source.PATH, real.toString(), null, null,
                        null, null, "path:" + real, r.cron().trim(), zone.getId(), next, now);
            }
            case "DATABASE" -> {
                if (r.url() == null || !r.url().startsWith("jdbc:")) {
                    throw ApiException.badRequest("give a JDBC URL (jdbc:postgresql://host/db, ...)");
                }
                if (!JdbcUrls.redact(r.url()).equals(r.url())) {
                    throw ApiException.badRequest("do not put the password in the URL: use the password field");
                }
                String mode;
                try {
                    mode = r.mode() == null || r.mode().isBlank() ? ScanMode.SMART.name() : ScanMode.parse(r.mode()).name();
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(e.getMessage());
                }
                id = schedules.insert(user.orgId(), user.userId(), ScanSchedule.Source.DATABASE, null, r.url(), r.user(),
                        cipher.encrypt(r.password()), mode, JdbcUrls.redact(r.url()), r.cron().trim(), zone.getId(),
                        next, now);
            }
            default -> throw ApiException.badRequest("unknown type '" + r.type() + "': PATH or DATABASE");
        }
        ScanSchedule created = get(user, id);
        audit.append(user.orgId(), user.userId(), user.username(), "schedule.created", "schedule:" + id,
                Map.of("target", created.target(), "cron", created.cron(), "zone", created.zone()));
        return created;
    }

    public List<ScanSchedule> list(ApiUser user) {
        return schedules.list(user.orgId());
    }

    public ScanSchedule get(ApiUser user, long id) {
        return schedules.find(user.orgId(), id).orElseThrow(() -> ApiException.notFound("schedule", id));
    }

    public void delete(ApiUser user, long id) {
        user.requireSubmit();
        ScanSchedule s = get(user, id);
        requireMayChange(user, s);
        if (schedules.delete(user.orgId(), id)) {
            audit.append(user.orgId(), user.userId(), user.username(), "schedule.deleted", "schedule:" + id,
                    Map.of("target", s.target()));
        }
    }

    public ScanSchedule setEnabled(ApiUser user, long id, boolean enabled) {
        user.requireSubmit();
        ScanSchedule s = get(user, id);
        requireMayChange(user, s);
        // resuming starts from now: runs missed while paused are not caught up
        schedules.setEnabled(user.orgId(), id, enabled, next(cron(s.cron()), ZoneId.of(s.zone()), Instant.now()));
        audit.append(user.orgId(), user.userId(), user.username(), enabled ? "schedule.resumed" : "schedule.paused",
                "schedule:" + id, Map.of("target", s.target()));
        return get(user, id);
    }

    private static void requireMayChange(ApiUser user, ScanSchedule s) {
        if (s.source() == ScanSchedule.Source.PATH && !user.isAdmin()) {
            throw ApiException.forbidden("only an administrator may change a path schedule");
        }
    }

    /**
     * Submits a scan for every schedule whose time has come (at most 100 per call; the rest on the next call).
     * Returns the number of scans submitted. Called by the recurring task; safe on several nodes at once.
     */
    public int fireDue() {
        Instant now = Instant.now();
        int submitted = 0;
        for (ScanSchedule s : schedules.due(now, 100)) {
            Instant next;
            try {
                next = next(cron(s.cron()), ZoneId.of(s.zone()), now);
            } catch (RuntimeException e) {
                next = now.plus(Duration.ofDays(1)); // cannot happen for a stored schedule; never spin on it
            }
            if (!schedules.advance(s, next, now)) {
                continue; // fired by another node
            }
            try {
                long scanId = submit(s);
                schedules.recordRun(s.id(), scanId, "submitted scan " + scanId);
                submitted++;
            } catch (ApiException skipped) {
                schedules.recordRun(s.id(), null, "skipped: " + skipped.getMessage());
                log.info("schedule {} skipped a run: {}", s.id(), skipped.getMessage());
            } catch (RuntimeException e) {
                schedules.recordRun(s.id(), null, "failed to submit: " + e.getClass().getSimpleName());
                log.warn("schedule {} could not submit its scan: {}", s.id(), e.toString());
            }
        }
        return submitted;
    }

    private long submit(ScanSchedule s) {
        if (s.lastScanId() != null) {
            scans.findById(s.orgId(), s.lastScanId()).filter(last -> !last.status().isFinal()).ifPresent(last -> {
                throw new ApiException(HttpStatus.CONFLICT, "the previous scan " + last.id() + " is still "
                        + last.status().name().toLowerCase(Locale.ROOT));
            });
        }
        if (s.ownerId() != null && jobs.activeByOwner(s.ownerId()) >= properties.maxQueuedPerUser()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "the owner's queue is full (limit "
                    + properties.maxQueuedPerUser() + ")");
        }
        String path = null;
        if (s.source() == ScanSchedule.Source.PATH) {
            path = service.allowedPath(s.path()).toString(); // the allowed roots may have changed since
        }
        Scan scan = scans.create(s.orgId(), s.ownerId(), s.scanType(), s.target());
        jobs.insert(new ScanJob(scan.id(), s.orgId(), s.ownerId(),
                s.source() == ScanSchedule.Source.PATH ? ScanJob.Source.PATH : ScanJob.Source.DATABASE,
                path, s.dbUrl(), s.dbUser(), s.dbPasswordEncrypted(), s.dbMode(), 0));
        scheduler.schedule(task.instance(scan.id()), Instant.now());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", scan.type().name());
        details.put("target", scan.target());
        details.put("schedule", s.id());
        audit.append(s.orgId(), s.ownerId(), "schedule", "scan.created", "scan:" + scan.id(), details);
        return scan.id();
    }

    static CronExpression cron(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("give a cron expression: six fields (second minute hour day month weekday),"
                    + " e.g. '0 0 3 * * MON-FRI', or @hourly, @daily, @weekly, @monthly");
        }
        CronExpression cron;
        try {
            cron = CronExpression.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("not a cron expression: " + e.getMessage());
        }
        ZonedDateTime first = cron.next(ZonedDateTime.now(ZoneId.of("UTC")));
        ZonedDateTime second = first == null ? null : cron.next(first);
        if (first == null) {
            throw ApiException.badRequest("the cron expression never fires");
        }
        if (second != null && Duration.between(first, second).compareTo(MIN_INTERVAL) < 0) {
            throw ApiException.badRequest("runs must be at least a minute apart");
        }
        return cron;
    }

    static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("unknown time zone '" + text + "' (e.g. Europe/Amsterdam)");
        }
    }

    static Instant next(CronExpression cron, ZoneId zone, Instant after) {
        ZonedDateTime next = cron.next(after.atZone(zone));
        if (next == null) {
            throw ApiException.badRequest("the cron expression never fires again");
        }
        return next.toInstant();
    }
}
