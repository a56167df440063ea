package io.dataguardian.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CSV and JSON with aggregation off: one finding per occurrence, at its exact place in the file. */
class OccurrenceFindingsTest {

    private static RecordingContext scan(String path, byte[] content, boolean aggregate) throws IOException {
        return new RecordingContext().aggregate(aggregate).scan(new ByteArrayInputStream(content), path);
    }

    /** Each finding's offset/length points at a planted value, and line/column agree with the offset. */
    private static void assertExactPositions(String text, List<Finding> findings, Set<String> planted) {
        assertThat(findings).isNotEmpty();
        for (Finding f : findings) {
            Location l = f.location();
            assertThat(f.occurrences()).isEqualTo(1);
            String span = text.substring((int) l.offset(), (int) l.offset() + l.length());
            assertThat(planted).as("span of %s", l).contains(span);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < l.offset(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            assertThat(l.line()).as("line of %s", l).isEqualTo(line);
            assertThat(l.column()).as("column of %s", l).isEqualTo((int) l.offset() - lineStart + 1);
            assertThat(l.endLine()).isEqualTo(line);
            assertThat(l.endColumn()).isEqualTo(l.column() + l.length());
            assertThat(f.maskedValue()).isNotEqualTo(span);
            assertThat(f.snippet()).doesNotContain(span);
        }
    }

    @Test
    void csvGivesOneFindingPerOccurrenceWithItsColumn() throws IOException {
        String csv = "id,contact,bsn,notes\r\n"
                + "1,klant1@example.nl,111222333,\"multi\nline, \"\"quoted\"\" mail x@example.org\"\r\n"
                + "2,\"klant2@example.nl\",123456782,\"a\"\"b\"trailing y@example.com\r\n"
                + "3,,999999990,\r\n";
        String text = csv;
        byte[] bytes = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8); // a BOM is not part of the text
        RecordingContext ctx = scan("crm/k.csv", bytes, false);

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().section())
                .containsExactly("column contact", "column notes", "column contact", "column notes");
        assertThat(ctx.findingsOf("BSN")).hasSize(3)
                .allSatisfy(f -> assertThat(f.location().section()).isEqualTo("column bsn"))
                .allSatisfy(f -> assertThat(f.attributes()).containsEntry("nameHint", "BSN"));
        assertExactPositions(text, ctx.findings, Set.of("klant1@example.nl", "klant2@example.nl", "x@example.org",
                "y@example.com", "111222333", "123456782", "999999990"));
        Finding second = ctx.findingsOf("EMAIL").get(1);
        assertThat(second.location().line()).isEqualTo(3); // inside the quoted cell, after its line break
        assertThat(second.snippet()).contains("quoted").contains("x@*");
    }

    @Test
    void csvWithAggregationOnKeepsThePreviousBehaviour() throws IOException {
        String csv = "contact\nklant1@example.nl\nklant2@example.nl\n\n";
        RecordingContext ctx = scan("k.csv", csv.getBytes(StandardCharsets.UTF_8), true);
        assertThat(ctx.findingsOf("EMAIL")).singleElement().satisfies(f -> {
            assertThat(f.occurrences()).isEqualTo(2);
            assertThat(f.location().section()).isEqualTo("column contact");
            assertThat(f.attributes()).containsEntry("aggregated", "column");
        });
    }

    @Test
    void jsonGivesOneFindingPerOccurrenceWithItsPathAndEscapesAccountedFor() throws IOException {
        String json = "{\"customers\": [\n"
                + "  {\"name\": \"Ren\\u00e9 \\\"R\\\" M\\u00fcller\", \"email\": \"a1@example.nl\", \"ids\": {\"bsn\": 111222333}},\n"
                + "  {\"name\": \"x\", \"email\": \"b2@example.nl\", \"notes\": \"caf\\u00e9 \\/ mail c3@example.org or \\ud83d\\ude00 d4@example.com\"}\n"
                + "]}\n";
        RecordingContext ctx = scan("dump.json", json.getBytes(StandardCharsets.UTF_8), false);

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().section()).containsExactly(
                "$.customers[*].email", "$.customers[*].email", "$.customers[*].notes", "$.customers[*].notes");
        assertThat(ctx.findingsOf("BSN")).singleElement()
                .satisfies(f -> assertThat(f.location().section()).isEqualTo("$.customers[*].ids.bsn"));
        assertExactPositions(json, ctx.findings, Set.of("a1@example.nl", "b2@example.nl", "c3@example.org",
                "d4@example.com", "111222333"));
    }

    @Test
    void ndjsonLinesAndUtf16AreLocatedToo() throws IOException {
        String ndjson = "{\"email\": \"a@example.nl\"}\n{\"email\": \"b@example.nl\", \"bsn\": \"123456782\"}\n";
        RecordingContext ctx = scan("x.ndjson", ndjson.getBytes(StandardCharsets.UTF_8), false);
        assertExactPositions(ndjson, ctx.findings, Set.of("a@example.nl", "b@example.nl", "123456782"));
        assertThat(ctx.findings).hasSize(3);

        byte[] utf16 = ("\uFEFF" + ndjson).getBytes(StandardCharsets.UTF_16BE);
        RecordingContext wide = scan("y.json", utf16, false);
        assertExactPositions(ndjson, wide.findings, Set.of("a@example.nl", "b@example.nl", "123456782"));
        assertThat(wide.findings).hasSize(3);
    }

    @Test
    void jsonWithAggregationOnKeepsThePreviousBehaviour() throws IOException {
        String json = "{\"user\": {\"mail\": [\"a@example.nl\", \"b@example.nl\"]}}";
        RecordingContext ctx = scan("u.json", json.getBytes(StandardCharsets.UTF_8), true);
        assertThat(ctx.findingsOf("EMAIL")).singleElement().satisfies(f -> {
            assertThat(f.occurrences()).isEqualTo(2);
            assertThat(f.location().section()).isEqualTo("$.user.mail[*]");
        });
    }

    /**
     * Rows of every length, CRLF and bare CR line ends, doubled quotes and quoted line breaks, so that
     * cells, quotes and CR/LF pairs straddle every boundary of the reader's buffer; each planted value
     * must still be found exactly where it is in the file.
     */
    @Test
    void csvPositionsStayExactAcrossReadBuffers() throws IOException {
        StringBuilder csv = new StringBuilder("id;contact;note\r\n");
        Set<String> planted = new java.util.HashSet<>();
        int rows = 0;
        for (int i = 0; csv.length() < 100_000; i++) {
            String mail = "k" + i + "@example.nl";
            String other = "n" + i + "@example.org";
            planted.add(mail);
            planted.add(other);
            String pad = "x".repeat(i % 97);
            String note = switch (i % 4) {
                case 0 -> pad + " " + other;
                case 1 -> "\"" + pad + " \"\"q\"\"\n" + other + "\"";
                case 2 -> "\"" + pad + "\"tail " + other;
                default -> "\"" + other + "\"";
            };
            csv.append(i).append(';').append(i % 3 == 0 ? "\"" + mail + "\"" : mail).append(';').append(note)
                    .append(i % 5 == 0 ? "\r" : "\r\n");
            rows++;
        }
        String text = csv.toString();
        RecordingContext ctx = scan("big.csv", text.getBytes(StandardCharsets.UTF_8), false);

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).hasSize(2 * rows);
        assertExactPositions(text, ctx.findings, planted);
        assertThat(ctx.findingsOf("EMAIL")).filteredOn(f -> f.location().section().equals("column contact"))
                .hasSize(rows);
    }

    @Test
    void overlongCellsAndAnUnclosedQuoteAreReportedAndTheRestIsScanned() throws IOException {
        String longCell = "a@example.nl " + "y".repeat(CsvExtractor.MAX_CELL_CHARS) + " b@example.nl";
        String csv = "contact,other\n" + longCell + ",c@example.nl\n" + "d@example.nl,\"open e@example.nl\nf@example.nl\n";
        RecordingContext ctx = scan("long.csv", csv.getBytes(StandardCharsets.UTF_8), false);

        assertThat(ctx.errors).extracting(e -> e.kind()).containsExactlyInAnyOrder("too-large", "corrupt");
        assertThat(ctx.errors).anySatisfy(e -> assertThat(e.message()).startsWith("1 cell(s) longer than"));
        assertThat(ctx.errors).anySatisfy(e -> assertThat(e.message()).contains("opened on line 3"));
        // the cut cell keeps its first value; the values after it, in its row and later, are all found
        assertExactPositions(csv, ctx.findings, Set.of("a@example.nl", "c@example.nl", "d@example.nl",
                "e@example.nl", "f@example.nl"));
        assertThat(ctx.findingsOf("EMAIL")).hasSize(5);
    }

    /** Paths and name hints are worked out once per key and file; records after the first get the same. */
    @Test
    void jsonPathsAndHintsAreTheSameForEveryRecord() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3; i++) {
            json.append(i == 0 ? "" : ",").append("{\"klant's mail\": \"a").append(i).append("@example.nl\", ")
                    .append("\"bsn\": [\"111222333\"], \"k").append(i).append("\": {\"email\": \"b")
                    .append(i).append("@example.nl\"}}");
        }
        json.append("]");
        RecordingContext ctx = scan("r.json", json.toString().getBytes(StandardCharsets.UTF_8), false);

        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().section()).containsExactly(
                "$[*]['klant\\'s mail']", "$[*].k0.email", "$[*]['klant\\'s mail']", "$[*].k1.email",
                "$[*]['klant\\'s mail']", "$[*].k2.email");
        assertThat(ctx.findingsOf("EMAIL")).filteredOn(f -> f.location().section().endsWith(".email"))
                .allSatisfy(f -> assertThat(f.attributes()).containsEntry("nameHint", "EMAIL"));
        assertThat(ctx.findingsOf("BSN")).hasSize(3).allSatisfy(f -> {
            assertThat(f.location().section()).isEqualTo("$[*].bsn[*]");
            assertThat(f.attributes()).containsEntry("nameHint", "BSN"); // named by the array's key
        });
    }
    /** 30 chars each side of a value in a cell may end inside an emoji's surrogate pair: the half is left out. */
    @Test
    void snippetNeverCutsASurrogatePair() throws IOException {
        String emoji = "\uD83D\uDE00";
        for (int shift = 0; shift < 4; shift++) {
            String csv = "id,notes\n1,\"" + "x".repeat(shift) + emoji.repeat(20) + " jan@example.nl "
                    + emoji.repeat(20) + "\"\n";
            RecordingContext ctx = scan("chat.csv", csv.getBytes(StandardCharsets.UTF_8), false);
            assertThat(ctx.findingsOf("EMAIL")).hasSize(1);
            String snippet = ctx.findingsOf("EMAIL").get(0).snippet();
            assertThat(snippet).contains(" ja**").doesNotContain("jan@example.nl");
            assertThat(new String(snippet.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .as("well-formed UTF-16 (shift %d): %s", shift, snippet).isEqualTo(snippet);
        }
    }
}
