package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamingScannerTest {

    static final byte[] KEY = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    static final DetectionSettings SETTINGS = DetectionSettings.withKey(KEY);

    static final class Collect implements FindingSink {
        final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void finding(Finding finding) {
            findings.add(finding);
        }

        @Override
        public void error(FileError error) {
        }
    }

    static List<Finding> stream(TextScanner scanner, String text) throws IOException {
        Collect sink = new Collect();
        scanner.scan(new StringReader(text), "a/b.txt", null, sink);
        return sink.findings;
    }

    @Test
    void reportsLineColumnAndOffsetsWithCrLf() throws IOException {
        String text = "first line\r\nsecond: mail jan@example.nl here\r\n\r\nIBAN NL91ABNA0417164300\n";
        List<Finding> f = stream(Catalogue.standard().newScanner(SETTINGS), text);
        assertThat(f).extracting(Finding::detectorId).containsExactly("email", "iban");
        Finding mail = f.get(0);
        assertThat(mail.location().line()).isEqualTo(2);
        assertThat(mail.location().column()).isEqualTo(14);
        assertThat(mail.location().endLine()).isEqualTo(2);
        assertThat(mail.location().endColumn()).isEqualTo(14 + "jan@example.nl".length());
        assertThat(mail.location().offset()).isEqualTo(text.indexOf("jan@"));
        assertThat(mail.location().length()).isEqualTo("jan@example.nl".length());
        assertThat(f.get(1).location().line()).isEqualTo(4);
        assertThat(f.get(1).location().column()).isEqualTo(6);
        assertThat(mail.location().path()).isEqualTo("a/b.txt");
    }

    /**
     * A thread reuses its stream buffer from one text to the next (CatalogueScanner.STREAM_BUFFER): a scanner with
     * small chunks, after a scan that left the thread a default-sized buffer, finds exactly what it finds on a
     * fresh thread, and the buffer the thread keeps holds no text.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aReusedStreamBufferChangesNoFindingAndKeepsNoText() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("regel ").append(i).append(": mail jan").append(i).append("@example.nl, IBAN NL91ABNA0417164300\n");
        }
        String text = sb.toString();
        TextScanner small = Catalogue.standard().newScanner(SETTINGS, 64, 48);
        List<String> fresh = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                stream(small, text).forEach(f -> fresh.add(f.detectorId() + "@" + f.location().offset()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        t.join();
        stream(Catalogue.standard().newScanner(SETTINGS), text + text); // leaves this thread a larger buffer
        List<String> reused = new ArrayList<>();
        stream(small, text).forEach(f -> reused.add(f.detectorId() + "@" + f.location().offset()));
        assertThat(reused).isEqualTo(fresh).hasSizeGreaterThanOrEqualTo(80);
        java.lang.reflect.Field field = CatalogueScanner.class.getDeclaredField("STREAM_BUFFER");
        field.setAccessible(true);
        char[] kept = ((ThreadLocal<char[][]>) field.get(null)).get()[0];
        assertThat(kept).isNotNull();
        assertThat(new String(kept).chars()).containsOnly(0);
    }

    /** A line break: '\n', or '\r' not followed by '\n' (a '\r' at the very end counts). */
    private static boolean breakAt(String t, int p) {
        return t.charAt(p) == '\n' || (t.charAt(p) == '\r' && (p + 1 >= t.length() || t.charAt(p + 1) != '\n'));
    }

    @Test
    void lineAndColumnCountEveryKindOfLineEndAcrossChunkBoundaries() throws IOException {
        String[] ends = {"\n", "\r\n", "\r", "\n\r", "\r\r\n", "\t\n", "\f"};
        TextScanner small = Catalogue.standard().newScanner(SETTINGS, 64, 48);
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 40; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                sb.append("x".repeat(random.nextInt(50))).append(" mail jan").append(i).append("@example.nl ")
                        .append(ends[random.nextInt(ends.length)]);
            }
            sb.append("-----BEGIN RSA PRIVATE KEY-----\r\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\r\n"
                    + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\r\n-----END RSA PRIVATE KEY-----\r");
            String text = sb.toString();
            List<Finding> f = stream(small, text);
            assertThat(f).as("round %d", round).hasSizeGreaterThanOrEqualTo(30);
            for (Finding finding : f) {
                int start = (int) finding.location().offset();
                int end = start + finding.location().length();
                int line = 1;
                int lineStart = 0;
                for (int p = 0; p < start; p++) {
                    if (breakAt(text, p)) {
                        line++;
                        lineStart = p + 1;
                    }
                }
                int endLine = line;
                int endLineStart = lineStart;
                for (int p = start; p + 1 < end; p++) {
                    if (breakAt(text, p)) {
                        endLine++;
                        endLineStart = p + 1;
                    }
                }
                assertThat(new int[] {finding.location().line(), finding.location().column(),
                    finding.location().endLine(), finding.location().endColumn()})
                        .as("round %d, %s at %d", round, finding.detectorId(), start)
                        .containsExactly(line, start - lineStart + 1, endLine, end - endLineStart + 1);
            }
            assertThat(f).extracting(Finding::detectorId).contains("private-key");
        }
    }

    @Test
    void aMatchAcrossEveryChunkBoundaryIsFoundExactlyOnce() throws IOException {
        String filler = "lorem ipsum dolor sit amet, consectetur adipiscing elit ";
        String value = "NL91 ABNA 0417 1643 00";
        TextScanner small = Catalogue.standard().newScanner(SETTINGS, 64, 48);
        for (int shift = 0; shift < 70; shift++) {
            String text = filler.repeat(4).substring(0, 100 + shift) + " " + value + " " + filler.repeat(4);
            List<Finding> f = stream(small, text);
            assertThat(f).as("shift %d", shift).hasSize(1);
            assertThat(f.get(0).detectorId()).isEqualTo("iban");
            assertThat(f.get(0).location().offset()).isEqualTo(text.indexOf(value));
            assertThat(f.get(0).location().length()).isEqualTo(value.length());
        }
    }

    @Test
    void theBufferGrowsFromSmallToFullChunksWithoutLosingOrMovingAMatch() throws IOException {
        // the stream's buffer starts at 8 Ki chars and doubles while the text lasts; values straddle each of
        // those sizes and the default chunk ends, and the reader hands out at most 1000 chars at a time
        String value = "NL91 ABNA 0417 1643 00";
        int[] around = {8192, 16384, 32768, 65536, 131072, 262144, 262144 + 17 * 1024, 2 * 262144};
        StringBuilder sb = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        for (int at : around) {
            while (sb.length() < at - value.length() / 2 - 1) {
                sb.append(sb.length() % 64 == 63 ? '\n' : 'x');
            }
            sb.append(' ');
            offsets.add(sb.length());
            sb.append(value).append(' ');
        }
        sb.append("x".repeat(5000));
        String text = sb.toString();
        Reader trickle = new Reader() {
            int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (pos >= text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1000), text.length() - pos);
                text.getChars(pos, pos + n, cbuf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        Collect sink = new Collect();
        Catalogue.standard().newScanner(SETTINGS).scan(trickle, "a/b.txt", null, sink);
        assertThat(sink.findings).extracting(Finding::detectorId).containsOnly("iban");
        assertThat(sink.findings).extracting(f -> (int) f.location().offset()).containsExactlyElementsOf(offsets);
        for (Finding f : sink.findings) {
            int offset = (int) f.location().offset();
            long breaks = text.substring(0, offset).chars().filter(c -> c == '\n').count();
            assertThat(f.location().line()).isEqualTo(1 + breaks);
        }
    }

    @Test
    void streamedAndInMemoryScansAgreeOnManyLines() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("row ").append(i).append(": klant jan").append(i).append("@example.nl, bsn 111222333, tel 06-12345678\n");
        }
        String text = sb.toString();
        List<Finding> streamed = stream(Catalogue.standard().newScanner(SETTINGS, 1000, 300), text);
        List<Match> whole = Catalogue.standard().newScanner(SETTINGS).scan(text);
        assertThat(streamed).hasSize(900).hasSize(whole.size());
        for (int i = 0; i < whole.size(); i++) {
            assertThat(streamed.get(i).location().offset()).isEqualTo(whole.get(i).start());
            assertThat(streamed.get(i).location().line()).isEqualTo(i / 3 + 1);
        }
    }

    @Test
    void aLongSingleLineStreamsInBoundedMemory() throws IOException {
        // 10 MB on one line, generated on the fly; the scanner only ever holds its chunk buffer
        Reader huge = new Reader() {
            long left = 10_000_000;
            final char[] unit = "aaaa bbbb cccc 1234 ".toCharArray();
            long pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int k = 0; k < n; k++) {
                    cbuf[off + k] = unit[(int) (pos++ % unit.length)];
                }
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        Collect sink = new Collect();
        Catalogue.standard().newScanner(SETTINGS).scan(huge, "big.txt", null, sink);
        assertThat(sink.findings).isEmpty();
    }

    @Test
    void privateKeyBlockAcrossChunksIsOneFinding() throws IOException {
        String body = "MIIEowIBAAKCAQEAx".repeat(60).replaceAll("(.{64})", "$1\n");
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----";
        String text = "config:\n  key: |\n" + pem + "\nend\n";
        List<Finding> f = stream(Catalogue.standard().newScanner(SETTINGS, 256, 2048), text);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).detectorId()).isEqualTo("private-key");
        assertThat(f.get(0).location().line()).isEqualTo(3);
        assertThat(f.get(0).location().length()).isEqualTo(pem.length());
        assertThat(f.get(0).location().endLine()).isEqualTo(3 + pem.split("\n").length - 1);
        assertThat(f.get(0).maskedValue()).isEqualTo("-----BEGIN RSA PRIVATE KEY-----****");
    }

    @Test
    void findingsCarryNoRawValueAnywhere() throws IOException {
        String text = "Patiënt dossier: BSN 111222333, mail jan.jansen@example.nl, kaart 4111 1111 1111 1111,"
                + " password=xK9#mP2$vL5qR8tZ\n";
        List<Finding> f = stream(Catalogue.standard().newScanner(SETTINGS), text);
        assertThat(f).extracting(Finding::detectorId).contains("nl-bsn", "email", "credit-card", "generic-secret");
        for (Finding x : f) {
            String all = x.maskedValue() + " " + x.snippet() + " " + x.attributes();
            assertThat(all).doesNotContain("111222333", "jan.jansen", "4111 1111 1111 1111", "xK9#mP2$vL5qR8tZ");
        }
        Finding bsn = f.stream().filter(x -> x.detectorId().equals("nl-bsn")).findFirst().orElseThrow();
        assertThat(bsn.maskedValue()).isEqualTo("*******33");
        assertThat(bsn.severity()).isEqualTo(io.dataguardian.engine.Severity.CRITICAL);
        assertThat(bsn.articles()).contains("GDPR Art. 9", "GDPR Art. 87", "UAVG Art. 46");
        Finding card = f.stream().filter(x -> x.detectorId().equals("credit-card")).findFirst().orElseThrow();
        assertThat(card.maskedValue()).isEqualTo("**** **** **** 1111");
        Finding mail = f.stream().filter(x -> x.detectorId().equals("email")).findFirst().orElseThrow();
        assertThat(mail.maskedValue()).isEqualTo("j***@e***.nl");
        assertThat(mail.snippet()).contains("j***@e***.nl").contains("*******33");
    }

    @Test
    void suppressionsByMarkerFingerprintAndDisabledRule() {
        TextScanner plain = Catalogue.standard().newScanner(SETTINGS);
        assertThat(plain.scan("bsn 111222333 // dataguardian:allow")).isEmpty();
        List<Match> m = plain.scan("bsn 111222333 en bsn 123456782");
        assertThat(m).hasSize(2);
        String fp = m.get(0).fingerprint();
        assertThat(fp).matches("[0-9a-f]{64}");
        assertThat(plain.scan("BSN: 111.222.333").get(0).fingerprint()).isEqualTo(fp);

        TextScanner allowing = Catalogue.standard().newScanner(new DetectionSettings(KEY, Set.of(), List.of(), Set.of(fp)));
        assertThat(allowing.scan("bsn 111222333 en bsn 123456782")).extracting(Match::start).containsExactly(21);

        TextScanner noBsn = Catalogue.standard().newScanner(new DetectionSettings(KEY, Set.of("nl-bsn"), List.of(), Set.of()));
        assertThat(noBsn.scan("bsn 111222333, mail a@b.nl")).extracting(Match::detectorId).containsExactly("email");

        byte[] otherKey = "another-installation-key".getBytes(StandardCharsets.UTF_8);
        assertThat(Catalogue.standard().newScanner(DetectionSettings.withKey(otherKey)).scan("bsn 111222333").get(0)
                .fingerprint()).isNotEqualTo(fp);
    }

    @Test
    void customRulesAddRegexDetectorsWithContext() {
        CustomRule rule = new CustomRule("acme-employee-id", "EMPLOYEE_ID", "EMP-\\d{6}",
                io.dataguardian.engine.Severity.HIGH, List.of("GDPR Art. 88"), List.of("employee"), "ACME staff ids");
        TextScanner s = Catalogue.standard().newScanner(new DetectionSettings(KEY, Set.of(), List.of(rule), Set.of()));
        List<Match> m = s.scan("employee EMP-123456 joined");
        assertThat(m).hasSize(1);
        assertThat(m.get(0).detectorId()).isEqualTo("acme-employee-id");
        assertThat(m.get(0).severity()).isEqualTo(io.dataguardian.engine.Severity.HIGH);
        assertThat(m.get(0).articles()).containsExactly("GDPR Art. 88");
        assertThat(m.get(0).maskedValue()).doesNotContain("1234");
        assertThat(s.scan("ticket EMP-123456 closed")).isEmpty();
    }

    @Test
    void aFieldNameGivesASingleValueItsContext() {
        TextScanner s = Catalogue.standard().newScanner(SETTINGS);
        assertThat(s.scan("1985-03-12")).isEmpty();
        List<Match> dob = s.scanField("geboortedatum", "1985-03-12");
        assertThat(dob).extracting(Match::detectorId).containsExactly("date-of-birth");
        assertThat(dob.get(0).start()).isZero();
        assertThat(dob.get(0).end()).isEqualTo(10);
        assertThat(s.scanField("dateOfBirth", "12/03/1985")).extracting(Match::entityType).containsExactly("DATE_OF_BIRTH");
        assertThat(s.scanField("postcode", "2773 MB")).extracting(Match::entityType).containsExactly("POSTCODE");
        assertThat(s.scanField("created_at", "1985-03-12")).isEmpty();
        assertThat(s.scanField("email", "jan@example.nl").get(0).start()).isZero();
        assertThat(s.scanField(null, "jan@example.nl")).hasSize(1);
    }

    /**
     * Field scans share a per-thread buffer: texts of any size and kind, one after another, give the
     * same matches as on their own, and a label match never leaks into the value's matches.
     */
    @Test
    void fieldScansGiveTheSameMatchesWhateverCameBefore() {
        TextScanner s = Catalogue.standard().newScanner(SETTINGS);
        String value = "mail jan@example.nl or bsn 111222333";
        List<Match> alone = s.scanField("notes", value);
        assertThat(alone).extracting(Match::entityType).containsExactly("EMAIL", "BSN");
        String big = "x ".repeat(100_000) + value; // longer than the kept buffer
        List<Match> inBig = s.scanField("notes", big);
        assertThat(inBig).extracting(Match::start).containsExactly(200_000 + 5, 200_000 + 27);
        assertThat(s.scanField("notes", new StringBuilder(value))).isEqualTo(alone);
        assertThat(s.scan(new StringBuilder(value))).isEqualTo(s.scan(value));
        assertThat(s.scanField("notes", value)).isEqualTo(alone);
        // an e-mail address in the label is not the value's
        assertThat(s.scanField("sent by jan@example.nl\n", "hello")).isEmpty();
        assertThat(s.scanField("sent by jan@example.nl", "piet@example.nl")).singleElement()
                .satisfies(m -> assertThat(m.start()).isZero());
    }
    /**
     * A snippet is 40 chars each side of the match: when that edge falls inside an emoji's surrogate pair, the
     * half is left out (a lone surrogate would be escaped in the report from memory but become '?' in a spill
     * file's UTF-8).
     */
    @Test
    void snippetNeverCutsASurrogatePair() throws IOException {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        for (int shift = 0; shift < 4; shift++) {
            String before = "x".repeat(shift) + emoji.repeat(30);
            String text = "chat: " + before + " mail jan@example.nl " + emoji.repeat(30) + "\n";
            List<Finding> f = stream(Catalogue.standard().newScanner(SETTINGS), text);
            assertThat(f).extracting(Finding::detectorId).containsExactly("email");
            String snippet = f.get(0).snippet();
            assertThat(snippet).contains("j***@e***.nl");
            for (int i = 0; i < snippet.length(); i++) {
                char c = snippet.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertThat(i + 1 < snippet.length() && Character.isLowSurrogate(snippet.charAt(i + 1)))
                            .as("high surrogate at %d of %s (shift %d)", i, snippet, shift).isTrue();
                    i++;
                } else {
                    assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d (shift %d)", i, shift)
                            .isFalse();
                }
            }
            assertThat(new String(snippet.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(snippet);
        }
    }
}
