package io.dataguardian.app.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wraps Spring Session's filter (registered just before it), so it runs after the login's new session has been
 * committed to the store: then the per-user limit is enforced. The login leaves the user name and session id as
 * request attributes ({@link LoginSuccessHandler}).
 */
class SessionLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionLimitFilter.class);

    private final SessionLimiter limiter;

    SessionLimitFilter(SessionLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        Object user = request.getAttribute(SessionAttributes.LOGGED_IN_USER);
        Object session = request.getAttribute(SessionAttributes.LOGGED_IN_SESSION);
        if (user instanceof String username && session instanceof String sessionId) {
            try {
                limiter.enforce(username, sessionId);
            } catch (RuntimeException ex) {
                // the login itself succeeded; a store hiccup must not turn it into an error page
                log.warn("Could not apply the per-user session limit: {}", ex.toString());
            }
        }
    }
}
