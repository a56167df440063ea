package io.dataguardian.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password checks beyond the permits wait their turn; one that cannot get a turn in time is "busy", not "wrong". */
class BoundedPasswordEncoderTest {

    /** Holds every check until released, and says how many ran at once. */
    static final class GatedEncoder implements PasswordEncoder {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            return "x" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return encoded.equals("x" + raw);
        }
    }

    @Test
    void aCheckBeyondThePermitsWaitsThenIsBusy() throws Exception {
        GatedEncoder gated = new GatedEncoder();
        BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(gated, 1, Duration.ofMillis(200));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = pool.submit(() -> encoder.matches("pw", "xpw"));
            assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> encoder.matches("pw", "xpw")).isInstanceOf(LoginBusyException.class);
            gated.release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(encoder.matches("pw", "xpw")).as("the permit came back").isTrue();
            assertThat(encoder.matches("pw", "xother")).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}
