package io.dataguardian.app.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs at most {@code permits} password hashes (bcrypt: ~0.1 s of CPU each) at once; other callers wait their turn,
 * in order, for up to {@code maxWait}. Without it a burst of 200 logins ran 200 bcrypts on 200 request threads on
 * 2 cores: every login took the whole burst's time, and the starved threads — Lettuce's I/O thread among them — let
 * Redis commands of unrelated requests time out (docs/sessions.md). Waiting threads use no CPU, so the rest of the
 * server keeps answering while logins queue. A caller that waits longer than {@code maxWait} gets
 * {@link LoginBusyException} (503).
 */
public class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final Duration maxWait;

    public BoundedPasswordEncoder(PasswordEncoder delegate, int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Password checks running or waiting right now (for the busy meter). */
    int queued() {
        return permits.getQueueLength();
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LoginBusyException("no password check slot within " + maxWait.toSeconds() + " s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LoginBusyException("interrupted while waiting for a password check slot");
        }
    }
}
