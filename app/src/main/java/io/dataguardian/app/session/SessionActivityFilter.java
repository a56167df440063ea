package io.dataguardian.app.session;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Session's filter and before Spring Security's. For a signed-in session (one with a login time):
 * ends it when older than the absolute lifetime (the request then goes on unauthenticated: login page or 401), and
 * otherwise appends "instant METHOD /path" to its bounded list of recent actions. "Last seen" is Spring Session's
 * own last-access time, so it costs no extra write.
 */
class SessionActivityFilter extends OncePerRequestFilter {

    private static final int MAX_ACTION_LENGTH = 160;

    private final SessionSettings settings;
    private final SessionMetrics metrics;

    SessionActivityFilter(SessionSettings settings, SessionMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
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
        @SuppressWarnings("unchecked")
        List<String> old = (List<String>) session.getAttribute(SessionAttributes.RECENT_ACTIONS);
        int keep = Math.max(0, settings.recentActions() - 1);
        ArrayList<String> actions = new ArrayList<>(settings.recentActions());
        if (old != null) {
            actions.addAll(old.subList(Math.max(0, old.size() - keep), old.size()));
        }
        String action = Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.SECONDS) + " " + request.getMethod() + " " + path(request);
        actions.add(action.length() > MAX_ACTION_LENGTH ? action.substring(0, MAX_ACTION_LENGTH) : action);
        // a new list, so the store sees the attribute as changed
        session.setAttribute(SessionAttributes.RECENT_ACTIONS, actions);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
