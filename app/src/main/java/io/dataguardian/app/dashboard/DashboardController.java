package io.dataguardian.app.dashboard;

import io.dataguardian.app.db.PgStatStatements;
import io.dataguardian.app.db.SlowQueryLog;
import io.dataguardian.app.db.TuningAdvisor;
import io.dataguardian.app.monitor.MonitorService;
import io.dataguardian.app.monitor.OperationStats;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /admin/performance}: the page (cards, gauges, charts filled by the stream), the stream of snapshots,
 * and the tabs as htmx fragments loaded on demand. Administrators only (SecurityConfiguration: /admin/**).
 */
@Controller
class DashboardController {

    static final List<String> TABS = List.of("operations", "queries", "bottlenecks", "recommendations", "alerts",
            "tuning");

    private final DashboardBroadcaster broadcaster;
    private final DashboardSampler sampler;
    private final ObjectProvider<MonitorService> monitor;
    private final SlowQueryLog slowQueries;
    private final PgStatStatements pgStatStatements;
    private final TuningAdvisor tuning;

    DashboardController(DashboardBroadcaster broadcaster, DashboardSampler sampler, ObjectProvider<MonitorService> monitor,
                        SlowQueryLog slowQueries, PgStatStatements pgStatStatements, TuningAdvisor tuning) {
        this.broadcaster = broadcaster;
        this.sampler = sampler;
        this.monitor = monitor;
        this.slowQueries = slowQueries;
        this.pgStatStatements = pgStatStatements;
        this.tuning = tuning;
    }

    @GetMapping("/admin/performance")
    String page(Model model) {
        DashboardSnapshot snapshot = broadcaster.lastSnapshot();
        model.addAttribute("snapshot", snapshot != null ? snapshot : sampler.get());
        model.addAttribute("tabs", TABS);
        return "dashboard/performance";
    }

    @GetMapping(path = "/admin/performance/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return broadcaster.subscribe();
    }

    @GetMapping("/admin/performance/tab/{tab}")
    String tab(@PathVariable String tab, Model model) {
        MonitorService m = monitor.getIfAvailable();
        model.addAttribute("monitorEnabled", m != null);
        switch (tab) {
            case "operations" -> {
                List<OperationStats> ops = m == null ? List.of() : m.operations().stream()
                        .sorted(Comparator.comparingDouble(OperationStats::totalMillis).reversed()).limit(50).toList();
                model.addAttribute("operations", ops);
                model.addAttribute("maxMean", ops.stream().mapToDouble(OperationStats::meanMillis).max().orElse(0));
            }
            case "queries" -> {
                model.addAttribute("slowQueries", slowQueries.top(20));
                model.addAttribute("slowThresholdMillis", slowQueries.threshold().toMillis());
                model.addAttribute("pgStat", pgStatStatements.top(10));
            }
            case "bottlenecks" -> model.addAttribute("bottlenecks", m == null ? List.of() : m.bottlenecks());
            case "recommendations" -> model.addAttribute("recommendations", m == null ? List.of() : m.recommendations());
            case "alerts" -> {
                model.addAttribute("alerts", m == null ? List.of() : m.alerts().active());
                model.addAttribute("history", m == null ? List.of() : m.alerts().history());
            }
            case "tuning" -> {
                try {
                    model.addAttribute("tuning", tuning.advise());
                } catch (RuntimeException e) {
                    model.addAttribute("tuningUnavailable", e.getMessage());
                }
            }
            default -> throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return "dashboard/tabs :: " + tab;
    }
}
