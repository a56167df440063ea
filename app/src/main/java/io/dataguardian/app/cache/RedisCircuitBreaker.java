package io.dataguardian.app.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed: Redis is used. Opens when, over a sliding time window, at least {@code minimumCalls} Redis calls
 * were made and at least {@code failureRate} of them failed (errors and timeouts alike), or at once after
 * {@code errorThreshold} consecutive errors that are not timeouts (connection refused or lost, commands
 * rejected while disconnected: Redis is gone, not slow); while open no request touches Redis. A background probe (not a request) tries it, half-open while it does, and closes
 * the breaker when Redis answers. Listeners hear of each close so the cache can replay deletes and drop L1
 * entries that may have missed invalidations while Redis was unreachable.
 *
 * <p>A rate over a window rather than a few consecutive failures: on a saturated client (hundreds of
 * request threads on two cores) a handful of commands miss the tens-of-milliseconds timeout together now
 * and then while Redis is healthy, and opening on those made the breaker flap. A stopped Redis fails every
 * call at once with a connection error, which opens the breaker after {@code errorThreshold} calls; a hung
 * one times every call out, which opens it after {@code minimumCalls}. {@link #trip()} opens at once, for a failure that must keep requests off Redis
 * (an administrator, a test).
 */
public final class RedisCircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final int BUCKETS = 10;

    private final int errorThreshold;
    private final java.util.concurrent.atomic.AtomicInteger consecutiveErrors = new java.util.concurrent.atomic.AtomicInteger();
    private final int minimumCalls;
    private final double failureRate;
    private final long bucketNanos;
    /** Per bucket: the bucket's epoch (time / bucket length), its calls and its failures. */
    private final AtomicLongArray epochs = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray calls = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray failures = new AtomicLongArray(BUCKETS);
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

    /**
     * @param errorThreshold consecutive errors other than timeouts that open the breaker at once
     * @param minimumCalls calls within the window before the rate counts (at least 1)
     * @param failureRate share of failed calls in the window that opens the breaker (0 &lt; rate &lt;= 1)
     * @param window length of the sliding window (ten buckets)
     */
    public RedisCircuitBreaker(int errorThreshold, int minimumCalls, double failureRate, Duration window) {
        this.errorThreshold = Math.max(1, errorThreshold);
        this.minimumCalls = Math.max(1, minimumCalls);
        this.failureRate = Math.min(1.0, Math.max(0.01, failureRate));
        this.bucketNanos = Math.max(1_000_000L, window.toNanos() / BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            epochs.set(i, Long.MIN_VALUE);
        }
    }

    /** Whether a request may use Redis now. */
    public boolean allowsRequests() {
        return state.get() == State.CLOSED;
    }

    public State state() {
        return state.get();
    }

    public void recordSuccess() {
        consecutiveErrors.set(0);
        count(false);
    }

    /** A call over the timeout: opens the breaker if the window's failure rate is reached. */
    public void recordTimeout() {
        count(true);
        if (state.get() == State.CLOSED && rateReached()) {
            open();
        }
    }

    /** A call that failed otherwise (connection refused, lost, rejected): also counts towards the threshold of consecutive errors. */
    public void recordError() {
        count(true);
        if (state.get() == State.CLOSED && (consecutiveErrors.incrementAndGet() >= errorThreshold || rateReached())) {
            open();
        }
    }

    /** Opens at once, whatever the window says. */
    public void trip() {
        open();
    }

    private void open() {
        if (state.compareAndSet(State.CLOSED, State.OPEN)) {
            opened.incrementAndGet();
        }
    }

    private void count(boolean failed) {
        long epoch = System.nanoTime() / bucketNanos;
        int i = (int) Math.floorMod(epoch, (long) BUCKETS);
        long seen = epochs.get(i);
        if (seen != epoch && epochs.compareAndSet(i, seen, epoch)) {
            // this thread moved the bucket on: start it empty (a call racing with the reset may be lost: statistics)
            calls.set(i, 0);
            failures.set(i, 0);
        }
        calls.incrementAndGet(i);
        if (failed) {
            failures.incrementAndGet(i);
        }
    }

    private boolean rateReached() {
        long now = System.nanoTime() / bucketNanos;
        long c = 0;
        long f = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long epoch = epochs.get(i);
            if (epoch > now - BUCKETS && epoch <= now) {
                c += calls.get(i);
                f += failures.get(i);
            }
        }
        return c >= minimumCalls && f >= failureRate * c;
    }

    private void resetWindow() {
        for (int i = 0; i < BUCKETS; i++) {
            epochs.set(i, Long.MIN_VALUE);
            calls.set(i, 0);
            failures.set(i, 0);
        }
    }

    /** Called by the probe: true when it should try Redis now (and is then half-open). */
    boolean beginProbe() {
        return state.compareAndSet(State.OPEN, State.HALF_OPEN);
    }

    /**
     * Redis answered the probe. The close listeners run first, while requests still keep off Redis, so
     * L1 is already cleared and missed invalidations replayed when traffic returns; if one throws, the
     * breaker stays open and the next probe tries again. The window starts empty after a close.
     */
    void probeSucceeded() {
        if (state.get() != State.HALF_OPEN) {
            return;
        }
        onClose.forEach(Runnable::run);
        resetWindow();
        consecutiveErrors.set(0);
        if (state.compareAndSet(State.HALF_OPEN, State.CLOSED)) {
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
