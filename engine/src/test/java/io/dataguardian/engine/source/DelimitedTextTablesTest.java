package io.dataguardian.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delimited tables in files not named .csv (a .txt / .dat / .psv export, an extensionless dump) are read by the CSV
 * extractor when their head is clearly a table, so the column headers give context; prose, Markdown and logs are
 * not. Key/value rows take the label of the cell before a value. All values made up (11-proof / checksums valid).
 */
class DelimitedTextTablesTest {

    private static final String PIPE_EXPORT = """
            lidnummer|naam|geboren|postcode|woonplaats
            L10001|Jan Jansen|24-04-1983|5220 WN|Haarlem
            L10002|Piet de Vries|15-03-1992|6516 YB|Leiden
            L10003|Anna Smit|19-06-1975|4407NX|Eindhoven
            """;

    private static final TextScanner SCANNER = Catalogue.standard()
            .newScanner(DetectionSettings.withKey("delimited-tables-key-01".getBytes(StandardCharsets.UTF_8)));

    private static RecordingContext scan(String path, String content) throws IOException {
        return new RecordingContext(SCANNER, ScanLimits.defaults())
                .scan(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), path);
    }

    private static char sniff(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return CsvExtractor.tableDelimiter(b, b.length);
    }

    @Test
    void pipeTableInATxtFileIsReadByColumn() throws IOException {
        RecordingContext ctx = scan("exports/leden.txt", PIPE_EXPORT);

        List<Finding> dates = ctx.findingsOf("DATE_OF_BIRTH");
        assertThat(dates).hasSize(3);
        assertThat(dates).allSatisfy(f -> assertThat(f.location().section()).isEqualTo("column geboren"));
        assertThat(dates.get(0).location().line()).isEqualTo(2);
        assertThat(ctx.findingsOf("POSTCODE")).hasSize(3);
    }

    @Test
    void tabAndSemicolonTablesWithOtherNamesToo() throws IOException {
        String tab = PIPE_EXPORT.replace('|', '\t');
        String semi = PIPE_EXPORT.replace('|', ';');
        assertThat(scan("dump", tab).findingsOf("DATE_OF_BIRTH")).hasSize(3);
        assertThat(scan("leden.dat", semi).findingsOf("DATE_OF_BIRTH")).hasSize(3);
        assertThat(scan("leden.psv", PIPE_EXPORT).findingsOf("DATE_OF_BIRTH")).hasSize(3);
        assertThat(new CsvExtractor().supports("leden.txt", PIPE_EXPORT.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void markdownProseLogsAndOtherFilesStayText() {
        CsvExtractor csv = new CsvExtractor();
        byte[] table = PIPE_EXPORT.getBytes(StandardCharsets.UTF_8);
        assertThat(csv.supports("README.md", table)).isFalse();
        assertThat(csv.supports("leden.log", table)).isFalse();
        assertThat(csv.supports("Leden.java", table)).isFalse();
        // a Markdown table in a .txt file: its lines start with the pipe
        assertThat(sniff("| naam | geboren | postcode |\n|---|---|---|\n| Jan | 24-04-1983 | 5220 WN |\n"
                + "| Piet | 15-03-1992 | 6516 YB |\n")).isEqualTo((char) 0);
        // prose with a pipe or two
        assertThat(sniff("Notities | klantcontact | week 12\nJan belde over zijn geboortedatum.\n"
                + "Terugbellen | morgen.\n")).isEqualTo((char) 0);
        // a log: the first field is a timestamp, not a name
        assertThat(sniff("2024-03-12 10:00|INFO|start\n2024-03-12 10:01|INFO|ok\n2024-03-12 10:02|WARN|slow\n")).isEqualTo((char) 0);
        // fields that vary from line to line
        assertThat(sniff("naam|geboren|postcode\nJan|24-04-1983|5220 WN\nPiet|15-03-1992\n")).isEqualTo((char) 0);
        // a header and one line is not enough to call it a table
        assertThat(sniff("naam|geboren|postcode\nJan|24-04-1983|5220 WN\n")).isEqualTo((char) 0);
        // two names only
        assertThat(sniff("naam|geboren\nJan|24-04-1983\nPiet|15-03-1992\n")).isEqualTo((char) 0);
        // two delimiters in the header
        assertThat(sniff("naam|geboren;postcode|plaats\nJan|24-04-1983;5220 WN|Haarlem\nPiet|15-03-1992;6516 YB|Leiden\n"))
                .isEqualTo((char) 0);
        assertThat(sniff(PIPE_EXPORT)).isEqualTo('|');
        assertThat(sniff("\uFEFF" + PIPE_EXPORT.replace("\n", "\r\n"))).isEqualTo('|');
    }

    @Test
    void prosePipesAreStillScannedAsText() throws IOException {
        RecordingContext ctx = scan("notes.txt", "Notities | klantcontact | week 12\n"
                + "Jan zei dat hij op 24-04-1983 geboren is.\n");
        Finding f = ctx.findingsOf("DATE_OF_BIRTH").get(0);
        assertThat(f.location().section()).isNull();
    }

    @Test
    void aKeyValueRowLabelsTheCellAfterTheLabel() throws IOException {
        String csv = """
                "Categorie";"Veld";"Waarde";"Bron"
                "Identiteit";"Geboortedatum";"4 maart 1979";"BRP"
                "Identiteit";"Geboortedatum";"10-2-1949";"BRP"
                "Contact";"Aangemaakt";"12-03-1980";"CRM"
                "Contact";"Gewijzigd";"4 maart 2019";"CRM"
                """;
        RecordingContext ctx = scan("gdpr/inzage.csv", csv);

        List<Finding> dates = ctx.findingsOf("DATE_OF_BIRTH");
        assertThat(dates).hasSize(2);
        assertThat(dates).allSatisfy(f -> assertThat(f.location().line()).isBetween(2, 3));
    }
}
