package io.dataguardian.app.db;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.HtmlUtils;

import io.dataguardian.app.web.UnavailableResponse;

/**
 * The one answer to a request that met a database outage, wherever it met it (a controller, or a filter such as
 * the JDBC session store): 503 with {@code Retry-After}; JSON under {@code /api/} or for a client that asks for
 * JSON, otherwise the product's error page in the user's language (English or Dutch, from the locale resolver;
 * {@code error.503.*} messages). Written straight to the servlet response, so it also works before Spring MVC.
 */
@Component
public class DatabaseUnavailableResponse {

    static final String MESSAGE = "The database is not reachable at the moment. Nothing was changed; please try again shortly.";
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResponse.class);

    private static final long WARN_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final java.util.concurrent.atomic.AtomicLong lastWarn =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final java.util.concurrent.atomic.AtomicLong suppressed = new java.util.concurrent.atomic.AtomicLong();
    private final LocaleResolver locales;
    private final MessageSource messages;
    private final ViewResolver views;

    @org.springframework.beans.factory.annotation.Autowired
    public DatabaseUnavailableResponse(ObjectProvider<LocaleResolver> locales, ObjectProvider<MessageSource> messages,
                                       @org.springframework.beans.factory.annotation.Qualifier("thymeleafViewResolver")
                                       ObjectProvider<ViewResolver> views) {
        this(locales.getIfAvailable(), messages.getIfAvailable(), views.getIfAvailable());
    }

    /** Any of them may be null: English, and a plain page instead of the product's template. */
    public DatabaseUnavailableResponse(LocaleResolver locales, MessageSource messages, ViewResolver views) {
        this.locales = locales;
        this.messages = messages;
        this.views = views;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, Throwable cause) throws IOException {
        // one line, no stack, at most one WARN every few seconds: an outage refuses many requests a second
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
            log.warn("database unavailable ({} {}): {} ({} more refused since the previous warning)",
                    request.getMethod(), request.getRequestURI(), DatabaseOutage.rootMessage(cause),
                    suppressed.getAndSet(0));
        } else {
            suppressed.incrementAndGet();
            log.debug("database unavailable ({} {}): {}", request.getMethod(), request.getRequestURI(),
                    DatabaseOutage.rootMessage(cause));
        }
        response.resetBuffer();
        UnavailableResponse.start(response, RETRY_AFTER_SECONDS);
        if (!UnavailableResponse.wantsHtml(request)) {
            UnavailableResponse.writeJson(response, "database_unavailable", MESSAGE, RETRY_AFTER_SECONDS);
            response.flushBuffer();
            return;
        }
        Locale locale = locale(request);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (!renderTemplate(request, response, locale)) {
            response.resetBuffer();
            String title = HtmlUtils.htmlEscape(text("error.503.title", "Temporarily unavailable", locale));
            String text = HtmlUtils.htmlEscape(text("error.503.text", MESSAGE, locale));
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                    + "<meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                    + "<h1>" + title + "</h1><p>" + text + "</p></body></html>");
        }
        response.flushBuffer();
    }

    private boolean renderTemplate(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (views == null) {
            return false;
        }
        try {
            View view = views.resolveViewName("error/503", locale);
            if (view == null) {
                return false;
            }
            view.render(Map.of("status", 503), request, response);
            return true;
        } catch (Exception e) {
            log.debug("the 503 page could not be rendered, answering with the plain one", e);
            return false;
        }
    }

    private Locale locale(HttpServletRequest request) {
        if (locales == null) {
            return request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        }
        // before the DispatcherServlet (a filter failed) the resolver is not on the request yet
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        return locales.resolveLocale(request);
    }

    private String text(String key, String english, Locale locale) {
        return messages == null ? english : messages.getMessage(key, null, english, locale);
    }
}
