package io.dataguardian.engine.detect;

import io.dataguardian.engine.Severity;
import java.util.List;

/**
 * A validated match in a piece of text, before it gets a {@link io.dataguardian.engine.finding.Location}.
 * Holds no raw value: {@code start}/{@code end} point into the text the caller already has.
 *
 * @param start, end character offsets into the scanned text, end exclusive
 */
public record Match(String detectorId, String entityType, Severity severity, double confidence,
                    List<String> articles, int start, int end, String maskedValue, String fingerprint) {
}
