package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void parsesBinaryUnits() {
        assertThat(Sizes.parse("1048576")).isEqualTo(1_048_576L);
        assertThat(Sizes.parse("512KB")).isEqualTo(512L << 10);
        assertThat(Sizes.parse("10 MiB")).isEqualTo(10L << 20);
        assertThat(Sizes.parse("2g")).isEqualTo(2L << 30);
        assertThat(Sizes.parse("1.5m")).isEqualTo(3L << 19);
        assertThatThrownBy(() -> Sizes.parse("ten")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid size 'ten'");
        assertThatThrownBy(() -> Sizes.parse("0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsWithOneDecimal() {
        assertThat(Sizes.format(6)).isEqualTo("6 B");
        assertThat(Sizes.format(1024)).isEqualTo("1.0 KiB");
        assertThat(Sizes.format(41L * 1024 * 1024 + 100 * 1024)).isEqualTo("41.1 MiB");
        assertThat(Sizes.format(200L << 20)).isEqualTo("200.0 MiB");
        assertThat(Sizes.format(3L << 40)).isEqualTo("3.0 TiB");
    }

    /** oneDecimal replaces printf's %.1f in the CLI's summary: the same text for every value, ties included. */
    @Test
    void oneDecimalIsPrintfsOneDecimal() {
        double[] fixed = {0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.25, 2.5, 9.95, 99.95, 0.049999, 1e-9, 123456789.95,
            1e20, -1.25, -0.05, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (double v : fixed) {
            assertThat(Sizes.oneDecimal(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double v = i % 2 == 0 ? random.nextDouble() * 1000 : random.nextInt(100_000) / 1000.0;
            assertThat(Sizes.oneDecimal(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
    }
}
