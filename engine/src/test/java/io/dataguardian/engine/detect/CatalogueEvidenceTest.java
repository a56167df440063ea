package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every detector finds each of its own positives (at the marked span) and none of its near-misses. */
class CatalogueEvidenceTest {

    static final TextScanner SCANNER = Catalogue.standard()
            .newScanner(DetectionSettings.withKey("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8)));

    static Stream<Arguments> positives() {
        return Detectors.ALL.stream().flatMap(d -> d.positives.stream().map(p -> Arguments.of(d.id(), p)));
    }

    static Stream<Arguments> negatives() {
        return Detectors.ALL.stream().flatMap(d -> d.negatives.stream().map(n -> Arguments.of(d.id(), n)));
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @MethodSource("positives")
    void findsItsPositives(String id, String example) {
        int s = example.indexOf("[[");
        int e = example.indexOf("]]") - 2;
        String text = example.replace("[[", "").replace("]]", "");
        List<Match> matches = SCANNER.scan(text);
        assertThat(matches)
                .as("matches in <%s>", text)
                .anySatisfy(m -> {
                    assertThat(m.detectorId()).isEqualTo(id);
                    assertThat(m.start()).isEqualTo(s);
                    assertThat(m.end()).isEqualTo(e);
                });
    }

    @ParameterizedTest(name = "{0} ignores {1}")
    @MethodSource("negatives")
    void ignoresItsNearMisses(String id, String example) {
        assertThat(SCANNER.scan(example)).as("matches in <%s>", example).noneMatch(m -> m.detectorId().equals(id));
    }

    @Test
    void everyDetectorCarriesEvidence() {
        for (Detector d : Detectors.ALL) {
            assertThat(d.positives).as(d.id()).isNotEmpty();
            assertThat(d.negatives).as(d.id()).isNotEmpty();
            assertThat(d.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(d.info.entityType()).matches("[A-Z0-9]+(_[A-Z0-9]+)*");
        }
        assertThat(Catalogue.standard().detectors()).hasSize(Detectors.ALL.size());
    }
}
