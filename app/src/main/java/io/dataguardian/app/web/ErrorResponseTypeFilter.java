package io.dataguardian.app.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the error dispatch only: forgets the Content-Type the failed request had already set. The servlet container
 * keeps the headers when it forwards a failure to {@code /error} (it clears only the body buffer), so a page that
 * failed while rendering left "text/html" behind, and Boot's error controller — which answers a JSON map to any client
 * that does not ask for HTML — then failed a second time ({@code HttpMessageNotWritableException: No converter for
 * LinkedHashMap with preset Content-Type 'text/html'}) instead of sending the error. The error controller sets the
 * type it renders.
 */
class ErrorResponseTypeFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!response.isCommitted()) {
            response.setContentType(null);
        }
        chain.doFilter(request, response);
    }
}
