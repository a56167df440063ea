package io.dataguardian.app.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.SecurityAudit;

/**
 * Runs before Spring Security invalidates the session on logout (invalidation deletes it from the store, so the old
 * cookie is worthless): audits the logout and times the session.
 */
public class SessionLogoutHandler implements LogoutHandler {

    private final AccountRepository accounts;
    private final SecurityAudit audit;
    private final SessionMetrics metrics;

    public SessionLogoutHandler(AccountRepository accounts, SecurityAudit audit, SessionMetrics metrics) {
        this.accounts = accounts;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object loginAt = session.getAttribute(SessionAttributes.LOGIN_AT);
            if (loginAt instanceof Long at) {
                metrics.ended(at, "logout");
            }
        }
        if (authentication != null) {
            accounts.findUser(authentication.getName()).ifPresent(u -> audit.logout(u.id(), u.username(), "logout"));
        }
    }
}
