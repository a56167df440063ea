package io.dataguardian.app.scan;

import io.dataguardian.app.db.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The scans of the signed-in user's organisation, as JSON (docs/jobs.md lists the endpoints). */
@RestController
@RequestMapping("/api/scans")
public class ScanController {

    private final ApiUsers users;
    private final ScanService service;
    private final ScanRepository scans;
    private final FileErrorRepository fileErrors;
    private final ScanEvents events;
    private final ScanComparison comparison;

    public ScanController(ApiUsers users, ScanService service, ScanRepository scans, FileErrorRepository fileErrors,
                          ScanEvents events, ScanComparison comparison) {
        this.users = users;
        this.service = service;
        this.scans = scans;
        this.fileErrors = fileErrors;
        this.events = events;
        this.comparison = comparison;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ScanView> upload(@RequestPart(name = "files", required = false) List<MultipartFile> files) {
        Scan scan = service.submitUpload(users.current(), files);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.view(scan));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScanView> submit(@RequestBody(required = false) ScanSubmission submission) {
        Scan scan = service.submit(users.current(), submission);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.view(scan));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "50") int limit) {
        ApiUser user = users.current();
        ScanFilter filter = new ScanFilter(parse(ScanType.class, "type", type), parse(ScanStatus.class, "status", status),
                instant("from", from), instant("to", to));
        ScanPage page = scans.list(user.orgId(), filter, decodeCursor(after), Math.max(1, Math.min(limit, 200)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(service::view).toList());
        body.put("next", page.next() == null ? null : encodeCursor(page.next()));
        return body;
    }

    @GetMapping("/{id}")
    ScanView get(@PathVariable long id) {
        return service.view(service.get(users.current(), id));
    }

    @PostMapping("/{id}/cancel")
    ScanView cancel(@PathVariable long id) {
        return service.view(service.cancel(users.current(), id));
    }

    @GetMapping("/{id}/errors")
    Map<String, Object> errors(@PathVariable long id, @RequestParam(required = false) Long after,
                               @RequestParam(defaultValue = "100") int limit) {
        ApiUser user = users.current();
        service.get(user, id);
        Page<ScanFileError, Long> page = fileErrors.page(user.orgId(), id, after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(e -> Map.of("id", e.id(), "path", e.error().path(),
                "kind", e.error().kind(), "message", e.error().message())).toList());
        body.put("next", page.next());
        return body;
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long id) {
        return events.open(service.get(users.current(), id));
    }

    @GetMapping("/{id}/compare")
    ScanComparison.Result compare(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
        return comparison.compare(service.get(users.current(), id), Math.min(limit, 200));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown " + name + " '" + value + "'");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
    }

    static String encodeCursor(Scan.Cursor c) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((c.createdAt() + "|" + c.id()).getBytes(StandardCharsets.UTF_8));
    }

    static Scan.Cursor decodeCursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = s.indexOf('|');
            return new Scan.Cursor(Instant.parse(s.substring(0, bar)), Long.parseLong(s.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("'after' is not a cursor this API returned");
        }
    }
}
