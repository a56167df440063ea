package io.dataguardian.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The outage answers' choice between a page and JSON, and the 503 they share. */
class UnavailableResponseTest {

    private static boolean html(String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return UnavailableResponse.wantsHtml(request);
    }

    @Test
    void theApiGetsJsonAndPagesGetHtmlUnlessTheClientNamesJsonFirst() {
        assertThat(html("/api/scans", "text/html")).isFalse();
        assertThat(html("/scans", null)).isTrue();
        assertThat(html("/scans", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
        assertThat(html("/login", "application/json")).isFalse();
        assertThat(html("/login", "application/problem+json")).isFalse();
        assertThat(html("/login", "application/json;q=0.5, text/html")).isTrue();
        assertThat(html("/login", "*/*")).isTrue();
        assertThat(html("/login", "not a media type;;")).isTrue();
    }

    @Test
    void theAnswerIs503WithRetryAfterUncachedAndTheJsonBodyNamesTheError() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        UnavailableResponse.start(response, 5);
        UnavailableResponse.writeJson(response, "session_store_unavailable", "Try again.", 5);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"status\":503,\"error\":\"session_store_unavailable\",\"message\":\"Try again.\",\"retryAfterSeconds\":5}");
    }
}
