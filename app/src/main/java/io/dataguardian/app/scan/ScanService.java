package io.dataguardian.app.scan;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.dataguardian.app.audit.AuditLogRepository;
import io.dataguardian.app.job.CredentialCipher;
import io.dataguardian.app.job.ScanJob;
import io.dataguardian.app.job.ScanJobProperties;
import io.dataguardian.app.job.ScanJobStore;
import io.dataguardian.app.job.ScanJobTask;
import io.dataguardian.app.job.UploadStore;
import io.dataguardian.engine.db.JdbcUrls;
import io.dataguardian.engine.db.ScanMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Submitting, reading and cancelling scans for the API: checks the role and the queue limit, creates the QUEUED
 * scan with its job (and upload), hands it to db-scheduler, and writes the audit log.
 */
@Service
public class ScanService {

    static final long RETRY_AFTER_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(ScanService.class);
    private static final List<String> ARCHIVE_SUFFIXES = List.of(".zip", ".jar", ".tar", ".tar.gz", ".tgz", ".gz");

    private final ScanRepository scans;
    private final ScanJobStore jobs;
    private final UploadStore uploads;
    private final CredentialCipher cipher;
    private final ScanJobProperties properties;
    private final ScanJobTask task;
    private final SchedulerClient scheduler;
    private final AuditLogRepository audit;

    public ScanService(ScanRepository scans, ScanJobStore jobs, UploadStore uploads, CredentialCipher cipher,
                       ScanJobProperties properties, ScanJobTask task, SchedulerClient scheduler,
                       AuditLogRepository audit) {
        this.scans = scans;
        this.jobs = jobs;
        this.uploads = uploads;
        this.cipher = cipher;
        this.properties = properties;
        this.task = task;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    public Scan submitUpload(ApiUser user, List<MultipartFile> files) {
        user.requireSubmit();
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.isEmpty()) {
            throw ApiException.badRequest("upload at least one non-empty file (multipart field 'files')");
        }
        checkQueue(user);
        boolean archive = given.size() == 1 && isArchive(given.get(0).getOriginalFilename());
        String target = "upload:" + String.join(", ", given.stream().map(f -> UploadNames.display(f.getOriginalFilename())).toList());
        Scan scan = scans.create(user.orgId(), user.userId(), archive ? ScanType.ARCHIVE : ScanType.FILES, target);
        jobs.insert(new ScanJob(scan.id(), user.orgId(), user.userId(), ScanJob.Source.UPLOAD, null, null, null, null,
                null, 0));
        long bytes = 0;
        try {
            int n = 0;
            for (MultipartFile f : given) {
                try (InputStream in = f.getInputStream()) {
                    bytes += uploads.store(scan.id(), n++, UploadNames.display(f.getOriginalFilename()), in);
                }
            }
        } catch (IOException | RuntimeException e) {
            uploads.delete(scan.id());
            scans.fail(user.orgId(), scan.id(), "the upload could not be stored: " + e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the upload could not be stored; try again");
        }
        return enqueue(user, scan, Map.of("files", given.size(), "bytes", bytes));
    }

    public Scan submit(ApiUser user, ScanSubmission submission) {
        user.requireSubmit();
        if (submission == null || submission.type() == null) {
            throw ApiException.badRequest("give a type: PATH or DATABASE (uploads are multipart/form-data)");
        }
        return switch (submission.type().trim().toUpperCase(Locale.ROOT)) {
            case "PATH" -> submitPath(user, submission.path());
            case "DATABASE" -> submitDatabase(user, submission);
            default -> throw ApiException.badRequest("unknown type '" + submission.type() + "': PATH or DATABASE");
        };
    }

    private Scan submitPath(ApiUser user, String path) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("only an administrator may scan a server path");
        }
        if (path == null || path.isBlank()) {
            throw ApiException.badRequest("give the path to scan");
        }
        Path real = allowedPath(path);
        checkQueue(user);
        Scan scan = scans.create(user.orgId(), user.userId(), ScanType.FILES, "path:" + real);
        jobs.insert(new ScanJob(scan.id(), user.orgId(), user.userId(), ScanJob.Source.PATH, real.toString(), null,
                null, null, null, 0));
        return enqueue(user, scan, Map.of());
    }

    Path allowedPath(String path) {
        if (properties.allowedRoots().isEmpty()) {
            throw ApiException.forbidden("path scans are off: no dataguardian.scan.allowed-roots configured");
        }
        Path real;
        try {
            real = Path.of(path).toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw ApiException.badRequest("no such file or directory: " + path);
        }
        for (Path root : properties.allowedRoots()) {
            try {
                if (real.startsWith(root.toRealPath())) {
                    return real;
                }
            } catch (IOException e) {
                // a configured root that does not exist allows nothing
            }
        }
        throw ApiException.forbidden("the path is outside the allowed roots (dataguardian.scan.allowed-roots)");
    }

    private Scan submitDatabase(ApiUser user, ScanSubmission s) {
        if (s.url() == null || !s.url().startsWith("jdbc:")) {
            throw ApiException.badRequest("give a JDBC URL (jdbc:postgresql://host/db, ...)");
        }
        if (!JdbcUrls.redact(s.url()).equals(s.url())) {
            throw ApiException.badRequest("do not put the password in the URL: use the password field");
        }
        String mode;
        try {
            mode = s.mode() == null || s.mode().isBlank() ? ScanMode.SMART.name() : ScanMode.parse(s.mode()).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        checkQueue(user);
        Scan scan = scans.create(user.orgId(), user.userId(), ScanType.DATABASE, JdbcUrls.redact(s.url()));
        jobs.insert(new ScanJob(scan.id(), user.orgId(), user.userId(), ScanJob.Source.DATABASE, null, s.url(),
                s.user(), cipher.encrypt(s.password()), mode, 0));
        return enqueue(user, scan, Map.of("mode", mode));
    }

    private void checkQueue(ApiUser user) {
        long active = jobs.activeByOwner(user.userId());
        if (active >= properties.maxQueuedPerUser()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "you already have " + active
                    + " scans queued or running (limit " + properties.maxQueuedPerUser() + "); try again later",
                    RETRY_AFTER_SECONDS);
        }
    }

    private Scan enqueue(ApiUser user, Scan scan, Map<String, Object> extra) {
        scheduler.schedule(task.instance(scan.id()), Instant.now());
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("type", scan.type().name());
        details.put("target", scan.target());
        audit.append(user.orgId(), user.userId(), user.username(), "scan.created", "scan:" + scan.id(), details);
        return scan;
    }

    public Scan get(ApiUser user, long scanId) {
        return scans.findById(user.orgId(), scanId).orElseThrow(() -> ApiException.notFound("scan", scanId));
    }

    public ScanView view(Scan scan) {
        Long position = scan.status() == ScanStatus.QUEUED ? jobs.queuePosition(scan.createdAt(), scan.id()) : null;
        return ScanView.of(scan, position, Instant.now());
    }

    public Scan cancel(ApiUser user, long scanId) {
        user.requireSubmit();
        Scan scan = get(user, scanId);
        if (scan.status().isFinal()) {
            throw new ApiException(HttpStatus.CONFLICT, "the scan has already ended (" + scan.status() + ")");
        }
        if (!scans.cancel(user.orgId(), scanId)) {
            throw new ApiException(HttpStatus.CONFLICT, "the scan ended meanwhile");
        }
        if (scan.status() == ScanStatus.QUEUED) {
            try {
                scheduler.cancel(task.instance(scanId));
            } catch (RuntimeException e) {
                // picked by a node right now: that node sees CANCELLED and cleans up
                log.debug("scan {}: execution not cancelled ({})", scanId, e.toString());
            }
            uploads.delete(scanId);
        }
        audit.append(user.orgId(), user.userId(), user.username(), "scan.cancelled", "scan:" + scanId,
                Map.of("was", scan.status().name()));
        return get(user, scanId);
    }

    static boolean isArchive(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return ARCHIVE_SUFFIXES.stream().anyMatch(n::endsWith);
    }

    /** File names as shown in targets and stored with the upload. */
    static final class UploadNames {
        private UploadNames() {
        }

        static String display(String original) {
            String name = original == null ? "" : original.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "_");
            return name.isBlank() ? "upload" : (name.length() > 200 ? name.substring(0, 200) : name);
        }
    }
}
