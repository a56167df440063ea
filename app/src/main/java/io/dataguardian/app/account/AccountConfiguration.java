package io.dataguardian.app.account;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccountProperties.class, AuthProperties.class})
class AccountConfiguration {

    /**
     * {@code {bcrypt}} for new hashes; reads every format Spring Security knows, so hashes can be upgraded later.
     * With {@code dataguardian.auth.hash-concurrency} > 0, at most that many hashes at once (off by default: on the
     * shared 2-core test machine it cut login throughput, see docs/security.md).
     */
    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties, ObjectProvider<MeterRegistry> meters) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        if (properties.hashConcurrency() <= 0) {
            return encoder;
        }
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(encoder, properties.hashConcurrency(), properties.hashMaxWait());
        meters.ifAvailable(registry -> Gauge.builder("dataguardian.auth.hash.waiting", bounded, BoundedPasswordEncoder::queued)
                .description("password checks waiting for their turn").register(registry));
        return bounded;
    }

    /** With Redis, failures per address are counted across nodes (memory stays the fallback). */
    @Bean
    LoginThrottle loginThrottle(AccountRepository accounts, AuthProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<StringRedisTemplate> redis, @Value("${dataguardian.cache.key-prefix:dg}") String keyPrefix) {
        StringRedisTemplate template = redis.getIfAvailable();
        return new LoginThrottle(accounts, properties, clock.getIfAvailable(Clock::systemUTC),
                template == null ? null : new AddressFailureCounter(template, keyPrefix));
    }

    /** The only authentication provider: Spring Security uses it for the form login and HTTP Basic. */
    @Bean
    LockoutAuthenticationProvider lockoutAuthenticationProvider(AccountRepository accounts,
            AccountUserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle, SecurityAudit audit) {
        return new LockoutAuthenticationProvider(accounts, users, passwordEncoder, throttle, audit);
    }

    @Bean
    LastLoginRecorder lastLoginRecorder(AccountRepository accounts) {
        return new LastLoginRecorder(accounts);
    }

    static class LastLoginRecorder {

        private final AccountRepository accounts;

        LastLoginRecorder(AccountRepository accounts) {
            this.accounts = accounts;
        }

        @EventListener
        void onSuccess(AuthenticationSuccessEvent event) {
            accounts.recordLogin(event.getAuthentication().getName());
        }
    }
}
