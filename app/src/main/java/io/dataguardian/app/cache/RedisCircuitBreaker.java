package io.dataguardian.app.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed: Redis is used. After {@code threshold} consecutive failures, or one timeout: open, and no request touches
 * Redis; a background probe (not a request) tries it, half-open while it does, and closes the breaker
 * when Redis answers. Listeners hear of each close so the cache can drop L1 entries that may have
 * missed invalidations while Redis was unreachable.
 */
public final class RedisCircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

    public RedisCircuitBreaker(int threshold) {
        this.threshold = Math.max(1, threshold);
    }

    /** Whether a request may use Redis now. */
    public boolean allowsRequests() {
        return state.get() == State.CLOSED;
    }

    public State state() {
        return state.get();
    }

    public void recordSuccess() {
        consecutiveFailures.set(0);
    }

    /** A timeout has already cost a request the whole budget: open at once, so no one pays it twice. */
    public void recordTimeout() {
        consecutiveFailures.set(threshold);
        if (state.compareAndSet(State.CLOSED, State.OPEN)) {
            opened.incrementAndGet();
        }
    }

    public void recordFailure() {
        if (consecutiveFailures.incrementAndGet() >= threshold && state.compareAndSet(State.CLOSED, State.OPEN)) {
            opened.incrementAndGet();
        }
    }

    /** Called by the probe: true when it should try Redis now (and is then half-open). */
    boolean beginProbe() {
        return state.compareAndSet(State.OPEN, State.HALF_OPEN);
    }

    /**
     * Redis answered the probe. The close listeners run first, while requests still keep off Redis, so
     * L1 is already cleared and missed invalidations replayed when traffic returns; if one throws, the
     * breaker stays open and the next probe tries again.
     */
    void probeSucceeded() {
        if (state.get() != State.HALF_OPEN) {
            return;
        }
        onClose.forEach(Runnable::run);
        if (state.compareAndSet(State.HALF_OPEN, State.CLOSED)) {
            consecutiveFailures.set(0);
            closed.incrementAndGet();
        }
    }

    void probeFailed() {
        state.compareAndSet(State.HALF_OPEN, State.OPEN);
    }

    public void onClose(Runnable listener) {
        onClose.add(listener);
    }

    /** Times the breaker opened since start. */
    public long openedCount() {
        return opened.get();
    }

    /** Times the breaker closed again after being open. */
    public long closedCount() {
        return closed.get();
    }
}
