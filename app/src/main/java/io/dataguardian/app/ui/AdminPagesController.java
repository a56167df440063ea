package io.dataguardian.app.ui;

import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import io.dataguardian.app.account.UserAdminService;
import io.dataguardian.app.audit.AuditEntry;
import io.dataguardian.app.audit.AuditLogRepository;
import io.dataguardian.app.db.Page;
import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import io.dataguardian.app.session.SessionService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrator pages of the organisation: the audit log (newest first, keyset pages), its members (through
 * {@link UserAdminService}: list, create, change role, enable/disable; the service writes the audit entries and
 * answers 404 for a user of another organisation) and its sessions (through {@link SessionService}, by opaque id).
 * /admin/** is ADMIN only. "My sessions" ({@code /account/sessions}) is in {@link AccountPagesController}.
 */
@Controller
class AdminPagesController {

    static final int AUDIT_PER_PAGE = 50;

    private final ApiUsers users;
    private final AuditLogRepository audit;
    private final UserAdminService userAdmin;
    private final SessionService sessions;

    AdminPagesController(ApiUsers users, AuditLogRepository audit, UserAdminService userAdmin, SessionService sessions) {
        this.users = users;
        this.audit = audit;
        this.userAdmin = userAdmin;
        this.sessions = sessions;
    }

    /** One member of the organisation as the users page lists them; no password hash is ever read. */
    record Member(long id, String username, String role, boolean enabled, OffsetDateTime lastLoginAt,
                  boolean locked) {

        static Member of(AccountRepository.MemberRow row, Instant now) {
            return new Member(row.id(), row.username(), row.role().name(), row.enabled(), utc(row.lastLoginAt()),
                    row.lockedUntil() != null && row.lockedUntil().isAfter(now));
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        return usersPage(users.current(), model);
    }

    private String usersPage(ApiUser admin, Model model) {
        Instant now = Instant.now();
        model.addAttribute("members", userAdmin.list(admin).stream().map(r -> Member.of(r, now)).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPassword", UserAdminService.MIN_PASSWORD_LENGTH);
        model.addAttribute("me", admin.userId());
        if (!model.containsAttribute("newRole")) {
            model.addAttribute("newRole", Role.VIEWER.name());
        }
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                      @RequestParam(defaultValue = "") String role, Model model, RedirectAttributes redirect) {
        ApiUser admin = users.current();
        try {
            AccountRepository.MemberRow created = userAdmin.create(admin, username, password, role(role));
            redirect.addFlashAttribute("done", "users.created");
            redirect.addFlashAttribute("doneArg", created.username());
            return "redirect:/admin/users";
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            model.addAttribute("formError", errorKey(e));
            model.addAttribute("newUsername", username);   // the password is never echoed
            model.addAttribute("newRole", role);
            return usersPage(admin, model);
        }
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam(defaultValue = "") String role, Model model,
                      RedirectAttributes redirect) {
        Role r = role(role);
        return change(id, r == null ? Role.VIEWER : r, null, r == null, model, redirect);
    }

    @PostMapping("/admin/users/{id}/enabled")
    String changeEnabled(@PathVariable long id, @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
        return change(id, null, enabled, false, model, redirect);
    }

    private String change(long id, Role role, Boolean enabled, boolean badRole, Model model, RedirectAttributes redirect) {
        ApiUser admin = users.current();
        try {
            if (badRole) {
                userAdmin.get(admin, id);       // another organisation's user stays a 404, not a form error
                throw ApiException.badRequest("role: one of ADMIN, ANALYST, VIEWER");
            }
            AccountRepository.MemberRow changed = userAdmin.change(admin, id, role, enabled);
            redirect.addFlashAttribute("done", "users.changed");
            redirect.addFlashAttribute("doneArg", changed.username());
            return "redirect:/admin/users";
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            model.addAttribute("rowError", errorKey(e));
            model.addAttribute("rowErrorId", id);
            return usersPage(admin, model);
        }
    }

    private static Role role(String value) {
        try {
            return value == null || value.isBlank() ? null : Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** The service's refusals in the page language (its messages are English API texts). */
    static String errorKey(ApiException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("username")) {
            return "users.error.username";
        }
        if (m.startsWith("password")) {
            return "users.error.password";
        }
        if (m.startsWith("role")) {
            return "users.error.role";
        }
        if (m.contains("taken")) {
            return "users.error.taken";
        }
        if (m.contains("administrator")) {
            return "users.error.lastAdmin";
        }
        return "users.error.other";
    }

    @GetMapping("/admin/sessions")
    String sessions(HttpServletRequest request, Model model) {
        ApiUser admin = users.current();
        model.addAttribute("sessions", SessionRow.of(sessions.organisation(admin, currentSessionId(request))));
        model.addAttribute("scope", "organisation");
        return "admin/sessions";
    }

    @PostMapping("/admin/sessions/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        sessions.revokeInOrganisation(users.current(), id);
        redirect.addFlashAttribute("done", "sessions.revoked");
        return "redirect:/admin/sessions";
    }

    static String currentSessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    /** One session as the pages show it: the opaque id only, UTC times, the stored (already truncated) address. */
    record SessionRow(String id, String username, boolean current, OffsetDateTime createdAt, OffsetDateTime lastSeen,
                      String clientAddress, String userAgent, List<String> recentActions) {

        static List<SessionRow> of(List<SessionService.SessionView> views) {
            return views.stream().map(v -> new SessionRow(v.id(), v.username(), v.current(), utc(v.createdAt()),
                    utc(v.lastSeen()), v.clientAddress() == null ? "–" : v.clientAddress(),
                    v.userAgent() == null ? "–" : abbreviate(v.userAgent(), 80),
                    v.recentActions().size() <= 5 ? v.recentActions()
                            : v.recentActions().subList(v.recentActions().size() - 5, v.recentActions().size())))
                    .toList();
        }

        private static String abbreviate(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max - 1) + "…";
        }
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String after, Model model) {
        ApiUser user = users.current();
        Page<AuditEntry, AuditEntry.Cursor> page = audit.list(user.orgId(), Cursors.audit(after), AUDIT_PER_PAGE);
        model.addAttribute("entries", page.items());
        model.addAttribute("next", page.next() == null ? null : Cursors.encode(page.next().occurredAt(), page.next().id()));
        model.addAttribute("firstPage", after == null || after.isBlank());
        return "admin/audit";
    }
}
