package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSeedTest {

    static final DetectionSettings SETTINGS = DetectionSettings.withKey(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    @Test
    void theSamplesAreSmallAndCoverEveryKindOfFile() {
        List<ProfileSeed.Sample> samples = ProfileSeed.samples();
        int total = samples.stream().mapToInt(s -> s.bytes().length).sum();
        assertThat(total).isBetween(16 * 1024, ProfileSeed.MAX_BYTES);
        assertThat(samples).allSatisfy(s -> assertThat(s.bytes().length).isBetween(200, 8 * 1024));
        assertThat(samples.stream().map(s -> s.path().substring(s.path().lastIndexOf('.') + 1)).distinct())
                .contains("csv", "json", "yaml", "env", "properties", "log", "java", "py", "txt", "md", "pem");
        // the same text every time: generated from the catalogue and the templates alone
        assertThat(ProfileSeed.build(Catalogue.standard().examples()).stream().map(s -> new String(s.bytes(),
                StandardCharsets.ISO_8859_1)).toList())
                .isEqualTo(samples.stream().map(s -> new String(s.bytes(), StandardCharsets.ISO_8859_1)).toList());
    }

    /** Every number or code of five or more letters and digits (with a digit) in the samples is in an example. */
    @Test
    void everyIdentifierLikeTokenIsPartOfTheCataloguesOwnExamples() {
        StringBuilder examples = new StringBuilder();
        for (Catalogue.Example e : Catalogue.standard().examples()) {
            examples.append(e.text()).append('\u0000');
        }
        String known = examples.toString();
        Pattern token = Pattern.compile("[A-Za-z0-9]{5,}");
        Set<String> unknown = new HashSet<>();
        for (ProfileSeed.Sample s : ProfileSeed.samples()) {
            String text = new String(s.bytes(), s.path().contains("latin1") ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8);
            // a JSON escape (\n before "1755 PB") is no part of a token
            Matcher m = token.matcher(text.replace("\\n", " ").replace("\\r", " ").replace("\\t", " "));
            while (m.find()) {
                String t = m.group();
                if (t.chars().anyMatch(Character::isDigit) && !known.contains(t)) {
                    unknown.add(s.path() + ": " + t);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    /**
     * Scanned as files by the real engine, the samples yield findings (so the seed exercises the reporting path),
     * and every one of them is a value the catalogue reports in its own examples (same fingerprint).
     */
    @Test
    void everyValueFoundInTheSamplesIsAValueOfTheExamples() throws IOException {
        TextScanner scanner = Catalogue.standard().newScanner(SETTINGS);
        Set<String> exampleFingerprints = new HashSet<>();
        for (Catalogue.Example e : Catalogue.standard().examples()) {
            for (Match m : scanner.scan(e.text())) {
                exampleFingerprints.add(m.fingerprint());
            }
        }
        for (ProfileSeed.Sample s : ProfileSeed.samples()) {
            Path p = dir.resolve(s.path());
            Files.createDirectories(p.getParent());
            Files.write(p, s.bytes());
        }
        ScanResult r = new ScanEngine().scan(ScanRequest.builder(SETTINGS).root(dir).threads(1).build());
        assertThat(r.errors()).isEmpty();
        List<Finding> found = r.findings().stream().toList();
        assertThat(found.stream().map(Finding::location).map(l -> l.path()).distinct().count())
                .isEqualTo(ProfileSeed.samples().size());
        assertThat(found.stream().filter(f -> f.fingerprint() != null)
                .filter(f -> !exampleFingerprints.contains(f.fingerprint()))
                .map(f -> f.detectorId() + " " + f.location() + " " + f.snippet()).toList()).isEmpty();
    }

    @Test
    void aScanThatSeedsReportsExactlyWhatTheFilesHold() throws IOException {
        int files = Math.max(ScanEngine.SEED_MIN_FILES, 40) + 90;
        for (int i = 0; i < files; i++) {
            Path p = dir.resolve("d" + (i % 4) + "/f" + i + (i % 3 == 0 ? ".csv" : ".txt"));
            Files.createDirectories(p.getParent());
            Files.writeString(p, i == 77 ? "naam;opmerking\nx;mail jan.jansen@example.nl\n"
                    : "kolom;waarde\nregel " + i + ";niets bijzonders hier\n");
        }
        long bytes = 0;
        try (var walk = Files.walk(dir)) {
            bytes = walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        for (int threads : new int[] {1, 2}) {
            int before = ProfileSeed.RUNS.get();
            AtomicInteger started = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            AtomicInteger findings = new AtomicInteger();
            ScanResult r = new ScanEngine().scan(ScanRequest.builder(SETTINGS).root(dir).threads(threads).build(),
                    new ScanListener() {
                        @Override
                        public void fileStarted(String path) {
                            started.incrementAndGet();
                        }

                        @Override
                        public void fileFinished(String path, long b, int n) {
                            finished.incrementAndGet();
                            findings.addAndGet(n);
                        }
                    }, new ScanControl());
            assertThat(ProfileSeed.RUNS.get() - before).as("seed runs").isEqualTo(2); // before files 16 and 128
            assertThat(r.findings().stream().map(f -> f.detectorId() + " " + f.location().path()).toList())
                    .containsExactly("email d1/f77.txt");
            assertThat(r.errors()).isEmpty();
            assertThat(r.stats().filesScanned()).isEqualTo(files);
            assertThat(r.stats().bytesScanned()).isEqualTo(bytes);
            assertThat(r.stats().findings()).isEqualTo(1);
            assertThat(started.get()).isEqualTo(files);
            assertThat(finished.get()).isEqualTo(files);
            assertThat(findings.get()).isEqualTo(1);
        }
    }

    @Test
    void aScanOfFewFilesDoesNotSeed() throws IOException {
        for (int i = 0; i < ScanEngine.SEED_MIN_FILES - 1; i++) {
            Files.writeString(dir.resolve("f" + i + ".txt"), "niets " + i + "\n");
        }
        int before = ProfileSeed.RUNS.get();
        ScanResult r = new ScanEngine().scan(ScanRequest.builder(SETTINGS).root(dir).threads(2).build());
        assertThat(r.findings().stream().toList()).isEmpty();
        assertThat(ProfileSeed.RUNS.get()).isEqualTo(before);
    }

    @Test
    void seedPointsFromTheSystemProperty() {
        assertThat(ScanEngine.seedPoints(null)).containsExactly(16, 128, 1024);
        assertThat(ScanEngine.seedPoints("false")).isEmpty();
        assertThat(ScanEngine.seedPoints("64, 8")).containsExactly(8, 64);
        assertThat(ScanEngine.seedPoints("x")).containsExactly(16, 128, 1024);
    }
}
