package io.dataguardian.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Many administrators watching cost one sample per tick; viewers that go away leave the set. */
class DashboardBroadcasterTest {

    private final AtomicInteger samples = new AtomicInteger();
    private final Supplier<DashboardSnapshot> sampler = () -> {
        samples.incrementAndGet();
        return new DashboardSnapshot(System.currentTimeMillis(), 1.0, 2.0, 1, 2, 0, 10, 0.9, 5, Map.of("scans", 0.9),
                null, null, 100, 1000L, 0.1, 0.2, 0.3, 0.0, 5.0, 1.0, 2.0, 3.0, null, null, null, 0.0, 0);
    };

    static final class CountingEmitter extends SseEmitter {
        final AtomicInteger sent = new AtomicInteger();
        volatile boolean broken;

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (broken) {
                throw new IOException("client went away");
            }
            sent.incrementAndGet();
        }
    }

    @Test
    void oneSamplePerTickWhateverTheNumberOfViewers() {
        DashboardBroadcaster broadcaster = new DashboardBroadcaster(sampler);
        CountingEmitter[] viewers = new CountingEmitter[25];
        for (int i = 0; i < viewers.length; i++) {
            viewers[i] = new CountingEmitter();
            broadcaster.register(viewers[i]);
        }
        for (int tick = 0; tick < 3; tick++) {
            broadcaster.tick();
        }
        assertThat(samples).hasValue(3);
        assertThat(broadcaster.samplesTaken()).isEqualTo(3);
        for (CountingEmitter v : viewers) {
            assertThat(v.sent).hasValue(3);
        }
    }

    @Test
    void nobodyWatchingCostsNothingAndGoneViewersAreDropped() {
        DashboardBroadcaster broadcaster = new DashboardBroadcaster(sampler);
        broadcaster.tick();
        assertThat(samples).hasValue(0);

        CountingEmitter stays = new CountingEmitter();
        CountingEmitter leaves = new CountingEmitter();
        broadcaster.register(stays);
        broadcaster.register(leaves);
        leaves.broken = true;
        broadcaster.tick();
        assertThat(broadcaster.subscribers()).isEqualTo(1);
        broadcaster.tick();
        assertThat(samples).hasValue(2);
        assertThat(stays.sent).hasValue(2);
    }

    @Test
    void aNewViewerGetsTheLatestSnapshotWithoutAnExtraSample() {
        DashboardBroadcaster broadcaster = new DashboardBroadcaster(sampler);
        broadcaster.register(new CountingEmitter());
        broadcaster.tick();
        broadcaster.subscribe();
        assertThat(samples).hasValue(1);
        assertThat(broadcaster.subscribers()).isEqualTo(2);
    }

    @Test
    void latencyPercentilesComeFromTheRequestsOfTheInterval() {
        Map<Double, Double> before = Map.of(1.0, 100.0, 10.0, 100.0, 100.0, 100.0);
        Map<Double, Double> after = Map.of(1.0, 100.0, 10.0, 190.0, 100.0, 200.0);
        Double[] p = DashboardSampler.intervalPercentiles(before, after);
        assertThat(p).containsExactly(10.0, 100.0, 100.0);
        assertThat(DashboardSampler.intervalPercentiles(after, after)).containsExactly(null, null, null);
    }
}
