package io.dataguardian.app.account;

/**
 * Too many password checks were already running and this one waited its full time for a turn: the login is answered
 * 503 with Retry-After (session.SessionStoreUnavailableFilter), not counted as a failure.
 */
public class LoginBusyException extends RuntimeException {

    public LoginBusyException(String message) {
        super(message);
    }
}
