package io.dataguardian.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ring buffers, recommendations and alert history stay bounded; recommendations are de-duplicated. */
class MonitorBoundsTest {

    @Test
    void ringBufferKeepsTheNewestElementsOnly() {
        RingBuffer<Integer> buffer = new RingBuffer<>(720);
        for (int i = 0; i < 2000; i++) {
            buffer.add(i);
        }
        assertThat(buffer.size()).isEqualTo(720);
        assertThat(buffer.snapshot()).hasSize(720).startsWith(1280).endsWith(1999);
        assertThat(buffer.latest(3)).containsExactly(1997, 1998, 1999);
        assertThat(buffer.last()).isEqualTo(1999);
    }

    @Test
    void resourceSamplerHistoryIsBounded() {
        ResourceSampler sampler = new ResourceSampler(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), 5, ".");
        for (int i = 0; i < 12; i++) {
            sampler.sample();
        }
        assertThat(sampler.samples().snapshot()).hasSize(5);
        ResourceSample last = sampler.samples().last();
        assertThat(last.heapUsed()).isPositive();
        assertThat(last.threads()).isPositive();
        assertThat(last.gcTimeRatio()).isBetween(0.0, 1.0);
    }

    @Test
    void recommendationsAreDeduplicatedAndBounded() {
        Recommendations recommendations = new Recommendations(5);
        for (int round = 0; round < 10; round++) {
            List<Check> checks = new ArrayList<>();
            // the same pool check every round, with new numbers
            checks.add(check("pool-pending", "pool", 3 + round));
            // a new slow operation every round
            checks.add(check("slow-operation", "scan.op" + round, 2));
            recommendations.update(checks, 1000L * round);
        }
        List<Recommendation> current = recommendations.current();
        assertThat(current).hasSize(5);
        assertThat(current).extracting(Recommendation::key).doesNotHaveDuplicates();
        Recommendation pool = current.stream().filter(r -> r.category().equals("pool-pending")).findFirst().orElseThrow();
        assertThat(pool.occurrences()).isEqualTo(10);
        assertThat(pool.evidence()).containsEntry("value", 12.0);
        assertThat(pool.firstSeen()).isZero();
        assertThat(pool.lastSeen()).isEqualTo(9000);
        assertThat(current).extracting(Recommendation::subject).contains("scan.op9", "scan.op8").doesNotContain("scan.op0");
    }

    @Test
    void recommendationsStayButTurnInactiveWhenTheCheckRecovers() {
        Recommendations recommendations = new Recommendations(5);
        recommendations.update(List.of(check("heap", "jvm", 0.9)), 1);
        recommendations.update(List.of(check("heap", "jvm", 0.5)), 2);
        assertThat(recommendations.current()).singleElement().satisfies(r -> {
            assertThat(r.active()).isFalse();
            assertThat(r.evidence()).containsEntry("value", 0.9);
        });
    }

    @Test
    void alertHysteresisAndBoundedHistory() {
        AlertTracker alerts = new AlertTracker(3, 0.10, 4);
        double[] values = {1.5, 1.5, 0.5, 1.5, 1.5, 1.5, // a dip restarts the count: fires at the 6th
                0.95, 0.95, 0.95, 0.95, // under the threshold but not under 0.9: stays firing
                0.8, 0.8, 1.2, 0.8, 0.8, 0.8}; // resolves after 3 consecutive under 0.9
        List<String> states = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            alerts.evaluate(List.of(check("heap", "jvm", values[i], 1.0)), i);
            states.add(alerts.active().isEmpty() ? "ok" : "firing");
        }
        assertThat(states).containsExactly("ok", "ok", "ok", "ok", "ok", "firing", "firing", "firing", "firing",
                "firing", "firing", "firing", "firing", "firing", "firing", "ok");
        assertThat(alerts.history()).extracting(AlertTransition::state).containsExactly("FIRING", "RESOLVED");
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 3; i++) {
                alerts.evaluate(List.of(check("heap", "jvm", 2, 1.0)), 100 + round * 10 + i);
            }
            for (int i = 0; i < 3; i++) {
                alerts.evaluate(List.of(check("heap", "jvm", 0, 1.0)), 105 + round * 10 + i);
            }
        }
        assertThat(alerts.history()).hasSize(4);
    }

    @Test
    void anAlertWhoseSubjectDisappearsResolves() {
        AlertTracker alerts = new AlertTracker(2, 0.10, 10);
        alerts.evaluate(List.of(check("slow-operation", "scan.x", 3, 1)), 1);
        alerts.evaluate(List.of(check("slow-operation", "scan.x", 3, 1)), 2);
        assertThat(alerts.active()).hasSize(1);
        alerts.evaluate(List.of(), 3);
        alerts.evaluate(List.of(), 4);
        assertThat(alerts.active()).isEmpty();
        assertThat(alerts.history()).extracting(AlertTransition::state).containsExactly("FIRING", "RESOLVED");
    }

    private static Check check(String category, String subject, double value) {
        return check(category, subject, value, 0.8);
    }

    private static Check check(String category, String subject, double value, double threshold) {
        return new Check(category + ":" + subject, category, subject, Severity.MEDIUM, value, threshold, "x",
                Map.of("value", value), "advice " + value);
    }
}
