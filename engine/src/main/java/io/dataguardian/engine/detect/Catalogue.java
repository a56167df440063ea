package io.dataguardian.engine.detect;

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
 */
public final class Catalogue {

    private static final Catalogue STANDARD = new Catalogue();

    private Catalogue() {
    }

    public static Catalogue standard() {
        return STANDARD;
    }

    public List<DetectorInfo> detectors() {
        throw new UnsupportedOperationException("detector catalogue not built yet");
    }

    public TextScanner newScanner(DetectionSettings settings) {
        throw new UnsupportedOperationException("detector catalogue not built yet");
    }
}
