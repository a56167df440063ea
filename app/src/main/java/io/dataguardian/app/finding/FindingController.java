package io.dataguardian.app.finding;

import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import io.dataguardian.app.scan.ScanService;
import io.dataguardian.engine.Severity;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A scan's findings, a keyset page at a time: {@code ?severity=CRITICAL,HIGH&type=EMAIL&path=docs/&after=&limit=}. */
@RestController
public class FindingController {

    private final ApiUsers users;
    private final ScanService scans;
    private final FindingRepository findings;

    public FindingController(ApiUsers users, ScanService scans, FindingRepository findings) {
        this.users = users;
        this.scans = scans;
        this.findings = findings;
    }

    @GetMapping("/api/scans/{id}/findings")
    Map<String, Object> page(@PathVariable long id, @RequestParam(required = false) String severity,
                             @RequestParam(required = false) String type, @RequestParam(required = false) String path,
                             @RequestParam(required = false) Long after, @RequestParam(defaultValue = "100") int limit) {
        ApiUser user = users.current();
        scans.get(user, id); // 404 for another organisation's scan
        FindingPage page = findings.page(user.orgId(), id, new FindingFilter(severities(severity), type, path), after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(FindingView::of).toList());
        body.put("next", page.next());
        return body;
    }

    static Set<Severity> severities(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<Severity> set = EnumSet.noneOf(Severity.class);
        for (String s : text.split(",")) {
            try {
                set.add(Severity.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown severity '" + s.trim() + "' (CRITICAL, HIGH, MEDIUM, LOW)");
            }
        }
        return set;
    }
}
