package io.dataguardian.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.DispatcherType;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The error dispatch starts without the Content-Type the failed page had set (so the JSON error can be written). */
class ErrorResponseTypeFilterTest {

    @Test
    void theErrorDispatchForgetsTheFailedPagesContentType() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("text/html;charset=UTF-8");
        AtomicReference<String> seen = new AtomicReference<>("unset");
        new ErrorResponseTypeFilter().doFilter(request, response, (req, res) -> seen.set(res.getContentType()));
        assertThat(seen.get()).isNull();
    }
}
