package io.dataguardian.engine.score;

import io.dataguardian.engine.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The two scores of a scan, computed once by {@link ScoreCalculator} (see docs/scoring.md).
 *
 * @param complianceScore 0..100, 100 = nothing found
 * @param complianceBand  band of the compliance score
 * @param riskScore       0..100, 0 = nothing found
 * @param riskLevel       band of the risk score
 * @param issues          number of issues (one kind of data in one file) the scores count
 * @param severityCounts  findings per severity (every severity present, zero when none)
 * @param occurrenceCounts raw occurrences per severity (a finding may stand for several)
 */
public record Scores(int complianceScore, ComplianceBand complianceBand, int riskScore, RiskLevel riskLevel,
                     int issues, Map<Severity, Long> severityCounts, Map<Severity, Long> occurrenceCounts) {

    public Scores {
        severityCounts = Collections.unmodifiableMap(new EnumMap<>(severityCounts));
        occurrenceCounts = Collections.unmodifiableMap(new EnumMap<>(occurrenceCounts));
    }

    public long count(Severity severity) {
        return severityCounts.getOrDefault(severity, 0L);
    }

    public long totalFindings() {
        return severityCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public enum ComplianceBand {
        COMPLIANT("Compliant"), MOSTLY_COMPLIANT("Mostly compliant"),
        PARTIALLY_COMPLIANT("Partially compliant"), NON_COMPLIANT("Non-compliant");

        private final String label;

        ComplianceBand(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static ComplianceBand of(int score) {
            if (score >= 90) {
                return COMPLIANT;
            }
            if (score >= 75) {
                return MOSTLY_COMPLIANT;
            }
            if (score >= 50) {
                return PARTIALLY_COMPLIANT;
            }
            return NON_COMPLIANT;
        }
    }

    public enum RiskLevel {
        NONE, LOW, MEDIUM, HIGH, CRITICAL;

        public static RiskLevel of(int score) {
            if (score >= 75) {
                return CRITICAL;
            }
            if (score >= 50) {
                return HIGH;
            }
            if (score >= 25) {
                return MEDIUM;
            }
            return score > 0 ? LOW : NONE;
        }
    }
}
