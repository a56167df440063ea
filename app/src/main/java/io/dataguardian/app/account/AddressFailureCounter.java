package io.dataguardian.app.account;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * Failed logins per client address shared by every node through Redis: {@code INCR} of
 * {@code <prefix>:auth:fail:<address>} and, on the window's first failure, {@code PEXPIRE} of the window — one
 * script, so one round trip and no key left without an expiry. A fixed window per address, like the in-memory one.
 * Any Redis failure is thrown to the caller ({@link LoginThrottle} falls back to its own memory).
 */
public class AddressFailureCounter {

    private static final DefaultRedisScript<Long> INCREMENT = new DefaultRedisScript<>(
            "local n = redis.call('INCR', KEYS[1]) "
                    + "if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
                    + "return n", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    public AddressFailureCounter(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + ":auth:fail:";
    }

    /** Counts one failure; answers the address's failures in the current window. */
    public long increment(String address, Duration window) {
        Long n = redis.execute(INCREMENT, List.of(prefix + address), Long.toString(Math.max(1, window.toMillis())));
        return n == null ? 0 : n;
    }

    /** The address's failures in the current window. */
    public long failures(String address) {
        String v = redis.opsForValue().get(prefix + address);
        return v == null ? 0 : Long.parseLong(v);
    }
}
