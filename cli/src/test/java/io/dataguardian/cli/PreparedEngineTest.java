package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.scan.ScanEngine;
import org.junit.jupiter.api.Test;

class PreparedEngineTest {

    @Test
    void everyCallerGetsTheOneEngineBuiltInTheBackground() {
        PreparedEngine supplier = new PreparedEngine();
        ScanEngine engine = supplier.get();
        assertThat(supplier.get()).isSameAs(engine);
        assertThat(engine.extractors()).isNotEmpty();
    }
}
