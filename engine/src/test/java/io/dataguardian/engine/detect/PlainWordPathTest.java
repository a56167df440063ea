package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The finder's fast paths (a plain word of lower-case ASCII letters, a one- or two-digit number) hand every
 * token that may start something more to the general path: each text here holds such a token, right where
 * a fast path would otherwise have skipped it, and the marked match must be found.
 */
class PlainWordPathTest {

    private static final TextScanner SCANNER = Catalogue.standard()
            .newScanner(DetectionSettings.withKey("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8)));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // an AWS secret whose first 17 chars are lower-case letters, ended by '/': a plain word of 16+ letters
        "AWS secret key [[abcdefghijklmnopq/R7sT8uV9wX0yZ1aB2cD3eF]] rotated",
        // an IPv6 address whose first group is hex letters only: a plain word ended by ':'
        "request from [[abcd:bdd3:e029:b99a::2a]] took 3 ms",
        // lower-case token prefixes: the word before '_' or '-' is plain
        "GITHUB_TOKEN [[ghp_9aZkQ2mX7pL4vN8tR1sW5yB3cD6fG0hJ2kL4]] set",
        "stripe [[sk_live_4eC39HqLyjWDarjtT1zdp7dc]] set",
        "slack [[xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx]] set",
        // a street of more than six letters, capitalised, before a house number
        "adres [[Kerkstraat 12]] Utrecht",
        // a month name, a lexicon word on the fast path, starting a date after a birth word
        "born [[March 12, 1985]] in Utrecht",
        // a one- or two-digit number at the end of the text or before a char that ends it
        "leeftijd: [[12]]",
        "leeftijd: [[12]];",
        // one- or two-digit numbers that start a date or an IP address
        "geboortedatum: [[5-3-1990]]", "geboortedatum: [[5/3/1990]]", "from [[10.0.0.1]]:8080",
        // numbers starting with 0 that the phone check must still see
        "bel [[0612345678]] morgen", "bel [[06-12345678]] morgen", "bel [[06 1234 5678]] morgen"})
    void findsTheMarkedMatch(String example) {
        int s = example.indexOf("[[");
        int e = example.indexOf("]]") - 2;
        String text = example.replace("[[", "").replace("]]", "");
        List<Match> matches = SCANNER.scan(text);
        assertThat(matches).as("matches in <%s>", text).anySatisfy(m -> {
            assertThat(m.start()).isEqualTo(s);
            assertThat(m.end()).isEqualTo(e);
        });
    }
}
