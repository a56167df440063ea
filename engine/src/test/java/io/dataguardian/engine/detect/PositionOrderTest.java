package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionOrderTest {

    /** What the scanner sorted with before: start ascending, then end descending, stable. */
    private static List<Integer> reference(int[] starts, int[] ends, int n) {
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            idx.add(k);
        }
        idx.sort(Comparator.comparingInt((Integer k) -> starts[k]).thenComparingInt(k -> -ends[k]));
        return idx;
    }

    private static List<Integer> actual(int[] order, int n) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(order == null ? k : order[k]);
        }
        return out;
    }

    @Test
    void ordersLikeTheStableComparatorSortWithTiesAndNearlySortedRuns() {
        Random r = new Random(42);
        for (int round = 0; round < 2000; round++) {
            int n = r.nextInt(40);
            int span = 1 + r.nextInt(round % 2 == 0 ? 8 : 300_000); // small spans: many equal starts and ends
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int k = 0; k < n; k++) {
                starts[k] = round % 3 == 0 ? k * span / Math.max(1, n) : r.nextInt(span); // some in order
                ends[k] = starts[k] + 1 + r.nextInt(span);
            }
            assertThat(actual(PositionOrder.order(starts, ends, n), n))
                    .as("round %d", round).containsExactlyElementsOf(reference(starts, ends, n));
            assertThat(actual(PositionOrder.fallback(starts, ends, n), n))
                    .containsExactlyElementsOf(reference(starts, ends, n));
        }
    }

    @Test
    void positionsTooLargeForAKeyFallBackToTheSameOrder() {
        int big = PositionOrder.KEY_LIMIT + 5;
        int[] starts = {big, 3, big, 3};
        int[] ends = {big + 2, 9, big + 7, 9};
        assertThat(actual(PositionOrder.order(starts, ends, 4), 4)).containsExactly(1, 3, 2, 0);
    }
}
