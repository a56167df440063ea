package io.dataguardian.engine.detect;

import java.util.List;
import java.util.Set;

/**
 * Everything that tunes the catalogue for one scan.
 *
 * @param fingerprintKey      the installation's secret for HMAC-SHA256 fingerprints (at least 16 bytes)
 * @param disabledDetectors   detector ids switched off
 * @param customRules         project rules added to the catalogue
 * @param allowedFingerprints fingerprints (hex) whose matches are suppressed
 */
public record DetectionSettings(byte[] fingerprintKey, Set<String> disabledDetectors,
                                List<CustomRule> customRules, Set<String> allowedFingerprints) {

    public DetectionSettings {
        if (fingerprintKey == null || fingerprintKey.length < 16) {
            throw new IllegalArgumentException("fingerprint key must have at least 16 bytes");
        }
        fingerprintKey = fingerprintKey.clone();
        disabledDetectors = Set.copyOf(disabledDetectors);
        customRules = List.copyOf(customRules);
        allowedFingerprints = Set.copyOf(allowedFingerprints);
    }

    public static DetectionSettings withKey(byte[] fingerprintKey) {
        return new DetectionSettings(fingerprintKey, Set.of(), List.of(), Set.of());
    }

    @Override
    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }
}
