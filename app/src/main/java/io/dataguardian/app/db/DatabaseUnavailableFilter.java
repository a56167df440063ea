package io.dataguardian.app.db;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter (before the session store, Spring Security and every other filter that may query the
 * database): a database outage raised anywhere below it, which no controller advice sees, is answered like one
 * in a controller ({@link DatabaseUnavailableResponse}) instead of becoming Tomcat's 500 error page. Other
 * failures, and failures after the response was committed, pass through unchanged.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private final DatabaseUnavailableResponse outage;

    public DatabaseUnavailableFilter(DatabaseUnavailableResponse outage) {
        this.outage = outage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) {
                throw e;
            }
            if (response.isCommitted()) {
                if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                    // the 503 was already written (by the controller advice); what failed afterwards is the session
                    // store's commit on the same dead database. Rethrowing would make Tomcat abort a complete answer.
                    return;
                }
                throw e;
            }
            outage.write(request, response, e);
        }
    }
}
