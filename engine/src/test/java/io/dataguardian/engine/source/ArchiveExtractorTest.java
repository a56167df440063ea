package io.dataguardian.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveExtractorTest {

    static final String PII = "Klant: jan.jansen@example.nl, BSN 111222333\n";

    @Test
    void findsDataInZipEntriesWithTheEntryPathInTheLocation() throws IOException {
        byte[] zip = zip(entry("dir/b.txt", PII), entry("readme.txt", "nothing here\n"));

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(zip), "a.zip");

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().path()).containsExactly("a.zip!/dir/b.txt");
        assertThat(ctx.findingsOf("BSN")).hasSize(1);
    }

    @Test
    void nestedZipInTarGzAtDepthTwoIsFound() throws IOException {
        byte[] inner = zip(entry("customers.txt", PII));
        byte[] tgz = gzip(tar(entry("inner/data.zip", inner), entry("top.txt", "no pii\n")));

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(tgz), "backup.tar.gz");

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().path())
                .containsExactly("backup.tar.gz!/inner/data.zip!/customers.txt");
    }

    @Test
    void archiveNestedBeyondTheDepthLimitIsRefusedWithAReason() throws IOException {
        // a.zip -> b.zip -> c.zip -> d.zip -> secret.txt: the text would be at depth 4 (limit 3)
        byte[] d = zip(entry("secret.txt", PII));
        byte[] c = zip(entry("d.zip", d));
        byte[] b = zip(entry("c.zip", c));
        byte[] a = zip(entry("b.zip", b), entry("shallow.txt", "mail: piet@example.org\n"));

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(a), "a.zip");

        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().path())
                .containsExactly("a.zip!/shallow.txt");
        assertThat(ctx.errorsOf("too-deep")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("a.zip!/b.zip!/c.zip!/d.zip");
            assertThat(e.message()).contains("limit is 3");
        });
    }

    @Test
    void zipBombIsRefusedByRatioWhileTheRestOfTheScanCompletes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            out.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) { // 200 MiB of zeros, ~200 KiB compressed
                out.write(zeros);
            }
            out.closeArchiveEntry();
        }
        RecordingContext ctx = new RecordingContext();
        ctx.scan(new ByteArrayInputStream(bytes.toByteArray()), "bomb.zip");
        ctx.scan(new ByteArrayInputStream(zip(entry("ok.txt", PII))), "ok.zip");

        assertThat(ctx.errorsOf("zip-bomb")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("bomb.zip");
            assertThat(e.message()).contains("compression ratio").contains("bomb.zip!/zeros.bin");
        });
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().path()).containsExactly("ok.zip!/ok.txt");
    }

    @Test
    void totalExpansionLimitStopsAnArchiveOfManyModestEntries() throws IOException {
        byte[] text = ("x".repeat(99) + "\n").repeat(1000).getBytes(StandardCharsets.UTF_8); // 100 KB each
        Entry[] entries = new Entry[20];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entry("part" + i + ".txt", text);
        }
        ScanLimits limits = new ScanLimits(1 << 30, 3, 1000, 1_000_000, 1000, java.time.Duration.ofSeconds(5));
        RecordingContext ctx = new RecordingContext(new RegexTestScanner(), limits);
        ctx.scan(new ByteArrayInputStream(zip(entries)), "many.zip");

        assertThat(ctx.errorsOf("zip-bomb")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("uncompressed bytes in total"));
    }

    @Test
    void tooManyEntriesIsReported() throws IOException {
        Entry[] entries = new Entry[12];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entry("f" + i + ".txt", "a\n");
        }
        ScanLimits limits = new ScanLimits(1 << 30, 3, 10, 1L << 30, 200, java.time.Duration.ofSeconds(5));
        RecordingContext ctx = new RecordingContext(new RegexTestScanner(), limits);
        ctx.scan(new ByteArrayInputStream(zip(entries)), "wide.zip");

        assertThat(ctx.errorsOf("too-many-entries")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("wide.zip"));
    }

    @Test
    void traversalAndAbsoluteEntryNamesAreReportedAsTheyAreAndNotScanned() throws IOException {
        byte[] zip = zip(entry("../evil.txt", PII), entry("/etc/passwd", PII), entry("good.txt", PII));

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(zip), "t.zip");

        assertThat(ctx.errorsOf("unsafe-entry-name")).extracting(FileError::path)
                .containsExactlyInAnyOrder("t.zip!/../evil.txt", "t.zip!//etc/passwd");
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().path()).containsExactly("t.zip!/good.txt");
    }

    @Test
    void traversalInTarIsReportedToo() throws IOException {
        byte[] tar = tar(entry("../../evil.txt", PII));

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(tar), "t.tar");

        assertThat(ctx.errorsOf("unsafe-entry-name")).extracting(FileError::path).containsExactly("t.tar!/../../evil.txt");
    }

    @Test
    void encryptedEntryIsReportedAsSkippedAndTheOthersAreScanned() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            // a STORED entry that gets the "encrypted" flag below, as a ZipCrypto tool writes it
            byte[] data = "garbled ciphertext".getBytes(StandardCharsets.UTF_8);
            ZipArchiveEntry secret = new ZipArchiveEntry("secret.txt");
            secret.setMethod(ZipArchiveEntry.STORED);
            secret.setSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            secret.setCrc(crc.getValue());
            out.putArchiveEntry(secret);
            out.write(data);
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry("plain.txt"));
            out.write(PII.getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        byte[] zip = bytes.toByteArray();
        zip[6] |= 1; // general purpose bit 0 of the first local header: encrypted
        for (int i = 0; i < zip.length - 4; i++) { // ... and of its central directory record
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
                break;
            }
        }
        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(zip), "enc.zip");

        assertThat(ctx.errorsOf("encrypted")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("enc.zip!/secret.txt");
            assertThat(e.message()).contains("skipped");
        });
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().path()).containsExactly("enc.zip!/plain.txt");
    }

    @Test
    void plainGzipIsScannedAsItsInnerFile() throws IOException {
        RecordingContext ctx = new RecordingContext()
                .scan(new ByteArrayInputStream(gzip(PII.getBytes(StandardCharsets.UTF_8))), "logs/app.log.gz");

        assertThat(ctx.findingsOf("EMAIL")).extracting(Finding::location)
                .extracting(l -> l.path()).containsExactly("logs/app.log.gz!/app.log");
    }

    @Test
    void truncatedZipIsAnErrorAndFindingsBeforeTheDamageAreKept() throws IOException {
        byte[] zip = zip(entry("first.txt", PII), entry("second.txt", "x".repeat(50_000)));
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length / 2);

        RecordingContext ctx = new RecordingContext().scan(new ByteArrayInputStream(cut), "cut.zip");

        assertThat(ctx.findingsOf("EMAIL")).hasSize(1);
        assertThat(ctx.errors).extracting(FileError::kind).contains("corrupt");
    }

    // ---- fixtures -------------------------------------------------------------------------

    record Entry(String name, byte[] data) {
    }

    static Entry entry(String name, String text) {
        return new Entry(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Entry entry(String name, byte[] data) {
        return new Entry(name, data);
    }

    static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                out.putArchiveEntry(new ZipArchiveEntry(e.name()));
                out.write(e.data());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry te = new TarArchiveEntry(e.name(), true); // preserve '..' as written
                te.setSize(e.data().length);
                out.putArchiveEntry(te);
                out.write(e.data());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
