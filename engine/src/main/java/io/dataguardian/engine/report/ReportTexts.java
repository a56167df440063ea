package io.dataguardian.engine.report;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.score.Scores;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the reports in English or Dutch, and the detectors' names and descriptions in those languages: the
 * one source of these texts for the engine's writers, the CLI and the server's pages. English detector texts are
 * the catalogue's own ({@link DetectorInfo}); {@code texts_nl.properties} holds {@code detector.<id>.name} and
 * {@code .description} in Dutch, and a detector without them (a project rule) keeps its own text.
 */
public final class ReportTexts {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    /** The languages reports are written in; any other locale gets English. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, DUTCH);

    private static final Map<String, String> ENGLISH_TEXTS = load("texts.properties", Map.of());
    private static final ReportTexts ENGLISH = new ReportTexts(Locale.ENGLISH, ENGLISH_TEXTS);
    private static final ReportTexts NL = new ReportTexts(DUTCH, load("texts_nl.properties", ENGLISH_TEXTS));

    private final Locale locale;
    private final Map<String, String> texts;

    private ReportTexts(Locale locale, Map<String, String> texts) {
        this.locale = locale;
        this.texts = texts;
    }

    /** Dutch for any Dutch locale ({@code nl}, {@code nl-BE}, ...), English for everything else, null included. */
    public static ReportTexts of(Locale locale) {
        return locale != null && DUTCH.getLanguage().equals(locale.getLanguage()) ? NL : ENGLISH;
    }

    public static ReportTexts english() {
        return ENGLISH;
    }

    /** {@code en} or {@code nl} (any case); anything else is refused with the accepted values. */
    public static Locale parseLanguage(String tag) {
        String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language '" + tag + "' (en, nl)");
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}} ... replaced by the arguments; the key itself if unknown. */
    public String get(String key, Object... args) {
        String text = texts.getOrDefault(key, key);
        if (args.length == 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && text.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(text.substring(i + 1, close));
                sb.append(n < args.length ? String.valueOf(args[n]) : text.substring(i, close + 1));
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    public String severity(Severity s) {
        return get("severity." + s.name());
    }

    public String band(Scores.ComplianceBand b) {
        return get("band." + b.name());
    }

    public String risk(Scores.RiskLevel r) {
        return get("risk." + r.name());
    }

    /** The detector's name in this language, else its own (English) name, else its id. */
    public String detectorName(DetectorInfo d) {
        String own = d.name() == null || d.name().isBlank() ? d.id() : d.name();
        return texts.getOrDefault("detector." + d.id() + ".name", own);
    }

    /** The detector's description in this language, else its own (English) description, else "". */
    public String detectorDescription(DetectorInfo d) {
        return texts.getOrDefault("detector." + d.id() + ".description", d.description() == null ? "" : d.description());
    }

    /** A detector's translated name by id, or null when this language has none (English: always null). */
    public String detectorName(String id) {
        return locale.equals(Locale.ENGLISH) ? null : texts.get("detector." + id + ".name");
    }

    /** A detector's translated description by id, or null when this language has none (English: always null). */
    public String detectorDescription(String id) {
        return locale.equals(Locale.ENGLISH) ? null : texts.get("detector." + id + ".description");
    }

    private static Map<String, String> load(String resource, Map<String, String> fallback) {
        Properties p = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the engine jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new HashMap<>(fallback);
        for (String k : p.stringPropertyNames()) {
            texts.put(k, p.getProperty(k));
        }
        return Map.copyOf(texts);
    }
}
