package io.dataguardian.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What the outage answers share — the database's ({@code db.DatabaseUnavailableResponse}) and the session store's
 * ({@code session.SessionStoreUnavailableFilter}): whether the client gets a page or JSON, the 503 status with its
 * headers, and the JSON body. Each caller writes its own page.
 */
public final class UnavailableResponse {

    private UnavailableResponse() {
    }

    /** Pages get HTML; {@code /api/**} and clients that name JSON (and not HTML) first get JSON. */
    public static boolean wantsHtml(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType t : types) {
                if (t.isWildcardType()) {
                    continue;
                }
                if (t.isCompatibleWith(MediaType.TEXT_HTML)) {
                    return true;
                }
                if (t.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(t.getSubtypeSuffix())) {
                    return false;
                }
            }
        } catch (RuntimeException e) {
            return true; // a malformed Accept header: a page
        }
        return true;
    }

    /** Status 503 with {@code Retry-After} and {@code Cache-Control: no-store}; the body is the caller's. */
    public static void start(HttpServletResponse response, int retryAfterSeconds) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** {@code {"status":503,"error":...,"message":...,"retryAfterSeconds":...}}; error and message are constants. */
    public static void writeJson(HttpServletResponse response, String error, String message, int retryAfterSeconds)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":503,\"error\":\"" + error + "\",\"message\":\"" + message
                + "\",\"retryAfterSeconds\":" + retryAfterSeconds + "}");
    }
}
