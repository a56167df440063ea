package io.dataguardian.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NodeCapacityTest {

    private final AtomicReference<NodeCapacity.Headroom> measured = new AtomicReference<>(new NodeCapacity.Headroom(0.9, 0.9));
    private final AtomicInteger collections = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();

    private NodeCapacity capacity(double minHeadroom) {
        ScanJobProperties props = new ScanJobProperties(null, null, null, null, null, null, null, null, null,
                minHeadroom, Duration.ofMinutes(2), null, null, null);
        return new NodeCapacity(props, measured::get, collections::incrementAndGet, now::get);
    }

    @Test
    void roomyNodeTakesTheJob() {
        assertThat(capacity(0.2).shortage(Duration.ZERO)).isNull();
    }

    @Test
    void busyCpuDefersAFreshJobButNotOneQueuedPastThePatience() {
        measured.set(new NodeCapacity.Headroom(0.9, 0.05));
        NodeCapacity capacity = capacity(0.2);
        assertThat(capacity.shortage(Duration.ofSeconds(10))).contains("cpu 5%");
        assertThat(capacity.shortage(Duration.ofMinutes(2))).isNull();
        assertThat(collections).hasValue(0);
    }

    @Test
    void fullHeapWaitsWhateverTheQueueTimeAndIsCollectedAtMostOncePerInterval() {
        measured.set(new NodeCapacity.Headroom(0.1, 0.9));
        NodeCapacity capacity = capacity(0.2);
        assertThat(capacity.shortage(Duration.ofHours(1))).contains("heap 10%");
        assertThat(capacity.shortage(Duration.ofHours(1))).isNotNull();
        assertThat(collections).as("one forced collection for two checks close together").hasValue(1);
        now.addAndGet(NodeCapacity.GC_INTERVAL.toNanos());
        capacity.shortage(Duration.ZERO);
        assertThat(collections).hasValue(2);
    }

    @Test
    void heapThatWasGarbageIsFreeAfterTheCollection() {
        measured.set(new NodeCapacity.Headroom(0.1, 0.9));
        NodeCapacity capacity = new NodeCapacity(new ScanJobProperties(null, null, null, null, null, null, null, null,
                null, 0.2, null, null, null, null), measured::get,
                () -> measured.set(new NodeCapacity.Headroom(0.8, 0.9)), now::get);
        assertThat(capacity.shortage(Duration.ZERO)).isNull();
    }

    @Test
    void zeroDisablesTheCheck() {
        measured.set(new NodeCapacity.Headroom(0.0, 0.0));
        assertThat(capacity(0).shortage(Duration.ZERO)).isNull();
        assertThat(collections).hasValue(0);
    }
}
