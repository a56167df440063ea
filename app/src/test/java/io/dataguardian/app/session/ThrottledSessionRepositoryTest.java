package io.dataguardian.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/**
 * Which requests write the session back (Spring Session's own in-memory repository underneath, counting its saves):
 * a request that only touched the session is not written until the write interval has passed; every real change is.
 */
class ThrottledSessionRepositoryTest {

    static final class CountingRepository extends MapSessionRepository {
        int saves;

        CountingRepository() {
            super(new ConcurrentHashMap<>());
        }

        @Override
        public void save(MapSession session) {
            saves++;
            super.save(session);
        }
    }

    final CountingRepository store = new CountingRepository();
    final PendingActivity activity = new PendingActivity(3, Duration.ofMinutes(5));
    final ThrottledSessionRepository<MapSession> sessions =
            new ThrottledSessionRepository<>(store, activity, Duration.ofSeconds(30));

    private String signedInSession(Instant at) {
        ThrottledSessionRepository.TrackedSession s = sessions.createSession();
        s.setLastAccessedTime(at);
        s.setAttribute(SessionAttributes.LOGIN_AT, at.toEpochMilli());
        sessions.save(s);
        return s.getId();
    }

    /** What SessionRepositoryFilter does on every request: load, stamp the access time, save. */
    private ThrottledSessionRepository.TrackedSession request(String id, Instant at) {
        ThrottledSessionRepository.TrackedSession s = sessions.findById(id);
        s.setLastAccessedTime(at);
        return s;
    }

    @Test
    void aNewSessionIsWritten() {
        signedInSession(Instant.now());
        assertThat(store.saves).isEqualTo(1);
    }

    @Test
    void requestsThatOnlyTouchTheSessionAreWrittenOncePerInterval() {
        Instant t0 = Instant.now();
        String id = signedInSession(t0);
        for (int second = 1; second < 30; second++) {
            sessions.save(request(id, t0.plusSeconds(second)));
        }
        assertThat(store.saves).as("29 requests within 30 s").isEqualTo(1);
        sessions.save(request(id, t0.plusSeconds(30)));
        assertThat(store.saves).isEqualTo(2);
        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(t0.plusSeconds(30));
        sessions.save(request(id, t0.plusSeconds(31)));
        assertThat(store.saves).as("the interval counts from the last write").isEqualTo(2);
    }

    @Test
    void anyRealChangeIsWrittenAtOnce() {
        Instant t0 = Instant.now();
        String id = signedInSession(t0);
        ThrottledSessionRepository.TrackedSession s = request(id, t0.plusSeconds(1));
        s.setAttribute("_csrf", "token");
        sessions.save(s);
        assertThat(store.saves).isEqualTo(2);
        assertThat((String) store.findById(id).getAttribute("_csrf")).isEqualTo("token");

        s = request(id, t0.plusSeconds(2));
        String newId = s.changeSessionId();
        sessions.save(s);
        assertThat(store.saves).isEqualTo(3);
        assertThat(store.findById(newId)).isNotNull();

        s = request(newId, t0.plusSeconds(3));
        s.removeAttribute("_csrf");
        sessions.save(s);
        assertThat(store.saves).isEqualTo(4);
    }

    @Test
    void pendingActionsRideAlongWithTheNextWriteNewestKept() {
        Instant t0 = Instant.now();
        String id = signedInSession(t0);
        for (int i = 1; i <= 4; i++) {
            activity.record(id, t0.plusSeconds(i).toEpochMilli(), "GET /api/scans/" + i);
            sessions.save(request(id, t0.plusSeconds(i)));
        }
        assertThat((List<String>) store.findById(id).getAttribute(SessionAttributes.RECENT_ACTIONS)).isNull();
        assertThat(activity.peek(id).actions()).containsExactly("GET /api/scans/2", "GET /api/scans/3", "GET /api/scans/4");

        activity.record(id, t0.plusSeconds(40).toEpochMilli(), "GET /api/scans/5");
        sessions.save(request(id, t0.plusSeconds(40)));
        assertThat((List<String>) store.findById(id).getAttribute(SessionAttributes.RECENT_ACTIONS))
                .containsExactly("GET /api/scans/3", "GET /api/scans/4", "GET /api/scans/5");
        assertThat(activity.peek(id)).as("drained").isNull();
    }

    @Test
    void mergeKeepsTheNewest() {
        assertThat(PendingActivity.merge(new ArrayList<>(List.of("a", "b")), List.of("c", "d"), 3)).containsExactly("b", "c", "d");
        assertThat(PendingActivity.merge(null, List.of("c"), 3)).containsExactly("c");
    }

    @Test
    void deletingForgetsPendingActivity() {
        String id = signedInSession(Instant.now());
        activity.record(id, System.currentTimeMillis(), "GET /");
        sessions.deleteById(id);
        assertThat(store.findById(id)).isNull();
        assertThat(activity.peek(id)).isNull();
    }
}
