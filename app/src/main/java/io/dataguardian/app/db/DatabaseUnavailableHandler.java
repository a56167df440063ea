package io.dataguardian.app.db;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * While the database is unreachable (restarting, network cut, pool exhausted for the whole connection
 * timeout) a request fails with 503, a short message and {@code Retry-After}, instead of a 500 with a
 * stack trace. The pool itself recovers when the database is back: nothing to restart.
 * JSON for API clients, a small HTML page for browsers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class DatabaseUnavailableHandler {

    static final String MESSAGE = "The database is not reachable at the moment. Nothing was changed; please try again shortly.";
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            SQLTransientConnectionException.class})
    public ResponseEntity<?> databaseUnavailable(Exception e, WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        // one line, no stack: an outage produces many of these and the cause is in the pool's own log
        log.warn("database unavailable: {}", rootMessage(e));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (wantsHtml(accept)) {
            return response.contentType(MediaType.TEXT_HTML).body("<!DOCTYPE html><html lang=\"en\"><head>"
                    + "<meta charset=\"utf-8\"><title>Database unavailable</title></head><body>"
                    + "<h1>Database unavailable</h1><p>" + MESSAGE + "</p></body></html>");
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(Map.of(
                "status", 503, "error", "database_unavailable", "message", MESSAGE,
                "retryAfterSeconds", Integer.parseInt(RETRY_AFTER_SECONDS)));
    }

    private static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        // browsers list text/html first; API clients name JSON or send */*
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        for (MediaType t : types) {
            if (t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType()) {
                return false;
            }
            if (t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
