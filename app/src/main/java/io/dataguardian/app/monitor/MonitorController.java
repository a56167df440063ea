package io.dataguardian.app.monitor;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The monitor's data for administrators: profile export, its parts, and on-demand JFR recordings. */
@RestController
@ConditionalOnBooleanProperty(name = "dataguardian.monitor.enabled", matchIfMissing = true)
@PreAuthorize("hasRole('ADMIN')")
public class MonitorController {

    private final MonitorService monitor;
    private final JfrRecorder jfr;

    public MonitorController(MonitorService monitor, JfrRecorder jfr) {
        this.monitor = monitor;
        this.jfr = jfr;
    }

    @GetMapping("/api/admin/monitor/profile")
    public MonitorProfile profile() {
        return monitor.profile();
    }

    /** The same JSON as a file download. */
    @GetMapping(value = "/admin/monitor/profile.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MonitorProfile> download() {
        MonitorProfile profile = monitor.profile();
        String name = "dataguardian-profile-" + profile.generatedAt().replace(':', '-') + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(profile);
    }

    @GetMapping("/api/admin/monitor/operations")
    public List<OperationStats> operations() {
        return monitor.operations();
    }

    @GetMapping("/api/admin/monitor/bottlenecks")
    public List<Check> bottlenecks() {
        return monitor.bottlenecks();
    }

    @GetMapping("/api/admin/monitor/recommendations")
    public List<Recommendation> recommendations() {
        return monitor.recommendations();
    }

    @GetMapping("/api/admin/monitor/alerts")
    public MonitorProfile.Alerts alerts() {
        return new MonitorProfile.Alerts(monitor.alerts().active(), monitor.alerts().history());
    }

    @PostMapping("/api/admin/monitor/jfr")
    public ResponseEntity<JfrRecorder.Status> startJfr(@RequestParam(defaultValue = "60") long seconds) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jfr.start(seconds));
    }

    @GetMapping("/api/admin/monitor/jfr")
    public JfrRecorder.Status jfrStatus() {
        return jfr.status();
    }

    /** The finished recording; deleted once sent. 404 while none is ready. */
    @GetMapping("/admin/monitor/jfr/recording.jfr")
    public ResponseEntity<StreamingResponseBody> downloadJfr() {
        Path file = jfr.takeFinished();
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        StreamingResponseBody body = out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            } finally {
                JfrRecorder.delete(file);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
                .body(body);
    }

    @ExceptionHandler(JfrRecorder.BusyException.class)
    ResponseEntity<Map<String, String>> busy(JfrRecorder.BusyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
