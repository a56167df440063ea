package io.dataguardian.app.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.Session;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Session meters: {@code dataguardian.sessions.active}, {@code .users} (distinct users online), {@code .peak} (highest
 * active count this node has seen) — sampled from the shared store once a minute, so every node shows the cluster's
 * figure — and {@code dataguardian.sessions.duration{end}}, login to end, for the ends this application causes
 * (logout, revoked, evicted by the per-user limit, absolute lifetime). Idle expiry happens inside the store and is
 * not timed. Logins and failures are {@code dataguardian.auth.logins{outcome}} (account.SecurityAudit).
 */
public class SessionMetrics {

    private static final Logger log = LoggerFactory.getLogger(SessionMetrics.class);

    private final SessionStore store;
    private final MeterRegistry meters;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong users = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public SessionMetrics(SessionStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
        Gauge.builder("dataguardian.sessions.active", active, AtomicLong::get).description("Live sessions in the store")
                .tag("store", store.kind()).register(meters);
        Gauge.builder("dataguardian.sessions.users", users, AtomicLong::get).description("Distinct users with a session")
                .tag("store", store.kind()).register(meters);
        Gauge.builder("dataguardian.sessions.peak", peak, AtomicLong::get).description("Highest active count seen")
                .tag("store", store.kind()).register(meters);
    }

    /** Reads the counts from the store (scheduled once a minute; also called by tests). */
    public SessionStore.Counts refresh() {
        try {
            SessionStore.Counts counts = store.count();
            active.set(counts.sessions());
            users.set(counts.users());
            peak.accumulateAndGet(counts.sessions(), Math::max);
            return counts;
        } catch (RuntimeException ex) {
            log.warn("Could not count sessions: {}", ex.toString());
            return new SessionStore.Counts(active.get(), users.get());
        }
    }

    public void ended(Session session, String end) {
        Long loginAt = session.getAttribute(SessionAttributes.LOGIN_AT);
        if (loginAt != null) {
            ended(loginAt, end);
        }
    }

    public void ended(long loginAtMillis, String end) {
        Timer.builder("dataguardian.sessions.duration").description("Login to end of a session")
                .tag("end", end).register(meters)
                .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - loginAtMillis)));
    }
}
