package io.dataguardian.app.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Runs before Spring Security for multipart POSTs of the pages (not {@code /api/**}): it parses the multipart body
 * first, so an upload over the limit fails here, where it can still be answered with the product's 413 page, instead
 * of inside the CSRF filter (which reads the {@code _csrf} field and so makes Tomcat parse the body), where Tomcat
 * answers with its own bare 413 page. A body within the limit stays parsed in the request (Tomcat keeps the parts),
 * so the CSRF filter and Spring MVC read it without parsing again. Like Spring's {@code MultipartFilter}, minus the
 * wrapping.
 */
class UploadLimitFilter extends OncePerRequestFilter {

    private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();
    private final ViewResolver views;
    private final LocaleResolver locales;
    private final long maxUploadMb;

    UploadLimitFilter(ViewResolver views, LocaleResolver locales, long maxUploadBytes) {
        this.views = views;
        this.locales = locales;
        this.maxUploadMb = maxUploadBytes / (1024 * 1024);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || path.startsWith("/api/") || !multipart.isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            multipart.resolveMultipart(request);    // Tomcat parses and keeps the parts; we pass the plain request on
        } catch (MaxUploadSizeExceededException e) {
            tooLarge(request, response);
            return;
        } catch (RuntimeException e) {
            // any other broken body: let Spring MVC report it as it always has
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        Locale locale = locales.resolveLocale(request);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader("Cache-Control", "no-store");
        try {
            View view = views.resolveViewName("error/413", locale);
            if (view == null) {
                throw new IllegalStateException("no view error/413");
            }
            view.render(Map.of("status", 413, "maxUploadMb", maxUploadMb), request, response);
        } catch (Exception e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("413 upload too large (limit " + maxUploadMb + " MB)");
            }
        }
    }
}
