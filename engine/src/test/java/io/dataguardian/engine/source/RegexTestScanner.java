package io.dataguardian.engine.source;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.Match;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.finding.Location;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for the detector catalogue in the source tests: e-mail, BSN (11-proof), Dutch
 * IBAN and Luhn-valid card numbers. Enough to prove where extractors put findings.
 */
public final class RegexTestScanner implements TextScanner {

    // starts only where a local part can start (and never gives back): a 64 Ki-char run of letters is linear
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern BSN = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");
    private static final Pattern IBAN = Pattern.compile("\\bNL[0-9]{2}[A-Z]{4}[0-9]{10}\\b");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");

    @Override
    public List<Match> scan(CharSequence text) {
        List<Match> out = new ArrayList<>();
        add(out, EMAIL.matcher(text), "email", "EMAIL", Severity.MEDIUM, null);
        add(out, BSN.matcher(text), "nl-bsn", "BSN", Severity.HIGH, "bsn");
        add(out, IBAN.matcher(text), "iban", "IBAN", Severity.HIGH, null);
        add(out, CARD.matcher(text), "credit-card", "CREDIT_CARD", Severity.CRITICAL, "luhn");
        return out;
    }

    private static void add(List<Match> out, Matcher m, String id, String type, Severity sev, String check) {
        while (m.find()) {
            String v = m.group();
            if ("bsn".equals(check) && !elevenProof(v) || "luhn".equals(check) && !luhn(v)) {
                continue;
            }
            out.add(new Match(id, type, sev, 0.8, List.of("GDPR Art. 4(1)"), m.start(), m.end(), mask(v), fingerprint(v)));
        }
    }

    @Override
    public void scan(Reader text, String path, String section, FindingSink sink) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = text.read(buf)) >= 0) {
            sb.append(buf, 0, n);
        }
        for (Match m : scan(sb)) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (sb.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int col = m.start() - lineStart + 1;
            Location loc = new Location(path, section, line, col, line, col + (m.end() - m.start()), m.start(), m.end() - m.start());
            sink.finding(new Finding(m.detectorId(), m.entityType(), m.severity(), m.confidence(), m.articles(), loc,
                    m.maskedValue(), m.fingerprint(), "", 1, null));
        }
    }

    static boolean elevenProof(String v) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (v.charAt(i) - '0');
        }
        sum -= v.charAt(8) - '0';
        return sum % 11 == 0 && !v.equals("000000000");
    }

    static boolean luhn(String v) {
        int sum = 0;
        boolean dbl = false;
        for (int i = v.length() - 1; i >= 0; i--) {
            int d = v.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    static String mask(String v) {
        if (v.length() <= 4) {
            return "****";
        }
        return v.substring(0, 2) + "*".repeat(v.length() - 4) + v.substring(v.length() - 2);
    }

    static String fingerprint(String v) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
