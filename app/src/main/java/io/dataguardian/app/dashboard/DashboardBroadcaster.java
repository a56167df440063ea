package io.dataguardian.app.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's single sampling loop: every {@link #PERIOD} one thread takes one snapshot and sends the same
 * event to every open stream. A hundred administrators watching cost one sample per tick, and nobody watching
 * costs nothing (the tick returns at once). A stream leaves the set on completion, timeout or a failed send.
 */
public class DashboardBroadcaster implements SmartLifecycle {

    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration MAX_STREAM = Duration.ofMinutes(30);
    static final String EVENT = "snapshot";

    private static final Logger log = LoggerFactory.getLogger(DashboardBroadcaster.class);

    private final Supplier<DashboardSnapshot> sampler;
    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final AtomicLong samples = new AtomicLong();
    private volatile DashboardSnapshot last;
    private ScheduledExecutorService ticker;

    public DashboardBroadcaster(Supplier<DashboardSnapshot> sampler) {
        this.sampler = sampler;
    }

    /** Opens a stream; it receives the latest snapshot at once when there is one, then one per tick. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
        register(emitter);
        DashboardSnapshot current = last;
        if (current != null) {
            send(emitter, current);
        }
        return emitter;
    }

    void register(SseEmitter emitter) {
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
    }

    /** One tick of the loop: one sample, sent to every subscriber. Public for tests; the ticker calls it. */
    public void tick() {
        if (emitters.isEmpty()) {
            return;
        }
        DashboardSnapshot snapshot;
        try {
            snapshot = sampler.get();
        } catch (RuntimeException e) {
            log.debug("dashboard sample failed: {}", e.toString());
            return;
        }
        samples.incrementAndGet();
        last = snapshot;
        for (SseEmitter emitter : emitters) {
            send(emitter, snapshot);
        }
    }

    private void send(SseEmitter emitter, DashboardSnapshot snapshot) {
        try {
            emitter.send(SseEmitter.event().name(EVENT).id(Long.toString(snapshot.time())).data(snapshot));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter); // the viewer went away
        }
    }

    public int subscribers() {
        return emitters.size();
    }

    /** Snapshots taken since start: one per tick with at least one viewer. */
    public long samplesTaken() {
        return samples.get();
    }

    public DashboardSnapshot lastSnapshot() {
        return last;
    }

    @Override
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dataguardian-dashboard");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
