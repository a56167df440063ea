package io.dataguardian.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.source.ContentExtractor;
import io.dataguardian.engine.source.ExtractionContext;
import io.dataguardian.engine.source.ScanLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final DetectionSettings SETTINGS = DetectionSettings.withKey(KEY);

    @TempDir
    Path dir;

    private final ScanEngine engine = new ScanEngine(s -> new FakeScanner(), List.of());

    private ScanResult scan(ScanRequest.Builder b) {
        return engine.scan(b.build());
    }

    private ScanRequest.Builder request() {
        return ScanRequest.builder(SETTINGS).root(dir);
    }

    private static List<String> paths(ScanResult r) {
        return r.findings().stream().map(f -> f.location().path()).distinct().toList();
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void findingsComeInTheSameOrderWhateverTheThreadCount() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("d" + (i % 5) + "/f" + i + ".txt", "mail a" + i + "@example.com then 123456782\nSECRET-X" + i
                    + " and b" + i + "@example.org\n");
        }
        ScanResult one = scan(request().threads(1));
        ScanResult four = scan(request().threads(4));
        assertThat(one.findings()).hasSize(160);
        assertThat(four.findings()).containsExactlyElementsOf(one.findings());
        List<Finding> sorted = new ArrayList<>(one.findings());
        sorted.sort(ScanResult.ORDER);
        assertThat(one.findings()).containsExactlyElementsOf(sorted);
        assertThat(one.findings().get(0).location().path()).isEqualTo("d0/f0.txt");
        assertThat(one.stats().filesScanned()).isEqualTo(40);
    }

    @Test
    void locationPathsAreRelativeWithSlashesAndASingleFileIsNamedByItsFileName() throws IOException {
        write("sub/dir/a.txt", "x 123456782");
        assertThat(paths(scan(request()))).containsExactly("sub/dir/a.txt");
        ScanResult single = engine.scan(ScanRequest.builder(SETTINGS).root(dir.resolve("sub/dir/a.txt")).build());
        assertThat(paths(single)).containsExactly("a.txt");
        assertThat(single.baseDirectory()).isEqualTo(dir.resolve("sub/dir").toAbsolutePath());
    }

    @Test
    void badInputsEachGiveAResultOrAnErrorWhileTheScanCompletes() throws IOException {
        write("good.txt", "ok 123456782");
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        // invalid UTF-8 (Latin-1 é and a stray continuation byte) around an e-mail address
        Files.write(dir.resolve("latin1.txt"), concat("caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {(byte) 0x80}, " jan@example.nl".getBytes(StandardCharsets.US_ASCII)));
        byte[] binary = new byte[4096];
        binary[10] = 0;
        binary[100] = 7;
        System.arraycopy("SECRET-INBINARY".getBytes(StandardCharsets.US_ASCII), 0, binary, 200, 15);
        Files.write(dir.resolve("blob.bin"), binary);
        // a 10 MB single line with a value at the very end
        StringBuilder big = new StringBuilder(10_000_020);
        big.append("a".repeat(10_000_000)).append(" 123456782");
        write("oneline.txt", big.toString());

        ScanResult r = scan(request());

        assertThat(r.errors()).isEmpty();
        assertThat(r.stats().filesScanned()).isEqualTo(4);
        assertThat(r.stats().skippedByReason()).containsEntry("binary-skipped", 1L);
        assertThat(paths(r)).containsExactly("good.txt", "latin1.txt", "oneline.txt");
        Finding latin = r.findings().stream().filter(f -> f.location().path().equals("latin1.txt")).findFirst().orElseThrow();
        assertThat(latin.entityType()).isEqualTo("EMAIL");
        Finding far = r.findings().stream().filter(f -> f.location().path().equals("oneline.txt")).findFirst().orElseThrow();
        assertThat(far.location().line()).isEqualTo(1);
        assertThat(far.location().column()).isEqualTo(10_000_002);
    }

    @Test
    void aFileThatVanishesOrCannotBeReadIsAPerFileError() throws IOException {
        write("a.txt", "123456782");
        write("gone.txt", "123456782");
        write("locked.txt", "123456782");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            Files.setPosixFilePermissions(dir.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));
        }
        ScanListener deleteAfterEnumeration = new ScanListener() {
            @Override
            public void enumerated(long files, long bytes) {
                try {
                    Files.delete(dir.resolve("gone.txt"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ScanResult r = engine.scan(request().threads(2).build(), deleteAfterEnumeration, new ScanControl());
        assertThat(r.errors()).contains(new FileError("gone.txt", "vanished", "file vanished before it could be read"));
        if (!root) {
            assertThat(r.errors()).contains(new FileError("locked.txt", "unreadable", "permission denied"));
        }
        assertThat(paths(r)).contains("a.txt");
    }

    @Test
    void utf16WithBomAndUtf8BomAreDecoded() throws IOException {
        Files.write(dir.resolve("le.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "id 123456782".getBytes(StandardCharsets.UTF_16LE)));
        Files.write(dir.resolve("be.txt"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "id 123456782".getBytes(StandardCharsets.UTF_16BE)));
        Files.write(dir.resolve("bom8.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "123456782".getBytes(StandardCharsets.UTF_8)));
        ScanResult r = scan(request());
        assertThat(paths(r)).containsExactly("be.txt", "bom8.txt", "le.txt");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.maskedValue()).isEqualTo("12*****82"));
        // the UTF-8 BOM is not a character of the text
        assertThat(r.findings().get(1).location().column()).isEqualTo(1);
    }

    @Test
    void includeExcludeAndMaxFileSize() throws IOException {
        write("src/a.java", "123456782");
        write("src/b.txt", "123456782");
        write("target/c.java", "123456782");
        write("node_modules/x/d.java", "123456782");
        write("src/big.java", "123456782 " + "x".repeat(2000));
        ScanResult r = scan(request().include(List.of("*.java")).exclude(List.of("target/", "node_modules"))
                .maxFileBytes(1000));
        assertThat(paths(r)).containsExactly("src/a.java");
        assertThat(r.errors()).extracting(FileError::path, FileError::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("src/big.java", "too-large"));
    }

    @Test
    void gitignoreRulesWithNegationDirectoriesAnchorsAndNestedFiles() throws IOException {
        write(".gitignore", "*.log\n!keep.log\nbuild/\n/root-only.txt\n# comment\n");
        write("app.log", "123456782");
        write("keep.log", "123456782");
        write("build/out.txt", "123456782");
        write("root-only.txt", "123456782");
        write("sub/root-only.txt", "123456782");
        write("sub/.gitignore", "secret*.txt\n");
        write("sub/secrets.txt", "123456782");
        write("other/secrets.txt", "123456782");
        write("sub/build", "123456782"); // a file named build: dir-only rule does not apply
        ScanResult on = scan(request().gitignore(true));
        assertThat(paths(on)).containsExactly("keep.log", "other/secrets.txt", "sub/build", "sub/root-only.txt");
        ScanResult off = scan(request());
        assertThat(paths(off)).hasSize(8);
    }

    @Test
    void symlinkLoopsDoNotHangTheScan() throws IOException {
        write("a/file.txt", "123456782");
        Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));
        Files.createSymbolicLink(dir.resolve("a/broken"), dir.resolve("nowhere"));
        ScanResult r = scan(request());
        assertThat(paths(r)).containsExactly("a/file.txt");
        assertThat(r.stats().skippedByReason()).containsKey("symlink-loop");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void pathAllowListAndFingerprintAllowListSuppressFindings() throws IOException {
        write("fixtures/a.txt", "123456782");
        write("b.txt", "123456782 and 111222333");
        DetectionSettings allow = new DetectionSettings(KEY, Set.of("test.email"), List.of(),
                Set.of(FakeScanner.fingerprint("111222333")));
        ScanResult r = engine.scan(ScanRequest.builder(allow).root(dir).allowPaths(List.of("fixtures/**")).build());
        assertThat(r.findings()).extracting(Finding::maskedValue).containsExactly("12*****82");
        assertThat(paths(r)).containsExactly("b.txt");
    }

    /** Claims *.pack files: each line "name:text" is a nested item. */
    static final class PackExtractor implements ContentExtractor {
        @Override
        public int priority() {
            return 10;
        }

        @Override
        public boolean supports(String name, byte[] head) {
            return name.endsWith(".pack");
        }

        @Override
        public void extract(InputStream in, String path, ExtractionContext context) throws IOException {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (all.startsWith("FAIL")) {
                throw new IOException("truncated");
            }
            for (String line : all.split("\n")) {
                int colon = line.indexOf(':');
                String body = line.substring(colon + 1).replace("\\n", "\n");
                context.nested(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                        path + "!/" + line.substring(0, colon));
            }
        }
    }

    @Test
    void extractorsGetFilesTheySupportAndNestedItemsAreRedispatchedWithADepthLimit() throws IOException {
        write("outer.pack", "inner.txt:mail me@example.com\ndeep.pack:x.txt:123456782");
        write("broken.pack", "FAIL");
        ScanEngine withPack = new ScanEngine(s -> new FakeScanner(), List.of(new PackExtractor()));
        ScanLimits shallow = new ScanLimits(1 << 20, 1, 10, 1 << 20, 100, Duration.ofSeconds(5));
        ScanResult r = withPack.scan(ScanRequest.builder(SETTINGS).root(dir).limits(shallow).build());
        assertThat(paths(r)).containsExactly("outer.pack!/inner.txt");
        assertThat(r.errors()).extracting(FileError::path, FileError::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken.pack", "io-error"),
                org.assertj.core.groups.Tuple.tuple("outer.pack!/deep.pack!/x.txt", "too-deep"));

        ScanResult deep = withPack.scan(ScanRequest.builder(SETTINGS).root(dir).build());
        assertThat(paths(deep)).containsExactly("outer.pack!/deep.pack!/x.txt", "outer.pack!/inner.txt");
    }

    @Test
    void aCancelledScanReturnsAResultMarkedCancelled() throws IOException {
        for (int i = 0; i < 20; i++) {
            write("f" + i + ".txt", "123456782");
        }
        ScanControl control = new ScanControl();
        ScanListener cancelAfterFirst = new ScanListener() {
            @Override
            public void fileFinished(String path, long bytes, int findings) {
                control.cancel();
            }
        };
        ScanResult r = engine.scan(request().threads(1).build(), cancelAfterFirst, control);
        assertThat(r.stats().cancelled()).isTrue();
        assertThat(r.stats().filesScanned()).isLessThan(20);
    }

    @Test
    void progressIsReported() throws IOException {
        write("a.txt", "123456782");
        write("b.txt", "nothing");
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        engine.scan(request().build(), new ScanListener() {
            @Override
            public void bytesRead(long n) {
                bytes.addAndGet(n);
            }

            @Override
            public void enumerated(long files, long bytes) {
                events.add("total " + files + " " + bytes);
            }

            @Override
            public void fileFinished(String path, long bytes, int findings) {
                events.add(path + " " + bytes + " " + findings);
            }
        }, new ScanControl());
        assertThat(events).containsExactlyInAnyOrder("total 2 16", "a.txt 9 1", "b.txt 7 0");
        assertThat(events.get(0)).isEqualTo("total 2 16");
        assertThat(bytes.get()).isEqualTo(16);
    }

    @Test
    void textDecodingChoosesLatin1OnlyForInvalidUtf8() {
        byte[] utf8 = "café".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.detect(utf8, utf8.length, true).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] latin = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TextDecoding.detect(latin, latin.length, true).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        // a multi-byte sequence cut at the end of a partial head is not "invalid"
        byte[] cut = java.util.Arrays.copyOf(utf8, utf8.length - 1);
        assertThat(TextDecoding.detect(cut, cut.length, false).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(new InputStreamReader(new ByteArrayInputStream(new byte[0]))).isNotNull();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
