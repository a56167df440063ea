package io.dataguardian.app.scan;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, answered as {@code {"error": "...", "message": "..."}} with the status.
 * {@code retryAfterSeconds} > 0 adds a Retry-After header (429).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final long retryAfterSeconds;

    public ApiException(HttpStatus status, String message) {
        this(status, message, 0);
    }

    public ApiException(HttpStatus status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException notFound(String what, long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "no " + what + " " + id);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }
}
