package io.dataguardian.app.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dataguardian.session.*} (docs/sessions.md). The idle timeout is Spring Session's own
 * ({@code spring.session.timeout}, set from {@code idle-timeout} in application.yml); the rest is ours.
 *
 * @param idleTimeout     a session unused this long ends (Spring Session)
 * @param absoluteTimeout a session older than this (since login) ends however active it is
 * @param maxPerUser      a login beyond this many sessions ends the user's oldest
 * @param cookieSecure    force the Secure flag on or off; unset: Secure when the request came over HTTPS
 * @param recentActions   how many recent requests a session remembers
 * @param writeInterval   a session whose only change is its last-access time is written back at most this often
 *                        ({@link ThrottledSessionRepository}); 0 writes on every request
 */
@ConfigurationProperties("dataguardian.session")
public record SessionSettings(@DefaultValue("1h") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout,
                              @DefaultValue("5") int maxPerUser, Boolean cookieSecure,
                              @DefaultValue("20") int recentActions, @DefaultValue("30s") Duration writeInterval) {

    public SessionSettings {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("dataguardian.session.max-per-user must be at least 1");
        }
        if (writeInterval.isNegative() || writeInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("dataguardian.session.write-interval must be between 0 and the idle timeout");
        }
    }
}
