package io.dataguardian.app.ui;

import io.dataguardian.app.audit.AuditEntry;
import io.dataguardian.app.audit.AuditLogRepository;
import io.dataguardian.app.db.Page;
import io.dataguardian.app.scan.ApiUser;
import io.dataguardian.app.scan.ApiUsers;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrator pages of the organisation: the audit log (newest first, keyset pages), its members and sessions.
 * /admin/** is ADMIN only. The members list is a read-only query of the V1 tables until the account service of
 * issue 7 is committed; the sessions page says it is not available until that issue's session service is.
 */
@Controller
class AdminPagesController {

    static final int AUDIT_PER_PAGE = 50;

    private final ApiUsers users;
    private final AuditLogRepository audit;
    private final JdbcClient jdbc;

    AdminPagesController(ApiUsers users, AuditLogRepository audit, DataSource dataSource) {
        this.users = users;
        this.audit = audit;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** One member of the organisation as the users page lists them; no password hash is ever read. */
    record Member(String username, String role, boolean enabled, OffsetDateTime lastLoginAt) {
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        ApiUser user = users.current();
        List<Member> members = jdbc.sql("select u.username, m.role, u.enabled, u.last_login_at from memberships m"
                        + " join users u on u.id = m.user_id where m.organisation_id = :org order by u.username")
                .param("org", user.orgId())
                .query((rs, i) -> new Member(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
        model.addAttribute("members", members);
        return "admin/users";
    }

    @GetMapping("/admin/sessions")
    String sessions(Model model) {
        users.current();
        model.addAttribute("available", false);
        return "admin/sessions";
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
