package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A small labelled corpus in mixed formats (prose EN/NL, logs, CSV, JSON, YAML, .env, code) with
 * hard negatives, written independently of the detectors' own examples. Planted values are marked
 * {@code [[TYPE|value]]}; everything else of an evaluated type that is reported is a false positive.
 */
class SmokeCorpusTest {

    static final Set<String> EVALUATED = Set.of("BSN", "IBAN", "CREDIT_CARD", "PHONE_NUMBER", "EMAIL", "IP_ADDRESS",
            "POSTCODE", "PASSPORT_NUMBER", "ID_CARD_NUMBER", "DATE_OF_BIRTH", "AWS_ACCESS_KEY", "AWS_SECRET_KEY",
            "PRIVATE_KEY", "GITHUB_TOKEN", "JWT", "GENERIC_SECRET");

    static final String CORPUS = """
            Beste heer De Vries, uw burgerservicenummer [[BSN|111.222.333]] is gekoppeld aan rekening [[IBAN|NL02 ABNA 0123 4567 89]].
            U bent bereikbaar op [[PHONE_NUMBER|06-87654321]] en via [[EMAIL|p.devries@voorbeeld.nl]]; adres Dorpsstraat 4, [[POSTCODE|7411 KT]] Deventer.
            Ordernummer 123456782 is verzonden; trackingcode 3S1234567890 volgt. Factuur 2024-0012 bedraagt EUR 1.234,56.
            The patient, born [[DATE_OF_BIRTH|14/02/1978]], presented with chest pain. Passport no. [[PASSPORT_NUMBER|XN4C8R2K7]] was checked.
            Released version 2.4.10.1 on 2024-03-05; build 1.0.0.0 passed. Meeting at 10:30:00, room 12-04-B.
            Payment declined for card [[CREDIT_CARD|4532 0151 1283 0366]]; test number 4532 0151 1283 0367 is invalid.
            Identiteitskaart documentnummer [[ID_CARD_NUMBER|IR57BC6J2]], geldig tot 01-01-2030.
            2024-05-01T12:00:00Z INFO  login ok user=[[EMAIL|anna@example.com]] ip=[[IP_ADDRESS|203.0.113.7]] session=8f14e45fceea167a5a36dedd4bea2543
            2024-05-01T12:00:01Z WARN  upstream [[IP_ADDRESS|2001:db8:85a3::8a2e:370:7334]] slow; request id 550e8400-e29b-41d4-a716-446655440000
            2024-05-01T12:00:02Z DEBUG commit 3e1f0a9c2b7d4e5f60718293a4b5c6d7e8f90123 deployed, sha256 9f86d081884c7d659a2feaa0c55ad015
            id,naam,bsn,email,telefoon,iban
            17,Jan Jansen,[[BSN|123456782]],[[EMAIL|jan@jansen.nl]],[[PHONE_NUMBER|+31 20 555 0123]],[[IBAN|DE89370400440532013000]]
            18,Piet Pieters,123456789,piet@@invalid,12345,NL91ABNA0417164301
            {"customer": {"email": "[[EMAIL|k.smit@bedrijf.nl]]", "phone": "[[PHONE_NUMBER|0031 6 12345678]]", "version": "10.0.0.12"}}
            {"orderId": 987654321, "amount": 4111.11, "sku": "AB-1234-XY", "uuid": "123e4567-e89b-12d3-a456-426614174000"}
            database:
              url: [[GENERIC_SECRET|postgres://app:Pq8vN2xLm4Rt@db.internal:5432/app]]
              password: "[[GENERIC_SECRET|Zq4#Lp9vX2mN7tR1]]"
              username: app
            aws:
              access_key_id: [[AWS_ACCESS_KEY|AKIAQX4NZ7T3RHL2W5VB]]
              secret_access_key: [[AWS_SECRET_KEY|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]]
            GITHUB_TOKEN=[[GITHUB_TOKEN|ghp_9aZkQ2mX7pL4vN8tR1sW5yB3cD6fG0hJ2kL4]]
            API_KEY=changeme
            DB_PASSWORD=${DB_PASSWORD}
            SECRET_KEY=<your-secret-here>
            const auth = "Bearer [[JWT|eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhYmMxMjMiLCJuYW1lIjoiQW5uYSJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU]]";
            String password = System.getenv("APP_PASSWORD");
            // call [[PHONE_NUMBER|0800-0123]] for support; sizes 1024 MB and 2048 KB; coordinates 52.370216, 4.895168
            [[PRIVATE_KEY|-----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJzBCtNqjTEfoAoGCCqGSM49
            -----END EC PRIVATE KEY-----]]
            Geboortedatum: [[DATE_OF_BIRTH|3 april 1969]]. Tel. [[PHONE_NUMBER|010-4123456]]. Telefoonnummer zonder netnummer 412345.
            Mail support@ or @team in chat; image logo@2x.png; package lodash@4.17.21.
            """;

    record Planted(String type, int start, int end) {
    }

    @Test
    void everyEvaluatedTypeReachesItsPrecisionAndRecall() throws IOException {
        List<Planted> planted = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher m = Pattern.compile("\\[\\[([A-Z_]+)\\|(.*?)]]", Pattern.DOTALL).matcher(CORPUS);
        int last = 0;
        while (m.find()) {
            text.append(CORPUS, last, m.start());
            int s = text.length();
            text.append(m.group(2));
            planted.add(new Planted(m.group(1), s, text.length()));
            last = m.end();
        }
        text.append(CORPUS.substring(last));

        List<Finding> findings = new ArrayList<>();
        Catalogue.standard().newScanner(DetectionSettings.withKey("smoke-corpus-key-0123".getBytes(StandardCharsets.UTF_8)))
                .scan(new StringReader(text.toString()), "smoke.txt", null, new FindingSink() {
                    @Override
                    public void finding(Finding f) {
                        findings.add(f);
                    }

                    @Override
                    public void error(FileError e) {
                    }
                });

        Map<String, int[]> stats = new TreeMap<>(); // labels, found, predictions, correct
        boolean[] found = new boolean[planted.size()];
        List<String> falsePositives = new ArrayList<>();
        for (Finding f : findings) {
            String type = f.entityType().equals("CONNECTION_STRING") ? "GENERIC_SECRET" : f.entityType();
            if (!EVALUATED.contains(type)) {
                continue;
            }
            int s = (int) f.location().offset();
            int e = s + f.location().length();
            boolean ok = false;
            for (int k = 0; k < planted.size(); k++) {
                Planted p = planted.get(k);
                if (p.type().equals(type) && p.start() < e && s < p.end()) {
                    ok = true;
                    found[k] = true;
                }
            }
            int[] st = stats.computeIfAbsent(type, x -> new int[4]);
            st[2]++;
            if (ok) {
                st[3]++;
            } else {
                falsePositives.add(f.detectorId() + " at " + f.location().display() + " " + f.maskedValue());
            }
        }
        List<String> missed = new ArrayList<>();
        for (int k = 0; k < planted.size(); k++) {
            int[] st = stats.computeIfAbsent(planted.get(k).type(), x -> new int[4]);
            st[0]++;
            if (found[k]) {
                st[1]++;
            } else {
                missed.add(planted.get(k).type() + " at offset " + planted.get(k).start());
            }
        }
        assertThat(falsePositives).as("false positives").isEmpty();
        assertThat(missed).as("missed").isEmpty();
        assertThat(stats.keySet()).containsAll(EVALUATED);
    }
}
