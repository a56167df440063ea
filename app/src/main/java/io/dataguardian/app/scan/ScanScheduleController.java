package io.dataguardian.app.scan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled rescans of the signed-in user's organisation (docs/jobs.md). The password is never returned. */
@RestController
@RequestMapping("/api/schedules")
public class ScanScheduleController {

    private final ApiUsers users;
    private final ScanSchedules schedules;

    public ScanScheduleController(ApiUsers users, ScanSchedules schedules) {
        this.users = users;
        this.schedules = schedules;
    }

    /** A schedule as the API shows it. */
    public record View(long id, String type, String target, String cron, String zone, boolean enabled,
                       Instant nextRunAt, Instant lastRunAt, Long lastScanId, String lastOutcome, Instant createdAt) {
        static View of(ScanSchedule s) {
            return new View(s.id(), s.source().name(), s.target(), s.cron(), s.zone(), s.enabled(), s.nextRunAt(),
                    s.lastRunAt(), s.lastScanId(), s.lastOutcome(), s.createdAt());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<View> create(@RequestBody(required = false) ScanSchedules.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(View.of(schedules.create(users.current(), request)));
    }

    @GetMapping
    Map<String, Object> list() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", schedules.list(users.current()).stream().map(View::of).toList());
        return body;
    }

    @GetMapping("/{id}")
    View get(@PathVariable long id) {
        return View.of(schedules.get(users.current(), id));
    }

    @PostMapping("/{id}/pause")
    View pause(@PathVariable long id) {
        return View.of(schedules.setEnabled(users.current(), id, false));
    }

    @PostMapping("/{id}/resume")
    View resume(@PathVariable long id) {
        return View.of(schedules.setEnabled(users.current(), id, true));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        schedules.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }
}
