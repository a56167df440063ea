package io.dataguardian.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The breaker opens on a failure rate over a window with a minimum number of calls, not on a few
 * timeouts in a row (connection errors, which mean Redis is gone, still open it after three in a row): a saturated client's occasional burst of timeouts while Redis is healthy must not
 * open it, an outage (every call failing) must. The window is an hour here so no test depends on timing.
 */
class RedisCircuitBreakerTest {

    private final RedisCircuitBreaker breaker = new RedisCircuitBreaker(3, 20, 0.5, Duration.ofHours(1));

    @Test
    void aBurstOfFailuresAmongManySuccessesDoesNotOpen() {
        for (int i = 0; i < 200; i++) {
            breaker.recordSuccess();
        }
        for (int i = 0; i < 50; i++) { // what 50 commands stuck behind one stall do: fail together
            breaker.recordTimeout();
        }
        assertThat(breaker.allowsRequests()).isTrue();
        assertThat(breaker.openedCount()).isZero();
    }

    @Test
    void fewerCallsThanTheMinimumNeverOpenIt() {
        for (int i = 0; i < 19; i++) {
            breaker.recordTimeout();
        }
        assertThat(breaker.allowsRequests()).isTrue();
        breaker.recordTimeout();
        assertThat(breaker.allowsRequests()).isFalse();
        assertThat(breaker.state()).isEqualTo(RedisCircuitBreaker.State.OPEN);
        assertThat(breaker.openedCount()).isEqualTo(1);
    }

    @Test
    void anOutageOpensItAtTheRateThreshold() {
        for (int i = 0; i < 30; i++) {
            breaker.recordSuccess();
        }
        for (int i = 0; i < 29; i++) {
            breaker.recordTimeout();
        }
        assertThat(breaker.allowsRequests()).isTrue(); // 29 of 59
        breaker.recordTimeout();                         // 30 of 60 = 50 %
        assertThat(breaker.allowsRequests()).isFalse();
    }

    @Test
    void afterAProbeClosesItTheWindowStartsEmpty() {
        breaker.trip();
        assertThat(breaker.allowsRequests()).isFalse();
        int[] listenerRuns = new int[1];
        breaker.onClose(() -> listenerRuns[0]++);
        assertThat(breaker.beginProbe()).isTrue();
        assertThat(breaker.state()).isEqualTo(RedisCircuitBreaker.State.HALF_OPEN);
        breaker.probeSucceeded();
        assertThat(breaker.allowsRequests()).isTrue();
        assertThat(listenerRuns[0]).isEqualTo(1);
        assertThat(breaker.closedCount()).isEqualTo(1);

        for (int i = 0; i < 19; i++) {
            breaker.recordTimeout(); // the failures before the trip are forgotten: 19 < 20 calls
        }
        assertThat(breaker.allowsRequests()).isTrue();
    }

    @Test
    void consecutiveConnectionErrorsOpenItAtOnceButErrorsBetweenSuccessesDoNot() {
        breaker.recordError();
        breaker.recordError();
        breaker.recordSuccess();
        breaker.recordError();
        breaker.recordError();
        assertThat(breaker.allowsRequests()).isTrue();
        breaker.recordError();
        assertThat(breaker.allowsRequests()).isFalse();
    }

    @Test
    void aFailedProbeKeepsItOpen() {
        breaker.trip();
        assertThat(breaker.beginProbe()).isTrue();
        breaker.probeFailed();
        assertThat(breaker.state()).isEqualTo(RedisCircuitBreaker.State.OPEN);
        assertThat(breaker.beginProbe()).isTrue();
    }
}
