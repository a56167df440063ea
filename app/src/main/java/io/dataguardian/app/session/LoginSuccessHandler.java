package io.dataguardian.app.session;

import java.io.IOException;
import java.util.ArrayList;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.ClientAddress;
import io.dataguardian.app.account.SecurityAudit;

/**
 * After a form login (the session id has already been changed by Spring Security's fixation protection): stamps the
 * session with login time, truncated client address and user agent, audits the login, and leaves the user and
 * session for {@link SessionLimitFilter}. Then redirects like the default handler (saved request, else "/").
 */
public class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final AccountRepository accounts;
    private final SecurityAudit audit;

    public LoginSuccessHandler(AccountRepository accounts, SecurityAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        HttpSession session = request.getSession();
        String address = ClientAddress.truncate(request.getRemoteAddr());
        String agent = request.getHeader("User-Agent");
        session.setAttribute(SessionAttributes.LOGIN_AT, System.currentTimeMillis());
        session.setAttribute(SessionAttributes.CLIENT_ADDRESS, address);
        session.setAttribute(SessionAttributes.USER_AGENT, agent == null ? "" : agent.substring(0, Math.min(agent.length(), 200)));
        session.setAttribute(SessionAttributes.RECENT_ACTIONS, new ArrayList<String>());
        request.setAttribute(SessionAttributes.LOGGED_IN_USER, authentication.getName());
        request.setAttribute(SessionAttributes.LOGGED_IN_SESSION, session.getId());
        accounts.findUser(authentication.getName())
                .ifPresent(u -> audit.loginSucceeded(u.id(), u.username(), address));
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
