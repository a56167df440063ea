package io.dataguardian.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AdmissionGateTest {

    @Test
    void countsReadsOfAKeyAndNotOfOthers() {
        AdmissionGate gate = AdmissionGate.forBudget(DataSize.ofMegabytes(1).toBytes());
        assertThat(gate.record("a", 0)).isEqualTo(1);
        assertThat(gate.record("a", 0)).isEqualTo(2);
        assertThat(gate.record("a", 0)).isEqualTo(3);
        assertThat(gate.estimate("a")).isEqualTo(3);
        assertThat(gate.estimate("never read")).isZero();
    }

    @Test
    void countsSaturateAtFifteenAndHalveAfterThePeriod() {
        AdmissionGate gate = new AdmissionGate(1 << 16);
        for (int i = 0; i < 40; i++) {
            gate.record("hot", 0);
        }
        assertThat(gate.estimate("hot")).isEqualTo(15);
        // the period is 10 x the L1's entries, at least MIN_PERIOD reads: these fill it up
        for (int i = 40; i < AdmissionGate.MIN_PERIOD; i++) {
            gate.record("other-" + i, 100);
        }
        assertThat(gate.estimate("hot")).isEqualTo(7);
    }

    @Test
    void widthFollowsTheBudgetWithinBounds() {
        assertThat(AdmissionGate.forBudget(1).width()).isEqualTo(AdmissionGate.MIN_WIDTH);
        assertThat(AdmissionGate.forBudget(1_417_778).width()).isEqualTo(1 << 17); // the Zipf benchmark's L1
        assertThat(AdmissionGate.forBudget(DataSize.ofMegabytes(64).toBytes()).width()).isEqualTo(AdmissionGate.MAX_WIDTH);
        assertThatThrownBy(() -> new AdmissionGate(1000)).isInstanceOf(IllegalArgumentException.class);
    }

    /** L1 only (no Redis): a full L1 lets a loaded value in once its key is read often; one with room, at once. */
    @Test
    void aFullL1AdmitsOnlyKeysReadOftenRecently() {
        CacheProperties props = new CacheProperties();
        CacheProperties.Namespace small = new CacheProperties.Namespace(Duration.ofHours(1));
        small.setL1MaxSize(DataSize.ofKilobytes(8));
        props.getNamespaces().put("small", small);
        TwoTierCache cache = new TwoTierCache(props, new CacheCodec(), null);
        AtomicInteger loads = new AtomicInteger();

        // with room: the first read's value is kept
        cache.get("small", "o", "first", String.class, () -> value(loads));
        cache.get("small", "o", "first", String.class, () -> value(loads));
        assertThat(loads).hasValue(1);

        // fill it past the pressure mark with keys read often
        for (int key = 0; cache.namespace("small").l1WeightBytes() < TwoTierCache.PRESSURE * 8192; key++) {
            for (int read = 0; read < AdmissionGate.THRESHOLD; read++) {
                cache.get("small", "o", "hot-" + key, String.class, () -> value(loads));
            }
            cache.namespace("small").l1.cleanUp();
        }

        loads.set(0);
        cache.get("small", "o", "cold", String.class, () -> value(loads));
        cache.get("small", "o", "cold", String.class, () -> value(loads));
        assertThat(loads).as("read twice: loaded twice, kept out of the full L1").hasValue(2);
        assertThat(cache.namespace("small").stats.l1Declined()).isEqualTo(2);
        cache.get("small", "o", "cold", String.class, () -> value(loads));
        assertThat(loads).hasValue(3);
        // the third read's value passes the gate (Caffeine's own W-TinyLFU then decides whom it displaces)
        assertThat(cache.namespace("small").stats.l1Declined()).isEqualTo(2);
    }

    /** admission-gate: false: a full L1 hands every loaded value to Caffeine, which alone decides. */
    @Test
    void theGateCanBeSwitchedOffPerNamespace() {
        CacheProperties props = new CacheProperties();
        CacheProperties.Namespace open = new CacheProperties.Namespace(Duration.ofHours(1));
        open.setL1MaxSize(DataSize.ofKilobytes(8));
        open.setAdmissionGate(false);
        props.getNamespaces().put("open", open);
        TwoTierCache cache = new TwoTierCache(props, new CacheCodec(), null);
        AtomicInteger loads = new AtomicInteger();
        for (int key = 0; cache.namespace("open").l1WeightBytes() < TwoTierCache.PRESSURE * 8192; key++) {
            cache.get("open", "o", "k-" + key, String.class, () -> value(loads));
            cache.namespace("open").l1.cleanUp();
        }
        for (int key = 0; key < 50; key++) {
            cache.get("open", "o", "cold-" + key, String.class, () -> value(loads));
        }
        assertThat(cache.namespace("open").gate).isNull();
        assertThat(cache.namespace("open").stats.l1Declined()).isZero();
    }

    private static String value(AtomicInteger loads) {
        loads.incrementAndGet();
        return "x".repeat(200);
    }
}
