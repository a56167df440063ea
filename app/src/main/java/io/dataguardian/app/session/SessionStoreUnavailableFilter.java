package io.dataguardian.app.session;

import io.dataguardian.app.db.DatabaseOutage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;

import io.dataguardian.app.account.LoginBusyException;
import io.dataguardian.app.web.UnavailableFilter;
import io.dataguardian.app.web.UnavailableResponse;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registered outside Spring Session's filter, so it also sees what fails when a session is loaded or saved — which
 * happens outside Spring MVC, where no exception handler runs, and used to end as a 500 (and, when the failure came
 * while a page was being rendered, as a second error: Boot's error controller writing a JSON map into a response
 * already typed text/html). When the session store (Redis, or the database for JDBC sessions) is unreachable or
 * answers too late, or the server is too busy to check passwords ({@link LoginBusyException}), the answer is 503 with
 * {@code Retry-After} — JSON for API clients, a short page for browsers — and nothing is half-done: Spring Session
 * writes the cookie only after a successful save, and a login whose session could not be stored has its session
 * deleted again (best effort), so it cannot later count against the user's session limit.
 */
class SessionStoreUnavailableFilter extends UnavailableFilter {

    static final String STORE_MESSAGE = "Sessions are unavailable at the moment (the session store did not answer). "
            + "Nothing was changed; please try again shortly.";
    static final String BUSY_MESSAGE = "The server is busy with other sign-ins. Nothing was changed; please try again shortly.";
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(SessionStoreUnavailableFilter.class);

    private final SessionStore store;
    private final Counter unavailable;
    private final Counter busy;

    SessionStoreUnavailableFilter(SessionStore store, MeterRegistry meters) {
        this.store = store;
        this.unavailable = Counter.builder("dataguardian.sessions.unavailable")
                .description("requests answered 503 because the session store failed or timed out").register(meters);
        this.busy = Counter.builder("dataguardian.auth.busy")
                .description("logins answered 503 because too many passwords were being checked at once").register(meters);
    }

    @Override
    protected Throwable outage(Throwable ex) {
        return storeFailure(ex);
    }

    @Override
    protected boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable ex, Throwable cause)
            throws IOException {
        boolean loginBusy = cause instanceof LoginBusyException;
        (loginBusy ? busy : unavailable).increment();
        if (!loginBusy && !fromRedis(ex) && DatabaseOutage.isOutage(ex)) {
            // the JDBC session store's database is down: the database outage answer (outer filter, localised
            // page or JSON "database_unavailable") says what is wrong; only the half-made login is ours to undo
            forgetHalfMadeLogin(request);
            return false;
        }
        // one line, no stack: an outage produces many of these
        log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                cause.getClass().getSimpleName() + ": " + cause.getMessage());
        forgetHalfMadeLogin(request);
        response.reset();
        UnavailableResponse.start(response, RETRY_AFTER_SECONDS);
        String message = loginBusy ? BUSY_MESSAGE : STORE_MESSAGE;
        if (UnavailableResponse.wantsHtml(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Try again shortly</title></head><body><h1>Try again shortly</h1><p>" + message
                    + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
        } else {
            UnavailableResponse.writeJson(response, loginBusy ? "login_busy" : "session_store_unavailable", message,
                    RETRY_AFTER_SECONDS);
        }
        return true;
    }

    /** The login stored its session (or part of it) before the failure: remove it, so the limit never counts it. */
    private void forgetHalfMadeLogin(HttpServletRequest request) {
        if (request.getAttribute(SessionAttributes.LOGGED_IN_SESSION) instanceof String id) {
            try {
                store.delete(id);
            } catch (RuntimeException again) {
                log.debug("Could not delete the session of a failed login: {}", again.toString());
            }
        }
    }

    /** The failure that makes this a 503, or null for any other error. */
    static Throwable storeFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LoginBusyException || t instanceof RedisCommandTimeoutException
                    || t instanceof RedisConnectionException || t instanceof QueryTimeoutException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException) {
                return t;
            }
        }
        return null;
    }

    /** Whether the failure came from Redis (Lettuce or Spring Data Redis, whose exceptions are data-access ones too). */
    static boolean fromRedis(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.lettuce.core.RedisException || t.getClass().getName().startsWith("org.springframework.data.redis.")) {
                return true;
            }
        }
        return false;
    }
}
