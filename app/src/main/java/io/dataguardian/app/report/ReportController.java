package io.dataguardian.app.report;

import io.dataguardian.app.audit.AuditLogRepository;
import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.app.finding.FindingPage;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.finding.StoredFinding;
import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import io.dataguardian.app.scan.FileErrorRepository;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanFileError;
import io.dataguardian.app.scan.ScanService;
import io.dataguardian.app.scan.ScanStatus;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.report.ReportFormat;
import io.dataguardian.engine.report.Reports;
import io.dataguardian.engine.report.ScanReport;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.ScanStats;
import io.dataguardian.engine.score.ScoreCalculator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/scans/{id}/report.{json|sarif|csv|html|pdf}}: a completed scan's report, written by the engine's
 * writers from the stored (masked) findings, so it matches what the CLI would have written. Each download is
 * in the audit log. HTML, PDF, CSV and the JSON's labels are in the request's language (the user's choice, then
 * Accept-Language, see {@code ui.LocaleConfiguration}); SARIF and the JSON's fields and values are the same in every
 * language.
 */
@RestController
public class ReportController {

    private static final int PAGE = 500;

    private final ApiUsers users;
    private final ScanService scans;
    private final FindingRepository findings;
    private final FileErrorRepository fileErrors;
    private final AuditLogRepository audit;
    private final org.springframework.beans.factory.ObjectProvider<io.dataguardian.app.monitor.Profiler> profiler;

    public ReportController(ApiUsers users, ScanService scans, FindingRepository findings,
                            FileErrorRepository fileErrors, AuditLogRepository audit,
                            org.springframework.beans.factory.ObjectProvider<io.dataguardian.app.monitor.Profiler> profiler) {
        this.users = users;
        this.scans = scans;
        this.findings = findings;
        this.fileErrors = fileErrors;
        this.audit = audit;
        this.profiler = profiler;
    }

    @GetMapping("/api/scans/{id}/report.{format}")
    ResponseEntity<StreamingResponseBody> report(@PathVariable long id, @PathVariable String format, Locale locale) {
        ApiUser user = users.current();
        Scan scan = scans.get(user, id);
        ReportFormat f;
        try {
            f = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown report format '" + format + "' (json, sarif, csv, html, pdf)");
        }
        if (f == ReportFormat.TEXT) {
            throw ApiException.badRequest("unknown report format 'text' (json, sarif, csv, html, pdf)");
        }
        if (scan.status() != ScanStatus.COMPLETED) {
            throw new ApiException(HttpStatus.CONFLICT, "the scan is " + scan.status() + "; reports exist for completed scans");
        }
        ScanReport report = new ScanReport(result(user.orgId(), scan), "server", Catalogue.standard().detectors());
        audit.append(user.orgId(), user.userId(), user.username(), "report.downloaded", "scan:" + id,
                Map.of("format", f.id(), "findings", report.result().findings().size()));
        StreamingResponseBody body = out -> {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            // monitor (issue 8): report generation timed as report.<format>
            io.dataguardian.app.monitor.Profiler p = profiler.getIfAvailable();
            io.dataguardian.app.monitor.Profiler.Call call = p == null || !p.isEnabled("report") ? null : p.start("report", f.id());
            try {
                Reports.writer(f, locale).write(report, buffered);
                buffered.flush();
            } catch (IOException | RuntimeException | Error e) {
                if (call != null) {
                    call.failure(e);
                }
                throw e;
            }
            if (call != null) {
                call.success();
            }
        };
        String file = "dataguardian-scan-" + id + "." + f.id();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()
                        + (f == ReportFormat.SARIF || f == ReportFormat.PDF ? "" : ";charset=UTF-8")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, f == ReportFormat.SARIF ? "en"
                        : io.dataguardian.engine.report.ReportTexts.of(locale).locale().toLanguageTag())
                .body(body);
    }

    /** The engine's result rebuilt from the stored rows (findings in the engine's order). */
    private ScanResult result(long orgId, Scan scan) {
        List<Finding> all = new ArrayList<>();
        Long after = null;
        do {
            FindingPage page = findings.page(orgId, scan.id(), FindingFilter.ALL, after, PAGE);
            for (StoredFinding s : page.items()) {
                all.add(s.finding());
            }
            after = page.next();
        } while (after != null);
        all.sort(ScanResult.ORDER);
        List<FileError> errors = new ArrayList<>();
        Long afterError = null;
        do {
            var page = fileErrors.page(orgId, scan.id(), afterError, PAGE);
            for (ScanFileError e : page.items()) {
                errors.add(e.error());
            }
            afterError = page.next();
        } while (afterError != null);
        Instant started = scan.startedAt() == null ? scan.createdAt() : scan.startedAt();
        long filesWithErrors = errors.stream().map(FileError::path).distinct().count();
        ScanStats stats = new ScanStats(started, Duration.ofMillis(scan.durationMs() == null ? 0 : scan.durationMs()),
                scan.progress().filesDone(), 0, Map.of(), filesWithErrors, scan.progress().bytesDone(), all.size(), false);
        return new ScanResult(Path.of("."), all, errors, stats, ScoreCalculator.score(all));
    }
}
