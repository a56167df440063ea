package io.dataguardian.engine.detect;

import io.dataguardian.engine.Severity;
import java.util.List;

/**
 * What a report needs to know about one detector (SARIF rules, the UI's rule list, docs).
 *
 * @param id          stable id, lower-case with dashes ({@code nl-bsn}, {@code credit-card})
 * @param entityType  the entity type its findings carry ({@code BSN}, {@code CREDIT_CARD}, ...)
 * @param name        descriptive name for people ({@code Dutch citizen service number (BSN)})
 * @param description one or two sentences: what it finds and how it validates
 * @param severity    default severity before context scoring
 * @param articles    GDPR / UAVG articles at stake
 */
public record DetectorInfo(String id, String entityType, String name, String description,
                           Severity severity, List<String> articles) {
}
