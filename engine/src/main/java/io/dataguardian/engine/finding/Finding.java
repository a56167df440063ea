package io.dataguardian.engine.finding;

import io.dataguardian.engine.Severity;
import java.util.List;
import java.util.Map;

/**
 * One piece of personal data or one secret found. Never carries the raw matched value: only a
 * masked form and a keyed fingerprint (HMAC-SHA256 with the installation's secret), so the same
 * value can be recognised across scans without being stored.
 *
 * @param detectorId  stable id of the detector ({@code nl.bsn}, {@code secret.aws-access-key}, ...)
 * @param entityType  what was found ({@code BSN}, {@code IBAN}, {@code EMAIL}, ...)
 * @param severity    severity after context scoring
 * @param confidence  0..1
 * @param articles    GDPR / UAVG articles at stake, e.g. {@code GDPR Art. 9}, {@code UAVG Art. 46}
 * @param location    where it was found
 * @param maskedValue the value with most characters replaced ({@code 12*****82})
 * @param fingerprint hex HMAC-SHA256 of the normalised value
 * @param snippet     surrounding text with the match (and any other match in it) masked; may be empty
 * @param occurrences how many raw matches this finding stands for (1, or more when aggregated,
 *                    e.g. one finding for a CSV column)
 * @param attributes  extra facts a source adds (detection method, share of rows, estimated rows);
 *                    never a raw value
 */
public record Finding(String detectorId, String entityType, Severity severity, double confidence,
                      List<String> articles, Location location, String maskedValue, String fingerprint,
                      String snippet, int occurrences, Map<String, String> attributes) {

    public Finding {
        articles = List.copyOf(articles);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        snippet = snippet == null ? "" : snippet;
    }
}
