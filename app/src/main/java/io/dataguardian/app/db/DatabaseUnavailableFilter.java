package io.dataguardian.app.db;

import io.dataguardian.app.web.UnavailableFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Outermost filter (before the session store, Spring Security and every other filter that may query the
 * database): a database outage raised anywhere below it is answered like one in a controller
 * ({@link DatabaseUnavailableResponse}).
 */
public class DatabaseUnavailableFilter extends UnavailableFilter {

    private final DatabaseUnavailableResponse outage;

    public DatabaseUnavailableFilter(DatabaseUnavailableResponse outage) {
        this.outage = outage;
    }

    @Override
    protected Throwable outage(Throwable ex) {
        return DatabaseOutage.isOutage(ex) ? ex : null;
    }

    @Override
    protected boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable ex, Throwable cause)
            throws IOException {
        outage.write(request, response, ex);
        return true;
    }
}
