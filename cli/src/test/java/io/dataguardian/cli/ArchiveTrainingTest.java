package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.scan.ScanEngine;
import io.dataguardian.engine.scan.ScanRequest;
import io.dataguardian.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive-dumping run's made-up documents: each is a valid document of its kind (a broken one would train
 * nothing, silently), they hold no identifier but the reserved example.invalid addresses, and the run leaves
 * nothing behind.
 */
class ArchiveTrainingTest {

    @Test
    void everySampleIsReadWithoutErrorAndHoldsNoIdentifier(@TempDir Path dir) throws IOException {
        ArchiveTraining.writeSamples(dir);
        DetectionSettings settings = new DetectionSettings(new byte[32], Set.of(), List.of(), Set.of());
        try (ScanResult result = new ScanEngine().scan(ScanRequest.builder(settings).root(dir).threads(1).build())) {
            assertThat(result.errors()).isEmpty();
            assertThat(result.stats().filesScanned()).isEqualTo(13);
            List<String> found = new ArrayList<>();
            for (Finding f : result.findings()) {
                found.add(f.detectorId() + " " + f.maskedValue());
            }
            assertThat(found).allMatch(s -> s.startsWith("email ") && s.endsWith(".invalid"), "only the reserved e-mail addresses");
        }
    }

    @Test
    void theRunLeavesNoTemporaryDirectory() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = leftovers(tmp);
        ArchiveTraining.run(ScanEngine::new);
        assertThat(leftovers(tmp)).isEqualTo(before);
    }

    @Test
    void aFailingEngineIsIgnored() {
        ArchiveTraining.run(() -> {
            throw new IllegalStateException("no engine");
        });
    }

    private static long leftovers(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("dataguardian-cds-")).count();
        }
    }
}
