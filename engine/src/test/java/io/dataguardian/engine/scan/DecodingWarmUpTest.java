package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecodingWarmUpTest {

    @Test
    void theWarmUpTextHoldsNothingTheCatalogueReports() throws IOException {
        List<Finding> found = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        DecodingWarmUp.scan(Catalogue.standard().newScanner(new DetectionSettings(new byte[32], Set.of(), List.of(),
                Set.of())), new FindingSink() {
                    @Override
                    public void finding(Finding finding) {
                        found.add(finding);
                    }

                    @Override
                    public void error(FileError error) {
                        errors.add(error);
                    }
                }, DecodingWarmUp.BYTES);
        assertThat(found).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void theTextTakesTheDecodersMultiByteAndAsciiPathsOverAndOver() {
        String text = new String(DecodingWarmUp.text(DecodingWarmUp.BYTES), StandardCharsets.UTF_8);
        assertThat(text.length()).isGreaterThanOrEqualTo(DecodingWarmUp.BYTES);
        long nonAscii = text.chars().filter(c -> c >= 128).count();
        long lines = text.chars().filter(c -> c == '\n').count();
        // a non-ASCII letter every ~150 chars: hundreds of ASCII runs, each a call of the decoder's ASCII path,
        // more than the 200 calls after which the JIT first compiles a method (Tier3InvocationThreshold)
        assertThat(nonAscii).isGreaterThan(400);
        assertThat(lines).isGreaterThan(400);
        assertThat(DecodingWarmUp.text(0)).isNotEmpty();
    }
}
