package io.dataguardian.app.ui;

import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.finding.FindingView;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanFilter;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanService;
import io.dataguardian.app.scan.ScanStatus;
import io.dataguardian.engine.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The home page's content for the signed-in user's organisation: the compliance score of its completed scans
 * over time (oldest first, for the chart), its recent scans, and the critical findings of its latest completed
 * scans (what is still open: a finding stays until a later scan no longer reports it).
 */
@Component
public class HomeModel {

    static final int HISTORY = 100;
    static final int RECENT = 8;
    static final int CRITICAL_SCANS = 3;
    static final int CRITICAL_MAX = 15;

    private final ApiUsers users;
    private final ScanRepository scans;
    private final ScanService service;
    private final FindingRepository findings;
    private final DetectorTexts detectors;

    public HomeModel(ApiUsers users, ScanRepository scans, ScanService service, FindingRepository findings,
                     DetectorTexts detectors) {
        this.users = users;
        this.scans = scans;
        this.service = service;
        this.findings = findings;
        this.detectors = detectors;
    }

    /** A critical finding with its scan and the detector's name in the page's language. */
    public record CriticalFinding(long scanId, FindingView view, String name) {
    }

    public Map<String, Object> attributes(Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        ApiUser user;
        try {
            user = users.current();
        } catch (RuntimeException e) {
            return model; // no organisation: the page says so
        }
        List<Scan> completed = new ArrayList<>(scans.list(user.orgId(), new ScanFilter(null, ScanStatus.COMPLETED, null, null),
                null, HISTORY).items());
        List<Scan> chart = completed.stream().filter(s -> s.complianceScore() != null && s.finishedAt() != null)
                .sorted(java.util.Comparator.comparing(Scan::finishedAt)).toList();
        model.put("scoreTimes", chart.stream().map(s -> Long.toString(s.finishedAt().getEpochSecond()))
                .collect(Collectors.joining(",")));
        model.put("scoreValues", chart.stream().map(s -> String.format(Locale.ROOT, "%.1f", s.complianceScore()))
                .collect(Collectors.joining(",")));
        model.put("latestScore", chart.isEmpty() ? null : chart.get(chart.size() - 1).complianceScore());
        model.put("recentScans", scans.list(user.orgId(), ScanFilter.ALL, null, RECENT).items().stream()
                .map(service::view).toList());
        List<CriticalFinding> critical = new ArrayList<>();
        for (Scan s : completed.stream().limit(CRITICAL_SCANS).toList()) {
            if (s.counts().critical() == 0) {
                continue;
            }
            for (var stored : findings.page(user.orgId(), s.id(), new FindingFilter(Set.of(Severity.CRITICAL), null, null),
                    null, CRITICAL_MAX - critical.size()).items()) {
                FindingView f = FindingView.of(stored);
                critical.add(new CriticalFinding(s.id(), f, detectors.name(f.detectorId(), locale)));
            }
            if (critical.size() >= CRITICAL_MAX) {
                break;
            }
        }
        model.put("criticalFindings", critical);
        model.put("canSubmit", user.canSubmit());
        return model;
    }
}
