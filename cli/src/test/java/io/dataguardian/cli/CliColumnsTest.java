package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.scan.ScanEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** CSV through the CLI: one SARIF result per occurrence by default, one per column with --aggregate-columns. */
class CliColumnsTest {

    @TempDir
    Path dir;
    @TempDir
    Path home;

    /** Nine-digit numbers, for values scanned one by one (CSV cells). */
    static final class Cells implements TextScanner {
        private static final Pattern P = Pattern.compile("\\b\\d{9}\\b");

        @Override
        public List<Match> scan(CharSequence text) {
            List<Match> out = new ArrayList<>();
            Matcher m = P.matcher(text);
            while (m.find()) {
                out.add(new Match("nl-bsn", "BSN", Severity.CRITICAL, 0.9, List.of("UAVG Art. 46"), m.start(), m.end(),
                        m.group().substring(0, 2) + "*****" + m.group().substring(7), "f".repeat(64)));
            }
            return out;
        }

        @Override
        public void scan(Reader text, String path, String section, FindingSink sink) {
        }
    }

    private JsonNode sarif(String... extra) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", home.resolve("cfg").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliEnvironment e = new CliEnvironment(env, home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
                () -> new ScanEngine(s -> new Cells(), ScanEngine.loadExtractors(getClass().getClassLoader())),
                () -> List.of(new DetectorInfo("nl-bsn", "BSN", "BSN", "11-proof.", Severity.CRITICAL, List.of())));
        List<String> args = new ArrayList<>(List.of("scan", dir.toString(), "--format", "sarif", "-q"));
        args.addAll(List.of(extra));
        assertThat(DataGuardianCli.execute(e, args.toArray(String[]::new))).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("runs").get(0).get("results");
    }

    @Test
    void everyOccurrenceIsAResultUnlessAggregated() throws IOException {
        Files.writeString(dir.resolve("k.csv"), "naam,bsn\nJan,111222333\nPiet,123456782\n");

        JsonNode each = sarif();
        assertThat(each).hasSize(2);
        assertThat(each.get(1).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(3);
        assertThat(each.get(1).get("locations").get(0).get("physicalLocation").get("region").get("charOffset").asInt())
                .isEqualTo("naam,bsn\nJan,111222333\nPiet,".length());
        assertThat(each.get(0).get("properties").get("section").asString()).isEqualTo("column bsn");

        assertThat(sarif("--aggregate-columns")).hasSize(1);
        Files.writeString(dir.resolve(".dataguardian.yml"), "aggregateColumns: true\n");
        assertThat(sarif()).hasSize(1);
        assertThat(sarif("--no-aggregate-columns")).hasSize(2);
    }
}
