package io.dataguardian.app.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that answers an outage raised anywhere below it, where no controller advice sees it, instead of letting
 * it end as Tomcat's 500 page. What counts as an outage and how it is answered are the subclass's; what happens
 * around that is shared: other failures pass through unchanged, and so does an outage once the response was
 * committed — except after a complete 503 (the controller advice's or another filter's), when what failed is the
 * session's commit on the same dead store: rethrowing would make Tomcat abort a complete answer, so it is dropped.
 */
public abstract class UnavailableFilter extends OncePerRequestFilter {

    private final Logger log = LoggerFactory.getLogger(getClass());

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException ex) {
            Throwable cause = outage(ex);
            if (cause == null) {
                throw ex;
            }
            if (response.isCommitted()) {
                if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                    log.debug("{} {}: failed after a complete 503, nothing more to say: {}", request.getMethod(),
                            request.getRequestURI(), cause.toString());
                    return;
                }
                throw ex;
            }
            if (!answer(request, response, ex, cause)) {
                throw ex;
            }
        }
    }

    /** The failure among {@code ex} and its causes that this filter answers, or null to let {@code ex} pass. */
    protected abstract Throwable outage(Throwable ex);

    /**
     * Answers the outage on the response, which is not committed yet; returns false to let {@code ex} pass on after
     * all (to a filter further out).
     */
    protected abstract boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable ex,
            Throwable cause) throws IOException;
}
