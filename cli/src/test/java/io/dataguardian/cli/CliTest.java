package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.finding.Location;
import io.dataguardian.engine.scan.ScanEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command in-process, with a tiny stand-in scanner (9-digit numbers are CRITICAL "BSN"s). */
class CliTest {

    static final String RAW = "123456782";

    @TempDir
    Path dir;
    @TempDir
    Path home;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> envVars = new HashMap<>();

    static final class NineDigits implements TextScanner {
        private static final Pattern P = Pattern.compile("\\b\\d{9}\\b");

        @Override
        public List<Match> scan(CharSequence text) {
            return List.of();
        }

        @Override
        public void scan(Reader text, String path, String section, FindingSink sink) throws IOException {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = text.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            Matcher m = P.matcher(sb);
            while (m.find()) {
                sink.finding(new Finding("nl-bsn", "BSN", Severity.CRITICAL, 0.95, List.of("UAVG Art. 46"),
                        new Location(path, null, 1, m.start() + 1, 1, m.end() + 1, m.start(), 9),
                        m.group().substring(0, 2) + "*****" + m.group().substring(7), "f".repeat(64), "", 1, Map.of()));
            }
        }
    }

    @BeforeEach
    void setUp() {
        envVars.put("XDG_CONFIG_HOME", home.resolve("cfg").toString());
    }

    int run(String... args) {
        CliEnvironment env = new CliEnvironment(envVars, home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false,
                () -> new ScanEngine(s -> new NineDigits(), List.of()),
                () -> List.of(new DetectorInfo("nl-bsn", "BSN", "Dutch citizen service number (BSN)", "11-proof.",
                        Severity.CRITICAL, List.of("UAVG Art. 46"))));
        return DataGuardianCli.execute(env, args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroWhenCleanAndWithoutFailOn() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "nothing personal");
        assertThat(run("scan", dir.toString(), "--fail-on", "low")).isZero();
        Files.writeString(dir.resolve("b.txt"), "bsn " + RAW);
        assertThat(run("scan", dir.toString())).isZero();
        assertThat(stdout()).contains("12*****82").doesNotContain(RAW);
    }

    @Test
    void exitsOneWhenAFindingReachesFailOn() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "bsn " + RAW);
        assertThat(run("scan", dir.toString(), "--fail-on", "high", "--quiet")).isEqualTo(1);
        assertThat(run("scan", dir.toString(), "--fail-on", "CRITICAL", "--quiet")).isEqualTo(1);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void exitsTwoOnUsageErrors() {
        assertThat(run("scan")).isEqualTo(2);
        assertThat(run("scan", dir.toString(), "--format", "docx")).isEqualTo(2);
        assertThat(stderr()).contains("unknown report format 'docx'");
        assertThat(run("scan", dir.toString(), "--fail-on", "urgent")).isEqualTo(2);
        assertThat(run("scan", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(stderr()).contains("no such file or directory");
        assertThat(run("scan", dir.toString(), "--max-file-size", "huge")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void langNlWritesADutchReport() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "bsn " + RAW);
        Path report = home.resolve("report.html");
        assertThat(run("scan", dir.toString(), "--lang", "nl", "--output", report.toString())).isZero();
        assertThat(Files.readString(report)).contains("<html lang=\"nl\">", "Bevindingen per ernst",
                "Burgerservicenummer (BSN)").doesNotContain(RAW);
        assertThat(run("scan", dir.toString(), "--lang", "de")).isEqualTo(2);
        assertThat(stderr()).contains("--lang: unknown language 'de' (en, nl)");
    }

    @Test
    void aBadConfigExitsTwoNamingTheLine() throws IOException {
        Files.writeString(dir.resolve(".dataguardian.yml"), "version: 1\nrules:\n  - id: x\n    regex: '(unclosed'\n");
        assertThat(run("scan", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains(".dataguardian.yml:4:").contains("bad regex");
    }

    @Test
    void unreachableDatabaseTargetsExitTwoAndTheirPasswordIsNotPrinted() {
        // jdbc: targets go to the engine's database scanner (DatabaseTargetCliTest); this one cannot connect
        assertThat(run("scan", "jdbc:postgresql://bob:hunter2@db/app?password=hunter2")).isEqualTo(2);
        assertThat(stderr()).contains("cannot connect").doesNotContain("hunter2");
    }

    @Test
    void writesEachFormatToAFileAtomicallyWithoutRawValues() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "bsn " + RAW);
        Files.writeString(dir.resolve("locked.bin"), "\u0000\u0001binary " + RAW);
        for (String f : List.of("json", "sarif", "csv", "html", "text")) {
            Path report = home.resolve("report." + f);
            assertThat(run("scan", dir.toString(), "--format", f, "--output", report.toString())).isZero();
            assertThat(Files.readString(report)).as(f).contains("12*****82").doesNotContain(RAW);
        }
        Path pdf = home.resolve("report.pdf"); // format from the extension
        assertThat(run("scan", dir.toString(), "--output", pdf.toString())).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("12*****82").doesNotContain(RAW);
        }
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("1 findings").doesNotContain(RAW);
        // format from the extension
        Path sarif = home.resolve("x.sarif");
        assertThat(run("scan", dir.toString(), "-o", sarif.toString())).isZero();
        assertThat(Files.readString(sarif)).contains("\"version\":\"2.1.0\"");
    }

    @Test
    void perFileErrorsAreListedAtTheEndWhileTheScanCompletes() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "bsn " + RAW);
        Files.writeString(dir.resolve("big.txt"), "x".repeat(5000));
        assertThat(run("scan", dir.toString(), "--max-file-size", "1KB", "--fail-on", "critical")).isEqualTo(1);
        assertThat(stderr()).contains("not scanned completely (1)").contains("big.txt").contains("too-large");
    }

    @Test
    void createsAPrivateFingerprintKeyOnFirstUseAndHonoursTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "bsn " + RAW);
        assertThat(run("scan", dir.toString(), "--quiet")).isZero();
        Path key = home.resolve("cfg/dataguardian/fingerprint.key");
        assertThat(Files.readString(key).trim()).matches("[0-9a-f]{64}");
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        byte[] first = FingerprintKeys.resolve(envVars, home);
        assertThat(FingerprintKeys.resolve(envVars, home)).isEqualTo(first);

        envVars.put("DATAGUARDIAN_FINGERPRINT_KEY", "00112233445566778899aabbccddeeff");
        assertThat(FingerprintKeys.resolve(envVars, home)).hasSize(16);
        envVars.put("DATAGUARDIAN_FINGERPRINT_KEY", "c2hvcnQ=");
        assertThat(run("scan", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("at least 16 bytes");
    }

    @Test
    void versionAndRules() {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).startsWith("dataguardian ");
        assertThat(run("rules")).isZero();
        assertThat(stdout()).contains("nl-bsn").contains("BSN").contains("CRITICAL");
    }

    @Test
    void plainProgressLinesNeverShowFileContent() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "bsn " + RAW);
        assertThat(run("scan", dir.toString(), "--threads", "2", "--include", "*.txt", "--exclude", "none/",
                "--gitignore")).isZero();
        assertThat(stderr()).doesNotContain(RAW).contains("compliance 75/100");
        assertThat(Set.of(ProgressReporter.formatDuration(59), ProgressReporter.formatDuration(61),
                ProgressReporter.formatDuration(3700))).containsExactlyInAnyOrder("59s", "1m01s", "1h01m");
    }
}
