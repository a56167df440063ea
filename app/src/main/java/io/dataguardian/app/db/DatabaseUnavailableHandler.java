package io.dataguardian.app.db;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While the database is unreachable (restarting, network cut, pool exhausted for the whole connection
 * timeout) a controller's request fails with 503, a short message and {@code Retry-After}, instead of a 500 with a
 * stack trace; {@link DatabaseUnavailableFilter} does the same for failures in servlet filters. The pool itself
 * recovers when the database is back: nothing to restart. See {@link DatabaseUnavailableResponse}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class DatabaseUnavailableHandler {

    static final String MESSAGE = DatabaseUnavailableResponse.MESSAGE;

    private final DatabaseUnavailableResponse response;

    public DatabaseUnavailableHandler(DatabaseUnavailableResponse response) {
        this.response = response;
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            SQLTransientConnectionException.class})
    public void databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse servletResponse)
            throws IOException {
        response.write(request, servletResponse, e);
    }
}
