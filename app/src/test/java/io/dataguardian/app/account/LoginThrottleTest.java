package io.dataguardian.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The lock's five minutes and the per-address window, on a clock the test moves (no waiting). */
class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(null, new AuthProperties(5, Duration.ofMinutes(5), 3, Duration.ofMinutes(5)), clock);

    @Test
    void aLockEndsAfterItsDuration() {
        var user = new AccountRepository.LoginState(1, "u", "h", true, 0, clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(throttle.isLocked(user)).isTrue();
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(throttle.isLocked(user)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isLocked(user)).isFalse();
    }

    @Test
    void anAddressIsBlockedAfterItsFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.addressBlocked("10.0.0.0/24")).isFalse();
            throttle.recordAddressFailure("10.0.0.0/24");
        }
        assertThat(throttle.addressBlocked("10.0.0.0/24")).isTrue();
        assertThat(throttle.addressBlocked("10.0.1.0/24")).as("other addresses unaffected").isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.addressBlocked("10.0.0.0/24")).isFalse();
    }

    @Test
    void clientAddressesAreTruncated() {
        assertThat(ClientAddress.truncate("192.168.17.42")).isEqualTo("192.168.17.0/24");
        assertThat(ClientAddress.truncate("2001:db8:abcd:12:1:2:3:4")).isEqualTo("2001:db8:abcd::/48");
        assertThat(ClientAddress.truncate("evil.example.com")).isEqualTo("unknown");
        assertThat(ClientAddress.truncate(null)).isEqualTo("unknown");
    }
}
