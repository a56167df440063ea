package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueExamplesTest {

    @Test
    void theExamplesAreEveryDetectorsDeclaredEvidenceWithoutItsMarkers() {
        List<Catalogue.Example> examples = Catalogue.standard().examples();
        int declared = Detectors.ALL.stream().mapToInt(d -> d.positives.size() + d.negatives.size()).sum();
        assertThat(examples).hasSize(declared);
        assertThat(examples).allSatisfy(e -> {
            assertThat(e.text()).doesNotContain("[[").doesNotContain("]]").contains(e.value());
            assertThat(e.value()).isNotEmpty();
        });
        assertThat(examples.stream().filter(Catalogue.Example::positive).map(Catalogue.Example::value))
                .contains("111222333", "NL91ABNA0417164300", "jan.jansen@example.nl");
        assertThat(Catalogue.standard().examples()).isSameAs(examples);
    }
}
