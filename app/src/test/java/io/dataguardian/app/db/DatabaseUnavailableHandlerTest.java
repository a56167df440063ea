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

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new DatabaseUnavailableHandler()).build();

    @Test
    void apiClientsGetJson503WithRetryAfter() throws Exception {
        for (String path : new String[] {"/pool-timeout", "/connection-lost"}) {
            mvc.perform(get(path).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.error").value("database_unavailable"))
                    .andExpect(jsonPath("$.message").value(DatabaseUnavailableHandler.MESSAGE));
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
}
