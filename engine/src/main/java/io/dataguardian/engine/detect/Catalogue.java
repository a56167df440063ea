package io.dataguardian.engine.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in detector catalogue. Entry point for everything that scans text.
 *
 * <p>Contract (implemented in this package):
 * <ul>
 *   <li>{@link #standard()} the shared, immutable built-in catalogue;</li>
 *   <li>{@link #detectors()} every built-in detector, for SARIF rules and docs;</li>
 *   <li>{@link #newScanner(DetectionSettings)} a thread-safe {@link TextScanner} with the
 *       settings' custom rules added, disabled detectors removed and allowed fingerprints
 *       suppressed.</li>
 * </ul>
 * Matches are reported when their confidence after context scoring reaches
 * {@link #REPORT_THRESHOLD}. Custom rules run as one {@code java.util.regex} pass each over the
 * text, so every custom rule costs a full pass (the built-in catalogue costs one pass in total).
 */
public final class Catalogue {

    /** The confidence a match needs to be reported. */
    public static final double REPORT_THRESHOLD = CatalogueScanner.THRESHOLD;

    /** The inline marker: a match on a line containing it is not reported. */
    public static final String ALLOW_MARKER = CatalogueScanner.ALLOW_MARKER;

    private static final Catalogue STANDARD = new Catalogue();

    private final List<DetectorInfo> infos;
    /** Made when first asked for (only a scan of many files, and tests, need them). */
    private volatile List<Example> examples;

    private Catalogue() {
        List<DetectorInfo> list = new ArrayList<>();
        for (Detector d : Detectors.ALL) {
            list.add(d.info);
        }
        infos = List.copyOf(list);
    }

    private static List<Example> collectExamples() {
        List<Example> ex = new ArrayList<>();
        for (Detector d : Detectors.ALL) {
            for (String p : d.positives) {
                int open = p.indexOf("[[");
                int close = p.indexOf("]]", open + 2);
                String text = p.substring(0, open) + p.substring(open + 2, close) + p.substring(close + 2);
                ex.add(new Example(d.id(), true, text, p.substring(open + 2, close)));
            }
            for (String n : d.negatives) {
                ex.add(new Example(d.id(), false, n, n));
            }
        }
        return List.copyOf(ex);
    }

    /**
     * One piece of a detector's declared evidence (the texts its tests check it against, shipped in the jar as
     * part of its declaration): made-up, documentation-style values, no one's data.
     *
     * @param detectorId the detector that declares it
     * @param positive   true for a text the detector reports, false for a near miss it must not report
     * @param text       the text, without the markers of the expected match
     * @param value      for a positive the expected match (part of {@code text}); for a near miss the whole text
     */
    public record Example(String detectorId, boolean positive, String text, String value) {
    }

    public static Catalogue standard() {
        return STANDARD;
    }

    public List<DetectorInfo> detectors() {
        return infos;
    }

    /** Every detector's declared evidence, positives and near misses, in declaration order. */
    public List<Example> examples() {
        List<Example> ex = examples;
        if (ex == null) {
            ex = collectExamples();
            examples = ex; // a race only collects the same list twice
        }
        return ex;
    }

    /**
     * A scanner for one scan's settings.
     *
     * @throws IllegalArgumentException when a custom rule's pattern does not compile (the message names the rule)
     */
    public TextScanner newScanner(DetectionSettings settings) {
        return new CatalogueScanner(Detectors.ALL, settings, CatalogueScanner.DEFAULT_CHUNK,
                CatalogueScanner.DEFAULT_OVERLAP);
    }

    /** For tests of chunk boundaries: the same scanner with a small chunk and overlap. */
    TextScanner newScanner(DetectionSettings settings, int chunk, int overlap) {
        return new CatalogueScanner(Detectors.ALL, settings, chunk, overlap);
    }
}
