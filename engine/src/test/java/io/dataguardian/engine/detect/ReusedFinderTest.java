package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A CandidateFinder reused from window to window (as CatalogueScanner keeps one per thread) finds exactly what a new
 * finder per window finds, whatever windows came before, and keeps neither a window's text nor the digits of the
 * last number it looked at.
 */
class ReusedFinderTest {

    private static final List<String> TEXTS = List.of(
            "bsn: 111222333",
            "Card 4111 1111 1111 1111 expires 12/27",
            "creditcard 5500005555555559",
            "bel +31 6 12345678 of 020-1234567 (werk)",
            "telefoon 06-12345678",
            "IBAN NL91ABNA0417164300 t.n.v. J. Jansen",
            "mail jan.jansen@example.nl, cc piet@example.com",
            "password=xK9mP2vL5qR8tZ4w",
            "\"api_token\": \"s3cr3tValue9876543210abc\"",
            "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
            "geboortedatum: 1985-03-12, postcode 1234 AB",
            "ip 192.168.10.20 version 1.2.3.4",
            "kvk 12345678 btw NL123456789B01",
            "ordernummer 123456789 paspoort XR1234567",
            "patiënt diagnose diabetes, bsn 111222333",
            "",
            "plain words only here",
            "0031612345678 and 0612345678 and (020) 123 4567",
            // windows with memory of their own (an SQL tuple's columns, the last AWS key id): none carries over
            "INSERT INTO clienten (id, naam, geboortedatum, postcode) VALUES (4, 'Fatima', '1943-08-03', '3356 MB'), "
                    + "(5, 'Jan', '1950-01-02', '1234 AB');",
            "VALUES (7, 'x', '1961-04-05', '2048 MB');",
            "credentials: access-key AKIAZ4QHATQ6LKJE2MLH, secret-key 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",
            "secret-key j60TUpK5qVKT4ehYuRaVdQc+895eiKIJSVZHo0aO",
            // a CREATE TABLE's columns and a table's birth column are the window's own too
            "CREATE TABLE t (id int, geboortedatum date, postcode text);\nINSERT INTO t VALUES (1, '1961-04-05', '2048 MB');",
            "INSERT INTO t VALUES (1, '1961-04-05', '2048 MB');",
            "| Naam | Geboren |\n|---|---|\n| Jan | 12-03-1985 |\n| Ans | 08-09-46 |",
            "| Piet | 12-03-1985 |\n| Ans | 08-09-46 |",
            // JWT headers: a JSON object with "alg", one without the quotes (no JSON), one without "alg"; the
            // reused finder answers the repeated ones from its headers seen before
            "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXZhbHVlLWhlcmU",
            "token eyJhbGciOkhTMjU2LHR5cDpKV1R9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXZhbHVlLWhlcmU",
            "token eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXZhbHVlLWhlcmU and "
                    + "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5ODc2In0.b3RoZXItc2lnbmF0dXJl");

    @Test
    void aReusedFinderFindsWhatAFreshOneFinds() {
        List<String> order = new ArrayList<>(TEXTS);
        CandidateFinder reused = new CandidateFinder();
        Random random = new Random(8);
        for (int round = 0; round < 5; round++) {
            for (String text : order) {
                char[] b = text.toCharArray();
                List<Candidate> fresh = new ArrayList<>();
                new CandidateFinder(b, b.length, fresh).run(0, b.length);
                List<Candidate> again = new ArrayList<>();
                reused.run(b, b.length, again, 0, b.length);
                assertThat(describe(again)).as(text).isEqualTo(describe(fresh));
                // a part of the window, as a streamed region scans it
                int from = Math.min(b.length, 3);
                List<Candidate> part = new ArrayList<>();
                new CandidateFinder(b, b.length, part).run(from, b.length);
                List<Candidate> partAgain = new ArrayList<>();
                reused.run(b, b.length, partAgain, from, b.length);
                assertThat(describe(partAgain)).as(text).isEqualTo(describe(part));
            }
            Collections.shuffle(order, random);
        }
    }

    @Test
    void theCorpusYieldsCandidatesOfSeveralDetectors() {
        List<Integer> detectors = new ArrayList<>();
        for (String text : TEXTS) {
            char[] b = text.toCharArray();
            List<Candidate> out = new ArrayList<>();
            new CandidateFinder(b, b.length, out).run(0, b.length);
            out.forEach(c -> detectors.add(c.detector));
        }
        assertThat(detectors.stream().distinct().count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void keepsNoTextNorDigitsAfterAWindow() throws ReflectiveOperationException {
        CandidateFinder finder = new CandidateFinder();
        // a long card number, then a shorter one (the builder keeps the first one's last digits past the second's),
        // a BSN, a rejected 9-digit number and an IBAN: every scratch builder has held digits
        char[] b = ("Card 4111 1111 1111 1111 111, card 3782 822463 10005, bel +31 6 12345678, BSN 111222333, "
                + "order 123456789, IBAN NL91 ABNA 0417 1643 00").toCharArray();
        List<Candidate> out = new ArrayList<>();
        finder.run(b, b.length, out, 0, b.length);
        assertThat(out).extracting(c -> c.detector).contains(Detectors.CARD, Detectors.BSN, Detectors.IBAN);
        assertThat(field(finder, "b")).isNull();
        assertThat(field(finder, "out")).isNull();
        assertThat((char[]) field(finder, "phoneDigits")).containsOnly('\0');
        for (String name : List.of("cardDigits", "bsnDigits", "ibanChars")) {
            StringBuilder scratch = (StringBuilder) field(finder, name);
            assertThat(scratch.length()).as(name).isZero();
            scratch.setLength(scratch.capacity()); // the chars past the length, as they are in the builder's array
            assertThat(scratch.toString().chars()).as(name).containsOnly(0);
        }
        // the JWT headers' verdicts are kept by hash, not by their chars
        for (Field f : CandidateFinder.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                assertThat(f.getType()).as(f.getName()).isNotEqualTo(char[][].class);
            }
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = CandidateFinder.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static List<String> describe(List<Candidate> cands) {
        List<String> d = new ArrayList<>();
        for (Candidate c : cands) {
            d.add(c.detector + "@" + c.start + "-" + c.end + " " + c.adjust + " " + c.keyed + " " + c.critical);
        }
        return d;
    }
}
