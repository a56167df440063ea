package io.dataguardian.app.account;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccountProperties.class, AuthProperties.class})
class AccountConfiguration {

    /** {@code {bcrypt}} for new hashes; reads every format Spring Security knows, so hashes can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(AccountRepository accounts, AuthProperties properties, ObjectProvider<Clock> clock) {
        return new LoginThrottle(accounts, properties, clock.getIfAvailable(Clock::systemUTC));
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
