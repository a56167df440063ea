package io.dataguardian.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.finding.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnExtractorsTest {

    static final String[] BSNS = {"111222333", "123456782", "999999990"}; // all pass the 11-proof

    /** With aggregation on (the previous behaviour these tests pin down); see {@link OccurrenceFindingsTest} for off. */
    private static RecordingContext scan(String path, String content) throws IOException {
        return new RecordingContext().aggregate(true).scan(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), path);
    }

    @Test
    void csvHitsAreAggregatedPerColumnWithCountShareAndFirstLine() throws IOException {
        StringBuilder csv = new StringBuilder("id,contact,notes\n");
        for (int i = 1; i <= 10; i++) {
            String mail = i <= 8 ? "klant" + i + "@example.nl" : "";
            csv.append(i).append(',').append(mail).append(",\"line one\nline two, with comma\"\n");
        }
        RecordingContext ctx = scan("export/customers.csv", csv.toString());

        assertThat(ctx.errors).isEmpty();
        Finding f = single(ctx.findingsOf("EMAIL"));
        assertThat(f.location().path()).isEqualTo("export/customers.csv");
        assertThat(f.location().section()).isEqualTo("column contact");
        assertThat(f.occurrences()).isEqualTo(8);
        assertThat(f.attributes()).containsEntry("rows", "8").containsEntry("share", "0.800");
        assertThat(f.location().line()).isEqualTo(2);
        assertThat(f.location().column()).isEqualTo(3);
        assertThat(f.maskedValue()).doesNotContain("klant1@");
    }

    @Test
    void quotedFieldsWithNewlinesKeepLineNumbersRight() throws IOException {
        String csv = "name;bsn\n\"Jansen;\nJan\";111222333\n\"de \"\"Vries\"\"\";\"123456782\"\n";
        RecordingContext ctx = scan("k.csv", csv);

        Finding f = single(ctx.findingsOf("BSN"));
        assertThat(f.location().section()).isEqualTo("column bsn");
        assertThat(f.occurrences()).isEqualTo(2);
        assertThat(f.location().line()).isEqualTo(3); // the first record spans lines 2-3
        assertThat(f.attributes()).containsEntry("share", "1.000");
    }

    @Test
    void headerNameRaisesConfidence() throws IOException {
        RecordingContext named = scan("a.csv", "bsn\n111222333\n");
        RecordingContext anonymous = scan("b.csv", "x\n111222333\n");

        Finding withHint = single(named.findingsOf("BSN"));
        Finding without = single(anonymous.findingsOf("BSN"));
        assertThat(withHint.confidence()).isGreaterThan(without.confidence());
        assertThat(withHint.attributes()).containsEntry("nameHint", "BSN");
    }

    @Test
    void firstRowWithPersonalDataIsDataNotAHeader() throws IOException {
        RecordingContext ctx = scan("nohead.csv", "jan@example.nl,1\npiet@example.nl,2\n");

        Finding f = single(ctx.findingsOf("EMAIL"));
        assertThat(f.location().section()).isEqualTo("column 1");
        assertThat(f.occurrences()).isEqualTo(2);
    }

    @Test
    void tsvUsesTabs() throws IOException {
        RecordingContext ctx = scan("x.tsv", "naam\te-mail\nJan, Piet\tjan@example.nl\n");

        assertThat(single(ctx.findingsOf("EMAIL")).location().section()).isEqualTo("column e-mail");
    }

    @Test
    void jsonFindingsNameTheJsonPathWithArraysFolded() throws IOException {
        String json = """
                {"customers": [
                  {"name": "Jan", "email": "jan@example.nl", "ids": {"bsn": "111222333"}},
                  {"name": "Piet", "email": "piet@example.nl", "ids": {"bsn": 123456782}},
                  {"name": "Kees", "email": "", "ids": {}}
                ], "meta": {"owner": "dpo@example.org"}}
                """;
        RecordingContext ctx = scan("dump.json", json);

        assertThat(ctx.errors).isEmpty();
        assertThat(ctx.findingsOf("EMAIL")).extracting(f -> f.location().section())
                .containsExactlyInAnyOrder("$.customers[*].email", "$.meta.owner");
        Finding emails = ctx.findingsOf("EMAIL").stream()
                .filter(f -> f.location().section().equals("$.customers[*].email")).findFirst().orElseThrow();
        assertThat(emails.occurrences()).isEqualTo(2);
        assertThat(emails.attributes()).containsEntry("rows", "2").containsEntry("share", "0.667");
        assertThat(emails.location().line()).isEqualTo(2);
        Finding bsn = single(ctx.findingsOf("BSN"));
        assertThat(bsn.location().section()).isEqualTo("$.customers[*].ids.bsn");
        assertThat(bsn.occurrences()).isEqualTo(2); // the number counts as well as the string
    }

    @Test
    void ndjsonRecordsAggregateAtTheRootPaths() throws IOException {
        StringBuilder nd = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            nd.append("{\"user\":{\"mail\":\"u").append(i).append("@example.nl\"},\"n\":").append(i).append("}\n");
        }
        RecordingContext ctx = scan("events.ndjson", nd.toString());

        Finding f = single(ctx.findingsOf("EMAIL"));
        assertThat(f.location().section()).isEqualTo("$.user.mail");
        assertThat(f.occurrences()).isEqualTo(5);
        assertThat(f.location().line()).isEqualTo(1);
    }

    @Test
    void brokenJsonKeepsEarlierFindingsAndReportsWhere() throws IOException {
        RecordingContext ctx = scan("bad.json", "[{\"email\": \"a@example.nl\"},\n{\"email\": \"b@example.nl\"\n");

        assertThat(ctx.errorsOf("corrupt")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("invalid JSON").contains("line"));
        assertThat(single(ctx.findingsOf("EMAIL")).occurrences()).isEqualTo(2);
    }

    @Test
    void columnNameHints() {
        assertThat(ColumnNameHints.entityType("klant_email")).contains("EMAIL");
        assertThat(ColumnNameHints.entityType("contactEmail")).contains("EMAIL");
        assertThat(ColumnNameHints.entityType("Burgerservicenummer")).contains("BSN");
        assertThat(ColumnNameHints.entityType("geboortedatum")).contains("DATE_OF_BIRTH");
        assertThat(ColumnNameHints.entityType("date_of_birth")).contains("DATE_OF_BIRTH");
        assertThat(ColumnNameHints.entityType("telefoonnummer")).contains("PHONE_NUMBER");
        assertThat(ColumnNameHints.entityType("rekeningnummer")).contains("IBAN");
        assertThat(ColumnNameHints.entityType("achternaam")).contains("PERSON_NAME");
        assertThat(ColumnNameHints.entityType("first_name")).contains("PERSON_NAME");
        assertThat(ColumnNameHints.entityType("klantnaam")).contains("PERSON_NAME");
        assertThat(ColumnNameHints.entityType("product_name")).isEmpty();
        assertThat(ColumnNameHints.entityType("table_name")).isEmpty();
        assertThat(ColumnNameHints.entityType("amount")).isEmpty();
        assertThat(ColumnNameHints.entityType("postcode")).contains("POSTCODE");
    }

    private static Finding single(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    /** The one-pass ASCII normalisation gives what the regular expressions give, for any ASCII name. */
    @Test
    void columnNamesNormaliseAsThePatternsDo() {
        List<String> names = new java.util.ArrayList<>(List.of("contactEmail", "  Date-Of-Birth ", "__x__", "IBAN",
                "ipV4Address", "e-mail", "klant's mail", "a1B2c3", "", "_", "ABCdef", "x.y.z", "Ünïcode_Naam"));
        java.util.Random random = new java.util.Random(42);
        String alphabet = "aZz09_- .AbQ@'\t";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(sb.toString());
        }
        for (String name : names) {
            assertThat(ColumnNameHints.normalise(name)).as(name)
                    .isEqualTo(ColumnNameHints.normaliseByPatterns(name.trim()));
        }
        assertThat(ColumnNameHints.normalise("contactEmail")).isEqualTo("contact_email");
        assertThat(ColumnNameHints.normalise("  Date-Of-Birth ")).isEqualTo("date_of_birth");
    }
}
