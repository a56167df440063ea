package io.dataguardian.app.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The two login limits. Per account: {@code maxFailures} failures in a row lock it for {@code lockDuration}; the
 * count lives on the user row, so all nodes share it. Per client address: at most {@code addressMaxFailures} failures
 * per {@code addressWindow} (a fixed window per address). With Redis the address count is shared by all nodes
 * ({@link AddressFailureCounter}); it is also kept in this node's memory (bounded to 100k addresses), which decides
 * alone without Redis or while Redis fails — then, with N nodes, an address gets up to N times the budget, which
 * the per-account lock still caps.
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** At most one "Redis failed" line per minute: an outage would otherwise log every login. */
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    /** Failures of one address in the current window. */
    private static final class Window {
        final Instant start;
        int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final AccountRepository accounts;
    private final AuthProperties properties;
    private final Clock clock;
    private final Cache<String, Window> addresses;
    private final AddressFailureCounter shared;
    private volatile long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    /** Address counts in this node's memory only. */
    public LoginThrottle(AccountRepository accounts, AuthProperties properties, Clock clock) {
        this(accounts, properties, clock, null);
    }

    /** Address counts shared through {@code shared} (null: memory only), with memory as the fallback. */
    public LoginThrottle(AccountRepository accounts, AuthProperties properties, Clock clock, AddressFailureCounter shared) {
        this.shared = shared;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
        this.addresses = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.addressWindow().toNanos(), TimeUnit.NANOSECONDS)
                .ticker(clockTicker(clock))
                .build();
    }

    private static Ticker clockTicker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean isLocked(AccountRepository.LoginState user) {
        return user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant());
    }

    /** Counts a wrong password; true when this failure locked the account. */
    public boolean recordFailure(AccountRepository.LoginState user) {
        return accounts.recordFailedLogin(user.id(), properties.maxFailures(),
                clock.instant().plus(properties.lockDuration()));
    }

    public void recordSuccess(AccountRepository.LoginState user) {
        if (user.failedLogins() != 0 || user.lockedUntil() != null) {
            accounts.clearFailedLogins(user.id());
        }
    }

    /** True when the address (already truncated) has used up its failures for the window (on any node, with Redis). */
    public boolean addressBlocked(String address) {
        if (shared != null) {
            try {
                return shared.failures(address) >= properties.addressMaxFailures();
            } catch (RuntimeException ex) {
                redisFailed(ex);
            }
        }
        Window w = addresses.getIfPresent(address);
        if (w == null) {
            return false;
        }
        synchronized (w) {
            return !windowOver(w) && w.failures >= properties.addressMaxFailures();
        }
    }

    public void recordAddressFailure(String address) {
        Window w = addresses.asMap().compute(address, (k, old) -> old == null || windowOver(old) ? new Window(clock.instant()) : old);
        synchronized (w) {
            w.failures++;
        }
        if (shared != null) {
            try {
                shared.increment(address, properties.addressWindow());
            } catch (RuntimeException ex) {
                redisFailed(ex);
            }
        }
    }

    private void redisFailed(RuntimeException ex) {
        long now = System.nanoTime();
        long last = lastWarning;
        if (now - last >= WARN_EVERY_NANOS) {
            lastWarning = now;
            log.warn("Shared login limit per address unavailable, this node counts alone for now: {}", ex.toString());
        }
    }

    private boolean windowOver(Window w) {
        return !clock.instant().isBefore(w.start.plus(properties.addressWindow()));
    }

    public Duration lockDuration() {
        return properties.lockDuration();
    }
}
