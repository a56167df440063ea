package io.dataguardian.app.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login hardening ({@code dataguardian.auth.*}, docs/security.md).
 *
 * @param maxFailures        failed logins in a row that lock an account
 * @param lockDuration       how long a locked account stays locked
 * @param addressMaxFailures failed logins one client address may make within {@code addressWindow}
 * @param addressWindow      the window of the per-address limit
 * @param hashConcurrency    password hashes (bcrypt) computed at once; 0: no limit
 * @param hashMaxWait        how long a login waits for its turn before it is answered 503
 */
@ConfigurationProperties("dataguardian.auth")
public record AuthProperties(@DefaultValue("5") int maxFailures, @DefaultValue("5m") Duration lockDuration,
                             @DefaultValue("20") int addressMaxFailures, @DefaultValue("5m") Duration addressWindow,
                             @DefaultValue("0") int hashConcurrency, @DefaultValue("30s") Duration hashMaxWait) {

    @ConstructorBinding
    public AuthProperties {
    }

    /** For tests and callers that only care about the limits. */
    public AuthProperties(int maxFailures, Duration lockDuration, int addressMaxFailures, Duration addressWindow) {
        this(maxFailures, lockDuration, addressMaxFailures, addressWindow, 0, Duration.ofSeconds(30));
    }
}
