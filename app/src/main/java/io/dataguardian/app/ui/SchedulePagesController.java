package io.dataguardian.app.ui;

import io.dataguardian.app.job.ScanJobProperties;
import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import io.dataguardian.app.scan.ScanSchedule;
import io.dataguardian.app.scan.ScanSchedules;
import io.dataguardian.engine.db.JdbcUrls;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheduled-rescans page: the organisation's schedules, a form to add one (a database for analysts and
 * administrators, a server path for administrators), pause, resume and delete. Everything goes through
 * {@link ScanSchedules}, the service of {@code /api/schedules}, so roles, validation, tenancy and audit are the same.
 */
@Controller
class SchedulePagesController {

    private final ApiUsers users;
    private final ScanSchedules schedules;
    private final ScanJobProperties properties;

    SchedulePagesController(ApiUsers users, ScanSchedules schedules, ScanJobProperties properties) {
        this.users = users;
        this.schedules = schedules;
        this.properties = properties;
    }

    /** What the form shows again after a refusal: never the password, the URL only redacted. */
    record ScheduleForm(String type, String path, String url, String user, String mode, String cron, String zone) {
        static ScheduleForm empty() {
            return new ScheduleForm("DATABASE", "", "", "", "smart", "0 0 3 * * *", "UTC");
        }
    }

    @GetMapping("/scans/schedules")
    String list(Model model) {
        ApiUser user = users.current();
        model.addAttribute("form", ScheduleForm.empty());
        return page(model, user);
    }

    private String page(Model model, ApiUser user) {
        List<ScanSchedule> items = schedules.list(user);
        model.addAttribute("schedules", items);
        model.addAttribute("canSubmit", user.canSubmit());
        model.addAttribute("isAdmin", user.isAdmin());
        model.addAttribute("allowedRoots", user.isAdmin()
                ? properties.allowedRoots().stream().map(Object::toString).toList() : List.of());
        model.addAttribute("modes", List.of("fast", "smart", "deep"));
        return "scans/schedules";
    }

    @PostMapping("/scans/schedules")
    String create(@RequestParam(required = false) String type, @RequestParam(required = false) String path,
                  @RequestParam(required = false) String url, @RequestParam(required = false) String dbUser,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String mode,
                  @RequestParam(required = false) String cron, @RequestParam(required = false) String zone,
                  Model model, RedirectAttributes redirect) {
        ApiUser user = users.current();
        try {
            ScanSchedule created = schedules.create(user,
                    new ScanSchedules.Request(type, path, url, dbUser, password, mode, cron, zone));
            redirect.addFlashAttribute("created", created.id());
            return "redirect:/scans/schedules";
        } catch (ApiException e) {
            int status = e.status().value();
            if (status == 403 || status == 404 || status >= 500) {
                throw e; // a role refusal is the 403 page, as on every other page
            }
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("form", new ScheduleForm(type == null ? "DATABASE" : type, nz(path),
                    url == null ? "" : JdbcUrls.redact(url), nz(dbUser), mode == null ? "smart" : mode, nz(cron), nz(zone)));
            return page(model, user);
        }
    }

    @PostMapping("/scans/schedules/{id}/delete")
    String delete(@PathVariable long id) {
        schedules.delete(users.current(), id);
        return "redirect:/scans/schedules";
    }

    @PostMapping("/scans/schedules/{id}/pause")
    String pause(@PathVariable long id) {
        schedules.setEnabled(users.current(), id, false);
        return "redirect:/scans/schedules";
    }

    @PostMapping("/scans/schedules/{id}/resume")
    String resume(@PathVariable long id) {
        schedules.setEnabled(users.current(), id, true);
        return "redirect:/scans/schedules";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
