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

    private Catalogue() {
        List<DetectorInfo> list = new ArrayList<>();
        for (Detector d : Detectors.ALL) {
            list.add(d.info);
        }
        infos = List.copyOf(list);
    }

    public static Catalogue standard() {
        return STANDARD;
    }

    public List<DetectorInfo> detectors() {
        return infos;
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
