package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.scan.ScanEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command with the real catalogue: planted values are found, and no report format contains them. */
class RealCatalogueReportTest {

    static final String BSN = "111222333";
    static final String CARD = "4111 1111 1111 1111";
    static final String GITHUB = "ghp_" + "R4nd0mT0k3nV4lu3Xq9Zk2Lm8Pw3Ty7Hb5Nc1";
    static final String IBAN = "NL91ABNA0417164300";

    @Test
    void plantedValuesAreReportedMaskedInEveryFormat(@TempDir Path dir, @TempDir Path home) throws Exception {
        Files.writeString(dir.resolve("patients.txt"), "Patiënt dossier\nBSN: " + BSN + "\nIBAN " + IBAN
                + "\ncreditcard " + CARD + "\n");
        Files.writeString(dir.resolve("ci.env"), "GITHUB_TOKEN=" + GITHUB + "\n");
        for (String format : List.of("json", "sarif", "csv", "html", "text")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliEnvironment env = new CliEnvironment(Map.of("XDG_CONFIG_HOME", home.toString()), home,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    false, ScanEngine::new, () -> Catalogue.standard().detectors());
            int code = DataGuardianCli.execute(env, "scan", dir.toString(), "--format", format, "--fail-on", "high");
            String report = out.toString(StandardCharsets.UTF_8);
            String all = report + err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(format + ": " + all).isEqualTo(1);
            assertThat(report).as(format).contains("patients.txt").contains("ci.env");
            for (String raw : List.of(BSN, CARD, CARD.replace(" ", ""), GITHUB, IBAN)) {
                assertThat(all).as(format).doesNotContain(raw);
            }
        }
    }
}
