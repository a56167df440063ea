package io.dataguardian.app.session;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Session's filter and before Spring Security's. For a signed-in session (one with a login time):
 * ends it when older than the absolute lifetime (the request then goes on unauthenticated: login page or 401), and
 * otherwise notes "instant METHOD /path" in this node's {@link PendingActivity}, which reaches the session's bounded
 * list of recent actions with the session's next write ({@link ThrottledSessionRepository}): no store write per
 * request. "Last seen" is Spring Session's own last-access time.
 */
class SessionActivityFilter extends OncePerRequestFilter {

    private static final int MAX_ACTION_LENGTH = 160;

    private final SessionSettings settings;
    private final SessionMetrics metrics;
    private final PendingActivity activity;

    SessionActivityFilter(SessionSettings settings, SessionMetrics metrics, PendingActivity activity) {
        this.settings = settings;
        this.metrics = metrics;
        this.activity = activity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.startsWith("/actuator/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            track(request, session);
        }
        chain.doFilter(request, response);
    }

    private void track(HttpServletRequest request, HttpSession session) {
        Long loginAt;
        try {
            loginAt = (Long) session.getAttribute(SessionAttributes.LOGIN_AT);
        } catch (IllegalStateException invalidated) {
            return;
        }
        if (loginAt == null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - loginAt >= settings.absoluteTimeout().toMillis()) {
            metrics.ended(loginAt, "absolute");
            session.invalidate();
            return;
        }
        if (settings.recentActions() == 0) {
            return;
        }
        String action = Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.SECONDS) + " " + request.getMethod() + " " + path(request);
        activity.record(session.getId(), now, action.length() > MAX_ACTION_LENGTH ? action.substring(0, MAX_ACTION_LENGTH) : action);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
