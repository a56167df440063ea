package io.dataguardian.app.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * What Spring Session's filter talks to: the store's repository (Redis indexed or JDBC) minus the write that every
 * request would otherwise make. Spring Session stamps the last-access time on every request and so saves the session
 * every time — with the indexed Redis repository that is HMSET plus 4-6 expiry-bookkeeping commands (SADD/SREM of the
 * minute set, EXPIRE, APPEND, PEXPIRE) after the HGETALL that loaded it. Here a loaded session is written only when
 * something real changed (attribute, id, timeout: login, CSRF token, logout) or when its stored last-access time is
 * {@code writeInterval} old; otherwise the request costs the single read. The pending activity
 * ({@link PendingActivity}) rides along with those writes.
 *
 * <p>Consequences: "last seen" and the store's idle expiry lag by at most {@code writeInterval} (a session can end
 * that much before a full idle timeout); nothing else changes — every write that carries data is still made, and
 * made before the response is committed.
 */
final class ThrottledSessionRepository<S extends Session> implements SessionRepository<ThrottledSessionRepository.TrackedSession> {

    private final SessionRepository<S> delegate;
    private final PendingActivity activity;
    private final Duration writeInterval;

    ThrottledSessionRepository(SessionRepository<S> delegate, PendingActivity activity, Duration writeInterval) {
        this.delegate = delegate;
        this.activity = activity;
        this.writeInterval = writeInterval;
    }

    @Override
    public TrackedSession createSession() {
        TrackedSession s = new TrackedSession(delegate.createSession());
        s.changed = true;
        return s;
    }

    @Override
    public TrackedSession findById(String id) {
        S s = delegate.findById(id);
        return s == null ? null : new TrackedSession(s);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void save(TrackedSession session) {
        if (!session.mustWrite(writeInterval)) {
            return;
        }
        if (session.getAttribute(SessionAttributes.LOGIN_AT) != null) {
            PendingActivity.Entry pending = activity.drain(session.getId());
            if (pending != null && !pending.actions().isEmpty()) {
                List<String> stored = session.getAttribute(SessionAttributes.RECENT_ACTIONS);
                session.delegate.setAttribute(SessionAttributes.RECENT_ACTIONS,
                        PendingActivity.merge(stored, pending.actions(), activity.maxActions()));
            }
        }
        delegate.save((S) session.delegate);
        session.written();
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
        activity.forget(id);
    }

    /** The store's session, noting whether anything beyond the last-access time changed since it was loaded. */
    static final class TrackedSession implements Session {

        private final Session delegate;
        private Instant storedLastAccess;
        private boolean changed;

        TrackedSession(Session delegate) {
            this.delegate = delegate;
            this.storedLastAccess = delegate.getLastAccessedTime();
        }

        boolean mustWrite(Duration interval) {
            return changed || Duration.between(storedLastAccess, delegate.getLastAccessedTime()).compareTo(interval) >= 0;
        }

        void written() {
            changed = false;
            storedLastAccess = delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            delegate.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            delegate.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(delegate.getMaxInactiveInterval())) {
                changed = true;
            }
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
