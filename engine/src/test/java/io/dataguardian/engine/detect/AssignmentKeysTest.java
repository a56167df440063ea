package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

/** The key and value shapes CandidateFinder.assignment reads: which texts yield a generic secret, and its value. */
class AssignmentKeysTest {

    private static final String VALUE = "xK9mP2vL5qR8tZ4w";

    @ParameterizedTest
    @ValueSource(strings = {
        "password=V",
        "password = V",
        "db.password=V",
        "api-key: V",
        "\"api_token\": \"V\"",
        "'secret' => 'V'",
        "token := V",
        "Authorization_token: Bearer V",
        "x passwd=`V`",
        "wachtwoord=V",
        "password=V, user=jan",
        "(password=V)",
        "{password: V}",
        "[token=V]",
        "password=V<br>",
        "password=V\tnext"})
    void findsTheSecretOfAKeyThatNamesOne(String line) {
        String text = line.replace("V", VALUE);
        assertThat(secrets(text)).containsExactly(VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "password == V",
        "password!=V",
        "status=V",
        "passport=V",
        "p=V",
        "é=V",
        "token_url=V",
        "password=changeme123"})
    void ignoresOperatorsAndKeysThatNameNoSecret(String line) {
        assertThat(secrets(line.replace("V", VALUE))).isEmpty();
    }

    @Test
    void readsAKeyOfAtMost64CharsAndStopsAtANonAsciiChar() {
        String longKey = "a".repeat(60) + "password"; // the last 64 chars hold "password"
        assertThat(secrets(longKey + "=" + VALUE)).containsExactly(VALUE);
        assertThat(secrets("password" + "a".repeat(60) + "=" + VALUE)).isEmpty(); // "password" beyond 64 chars
        assertThat(secrets("ÿpassword=" + VALUE)).containsExactly(VALUE);
        assertThat(secrets("passwordÿ=" + VALUE)).isEmpty();
    }

    private static List<String> secrets(String text) {
        char[] b = text.toCharArray();
        List<Candidate> out = new ArrayList<>();
        new CandidateFinder(b, b.length, out).run(0, b.length);
        List<String> values = new ArrayList<>();
        for (Candidate c : out) {
            if (c.detector == Detectors.GENERIC_SECRET) {
                values.add(new String(b, c.start, c.end - c.start));
            }
        }
        return values;
    }
}
