package io.dataguardian.app.ui;

import io.dataguardian.app.db.Page;
import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.app.finding.FindingPage;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.finding.FindingView;
import io.dataguardian.app.job.ScanJobProperties;
import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import io.dataguardian.app.scan.FileErrorRepository;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanFileError;
import io.dataguardian.app.scan.ScanFilter;
import io.dataguardian.app.scan.ScanPage;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanService;
import io.dataguardian.app.scan.ScanStatus;
import io.dataguardian.app.scan.ScanSubmission;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.app.scan.ScanView;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.report.ReportFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scan pages: list with filters and keyset "next page" links, the new-scan forms (upload, server path for
 * administrators, database), and a scan's page (live progress, findings with filters, per-file errors, reports).
 * Everything goes through the same services as the REST API, so roles, tenancy, limits and audit are the same.
 */
@Controller
class ScanPagesController {

    static final int SCANS_PER_PAGE = 25;
    static final int FINDINGS_PER_PAGE = 50;
    /** Report formats the engine writes from stored findings (ReportFormat minus TEXT), PDF included. */
    static final List<String> REPORT_FORMATS = Arrays.stream(ReportFormat.values()).filter(f -> f != ReportFormat.TEXT)
            .map(f -> f.name().toLowerCase(Locale.ROOT)).toList();

    private final ApiUsers users;
    private final ScanService service;
    private final ScanRepository scans;
    private final FindingRepository findings;
    private final FileErrorRepository fileErrors;
    private final ScanJobProperties properties;
    private final DetectorTexts detectors;

    ScanPagesController(ApiUsers users, ScanService service, ScanRepository scans, FindingRepository findings,
                        FileErrorRepository fileErrors, ScanJobProperties properties, DetectorTexts detectors) {
        this.users = users;
        this.service = service;
        this.scans = scans;
        this.findings = findings;
        this.fileErrors = fileErrors;
        this.properties = properties;
        this.detectors = detectors;
    }

    @GetMapping("/scans")
    String list(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String after, Model model) {
        ApiUser user = users.current();
        ScanType t = parse(ScanType.class, type);
        ScanStatus s = parse(ScanStatus.class, status);
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        ScanFilter filter = new ScanFilter(t, s, fromDate == null ? null : fromDate.atStartOfDay().toInstant(ZoneOffset.UTC),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        ScanPage page = scans.list(user.orgId(), filter, Cursors.scan(after), SCANS_PER_PAGE);
        model.addAttribute("scans", page.items().stream().map(service::view).toList());
        model.addAttribute("next", page.next() == null ? null : Cursors.encode(page.next().createdAt(), page.next().id()));
        model.addAttribute("types", ScanType.values());
        model.addAttribute("statuses", ScanStatus.values());
        model.addAttribute("type", t == null ? "" : t.name());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("from", fromDate == null ? "" : fromDate.toString());
        model.addAttribute("to", toDate == null ? "" : toDate.toString());
        model.addAttribute("firstPage", after == null || after.isBlank());
        return "scans/list";
    }

    @GetMapping("/scans/new")
    String newScan(Model model) {
        ApiUser user = users.current();
        formModel(model, user);
        return "scans/new";
    }

    private void formModel(Model model, ApiUser user) {
        model.addAttribute("maxUploadMb", properties.maxUploadSize().toMegabytes());
        model.addAttribute("canSubmit", user.canSubmit());
        model.addAttribute("pathScans", user.isAdmin());
        model.addAttribute("allowedRoots", user.isAdmin() ? properties.allowedRoots().stream().map(Object::toString).toList()
                : List.of());
        model.addAttribute("modes", List.of("fast", "smart", "deep"));
        if (!model.containsAttribute("db")) {
            model.addAttribute("db", new DatabaseForm("", "", "smart"));
        }
    }

    /** What the database form shows again after a refusal: never the password. */
    record DatabaseForm(String url, String user, String mode) {
    }

    @PostMapping("/scans/new/upload")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        ApiUser user = users.current();
        try {
            return "redirect:/scans/" + service.submitUpload(user, files).id();
        } catch (ApiException e) {
            return refusedForm(model, user, "upload", e);
        }
    }

    @PostMapping("/scans/new/path")
    String path(@RequestParam(required = false) String path, Model model) {
        ApiUser user = users.current();
        try {
            return "redirect:/scans/" + service.submit(user, new ScanSubmission("PATH", path, null, null, null, null)).id();
        } catch (ApiException e) {
            model.addAttribute("pathValue", path);
            return refusedForm(model, user, "path", e);
        }
    }

    @PostMapping("/scans/new/database")
    String database(@RequestParam(required = false) String url, @RequestParam(required = false) String dbUser,
                    @RequestParam(required = false) String password, @RequestParam(required = false) String mode,
                    Model model) {
        ApiUser user = users.current();
        try {
            return "redirect:/scans/" + service.submit(user, new ScanSubmission("DATABASE", null, url, dbUser, password, mode)).id();
        } catch (ApiException e) {
            // the URL is shown again only in its redacted form, the password never
            String shown = url == null ? "" : io.dataguardian.engine.db.JdbcUrls.redact(url);
            model.addAttribute("db", new DatabaseForm(shown, dbUser == null ? "" : dbUser, mode == null ? "smart" : mode));
            return refusedForm(model, user, "database", e);
        }
    }

    private String refusedForm(Model model, ApiUser user, String form, ApiException e) {
        if (e.status().value() >= 500) {
            throw e;
        }
        model.addAttribute("formError", e.getMessage());
        model.addAttribute("errorForm", form);
        formModel(model, user);
        return "scans/new";
    }

    @PostMapping("/scans/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            service.cancel(users.current(), id);
        } catch (ApiException e) {
            if (e.status().value() != 409) {
                throw e;
            }
        }
        return "redirect:/scans/" + id;
    }

    /** A finding as the page lists it: the stored (masked) view plus the detector's texts in the page's language. */
    record FindingRow(FindingView view, String name, String description) {
    }

    @GetMapping("/scans/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String severity,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String location,
                  @RequestParam(required = false) Long after, Model model, Locale locale) {
        ApiUser user = users.current();
        Scan scan = service.get(user, id);
        ScanView view = service.view(scan);
        model.addAttribute("scan", view);
        model.addAttribute("canCancel", user.canSubmit() && !scan.status().isFinal());
        model.addAttribute("finished", scan.status().isFinal());
        model.addAttribute("completed", scan.status() == ScanStatus.COMPLETED);
        Severity sev = parse(Severity.class, severity);
        String entityType = blankToNull(type);
        String pathPrefix = blankToNull(location);
        model.addAttribute("severity", sev == null ? "" : sev.name());
        model.addAttribute("type", entityType == null ? "" : entityType);
        model.addAttribute("location", pathPrefix == null ? "" : pathPrefix);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("reportFormats", REPORT_FORMATS);
        if (scan.status().isFinal()) {
            FindingPage page = findings.page(user.orgId(), id,
                    new FindingFilter(sev == null ? Set.of() : Set.of(sev), entityType, pathPrefix), after, FINDINGS_PER_PAGE);
            List<FindingRow> rows = new ArrayList<>();
            for (var stored : page.items()) {
                FindingView f = FindingView.of(stored);
                rows.add(new FindingRow(f, detectors.name(f.detectorId(), locale), detectors.description(f.detectorId(), locale)));
            }
            model.addAttribute("findings", rows);
            model.addAttribute("nextFindings", page.next());
            model.addAttribute("entityTypes", findings.countBySeverityAndType(user.orgId(), id).stream()
                    .map(c -> c.entityType()).distinct().sorted().toList());
            Page<ScanFileError, Long> errors = fileErrors.page(user.orgId(), id, null, 100);
            model.addAttribute("fileErrors", errors.items());
            model.addAttribute("moreFileErrors", errors.next() != null);
        }
        return "scans/detail";
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // a hand-edited filter is ignored, not an error page
        }
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
