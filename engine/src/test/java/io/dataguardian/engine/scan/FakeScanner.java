package io.dataguardian.engine.scan;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for the catalogue, for orchestration and report tests: 9-digit numbers
 * ({@code test.bsn}, CRITICAL), e-mail addresses ({@code test.email}, MEDIUM) and
 * {@code SECRET-...} tokens ({@code test.secret}, HIGH). Reads the whole text (tests only).
 */
public final class FakeScanner implements TextScanner {

    private static final Pattern BSN = Pattern.compile("\\b\\d{9}\\b");
    private static final Pattern EMAIL = Pattern.compile("\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+\\b");
    private static final Pattern SECRET = Pattern.compile("SECRET-[A-Za-z0-9]+");

    @Override
    public List<Match> scan(CharSequence text) {
        List<Match> out = new ArrayList<>();
        find(out, text, BSN, "test.bsn", "BSN", Severity.CRITICAL);
        find(out, text, EMAIL, "test.email", "EMAIL", Severity.MEDIUM);
        find(out, text, SECRET, "test.secret", "SECRET", Severity.HIGH);
        return out;
    }

    private static void find(List<Match> out, CharSequence text, Pattern p, String id, String type, Severity sev) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String raw = m.group();
            out.add(new Match(id, type, sev, 0.9, List.of("GDPR Art. 4"), m.start(), m.end(), mask(raw),
                    fingerprint(raw)));
        }
    }

    @Override
    public void scan(Reader text, String path, String section, FindingSink sink) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1 << 16];
        int n;
        while ((n = text.read(buf)) > 0) {
            sb.append(buf, 0, n);
        }
        String s = sb.toString();
        for (Match m : scan(s)) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int col = m.start() - lineStart + 1;
            Location loc = new Location(path, section, line, col, line, col + (m.end() - m.start()), m.start(),
                    m.end() - m.start());
            sink.finding(new Finding(m.detectorId(), m.entityType(), m.severity(), m.confidence(), m.articles(), loc,
                    m.maskedValue(), m.fingerprint(), "... " + m.maskedValue() + " ...", 1, Map.of()));
        }
    }

    public static String mask(String raw) {
        if (raw.length() <= 4) {
            return "****";
        }
        return raw.substring(0, 2) + "*".repeat(raw.length() - 4) + raw.substring(raw.length() - 2);
    }

    public static String fingerprint(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
