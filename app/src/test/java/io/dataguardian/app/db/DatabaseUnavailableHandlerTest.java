package io.dataguardian.app.db;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a user gets while the database is away: 503, a clear message, Retry-After; never a 500. */
class DatabaseUnavailableHandlerTest {

    @RestController
    static class Failing {
        @GetMapping("/pool-timeout")
        String poolTimeout() {
            // what JdbcTemplate throws when HikariCP gives up after connection-timeout
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("dataguardian - Connection is not available, request timed out after 10000ms"));
        }

        @GetMapping("/connection-lost")
        String connectionLost() {
            // a server restart kills the session mid-query (SQLState 57P01 -> resource failure)
            throw new DataAccessResourceFailureException("terminating connection due to administrator command");
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("not a database outage");
        }
    }

    /** The product's own messages (English default, Dutch) and a resolver that reads Accept-Language. */
    static DatabaseUnavailableResponse response() {
        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver locales =
                new org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver();
        locales.setSupportedLocales(java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.forLanguageTag("nl")));
        locales.setDefaultLocale(java.util.Locale.ENGLISH);
        return new DatabaseUnavailableResponse(locales, messages, null);
    }

    /** What the JDBC session store does while the database is down: fails inside a filter, before any controller. */
    static final class FailingSessionStore extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain) {
            if (request.getRequestURI().endsWith("/bug")) {
                throw new IllegalStateException("not a database outage");
            }
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("dataguardian - Connection is not available, request timed out after 2000ms"));
        }
    }

    /** What an API client gets in an outage: 503 with Retry-After, JSON naming it, and the fixed message. */
    private static final ResultMatcher[] JSON_OUTAGE = {status().isServiceUnavailable(),
            header().string("Retry-After", "5"), content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON),
            jsonPath("$.error").value("database_unavailable"), jsonPath("$.message").value(DatabaseUnavailableHandler.MESSAGE)};

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new DatabaseUnavailableHandler(response())).build();

    private final MockMvc filtered = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new DatabaseUnavailableHandler(response()))
            .addFilters(new DatabaseUnavailableFilter(response()), new FailingSessionStore()).build();

    @Test
    void anOutageInAFilterIsA503TooJsonForTheApi() throws Exception {
        filtered.perform(get("/api/scans")).andExpectAll(JSON_OUTAGE);
    }

    @Test
    void anOutageInAFilterIsAPageInTheUsersLanguage() throws Exception {
        filtered.perform(get("/scans").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("De database is op dit moment niet bereikbaar")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"nl\"")));
        filtered.perform(get("/scans").header("Accept", "text/html").header("Accept-Language", "en-GB"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The database is not reachable")));
    }

    @Test
    void otherFailuresInAFilterAreNotDisguisedAsOutages() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filtered.perform(get("/bug")))
                .isInstanceOf(IllegalStateException.class).hasMessage("not a database outage");
    }

    @Test
    void theCauseChainDecides() {
        org.assertj.core.api.Assertions.assertThat(DatabaseOutage.isOutage(new jakarta.servlet.ServletException(
                new java.sql.SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        org.assertj.core.api.Assertions.assertThat(DatabaseOutage.isOutage(new RuntimeException(
                new java.sql.SQLException("duplicate key", "23505")))).isFalse();
        // what a commit on a killed connection ends as once the rollback fails as well
        org.springframework.transaction.TransactionSystemException rollbackFailed =
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new java.sql.SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("JDBC commit; FATAL: terminating connection"));
        org.assertj.core.api.Assertions.assertThat(DatabaseOutage.isOutage(rollbackFailed)).isTrue();
        // a failed commit whose rollback failed: Spring logs the commit's exception and throws only this one
        org.assertj.core.api.Assertions.assertThat(DatabaseOutage.isOutage(
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new java.sql.SQLException("Connection is closed")))).isTrue();
        org.assertj.core.api.Assertions.assertThat(DatabaseOutage.isOutage(
                new org.springframework.transaction.TransactionSystemException("Could not commit: constraint"))).isFalse();
    }

    @Test
    void apiClientsGetJson503WithRetryAfter() throws Exception {
        for (String path : new String[] {"/pool-timeout", "/connection-lost"}) {
            mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)).andExpectAll(JSON_OUTAGE);
        }
    }

    @Test
    void browsersGetAPageSayingWhatHappened() throws Exception {
        mvc.perform(get("/pool-timeout").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The database is not reachable")));
    }

    @Test
    void otherErrorsAreNotDisguisedAsOutages() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/bug")))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    /** What Spring Session's commit does after the advice already answered 503: fails again on the dead database. */
    static final class FailingSessionCommit extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
            chain.doFilter(request, response);
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("dataguardian - Connection is not available, request timed out after 2000ms"));
        }
    }

    @Test
    void aFailedSessionCommitAfterACompleted503DoesNotAbortTheAnswer() throws Exception {
        MockMvc committing = MockMvcBuilders.standaloneSetup(new Failing())
                .setControllerAdvice(new DatabaseUnavailableHandler(response()))
                .addFilters(new DatabaseUnavailableFilter(response()), new FailingSessionCommit()).build();
        committing.perform(get("/pool-timeout").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("database_unavailable"));
        // a failure after a committed answer that was not our 503 still surfaces
        MockMvc afterOk = MockMvcBuilders.standaloneSetup(new Ok())
                .addFilters(new DatabaseUnavailableFilter(response()), new FailingSessionCommit()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> afterOk.perform(get("/ok")))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @RestController
    static class Ok {
        @GetMapping("/ok")
        void ok(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.getWriter().write("fine");
            response.flushBuffer();
        }
    }
}
