package io.dataguardian.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

    static Finding finding(String type, Severity severity, String path, long offset) {
        return new Finding("d." + type.toLowerCase(), type, severity, 0.9, List.of("GDPR Art. 4"),
                new Location(path, null, 1, 1, 1, 2, offset, 1), "**", "fp" + offset, "", 1, Map.of());
    }

    @Test
    void nothingFoundIsFullyCompliantWithNoRisk() {
        Scores s = ScoreCalculator.score(List.of());
        assertThat(s.complianceScore()).isEqualTo(100);
        assertThat(s.complianceBand()).isEqualTo(Scores.ComplianceBand.COMPLIANT);
        assertThat(s.riskScore()).isZero();
        assertThat(s.riskLevel()).isEqualTo(Scores.RiskLevel.NONE);
        assertThat(s.severityCounts()).containsOnlyKeys(Severity.values()).allSatisfy((k, v) -> assertThat(v).isZero());
    }

    @Test
    void oneIssuePerSeverityCostsTheOriginalPenalties() {
        assertThat(ScoreCalculator.score(List.of(finding("BSN", Severity.CRITICAL, "a", 0))).complianceScore()).isEqualTo(75);
        assertThat(ScoreCalculator.score(List.of(finding("IBAN", Severity.HIGH, "a", 0))).complianceScore()).isEqualTo(85);
        assertThat(ScoreCalculator.score(List.of(finding("EMAIL", Severity.MEDIUM, "a", 0))).complianceScore()).isEqualTo(95);
        assertThat(ScoreCalculator.score(List.of(finding("IP", Severity.LOW, "a", 0))).complianceScore()).isEqualTo(98);
    }

    @Test
    void tenThousandEmailsInOneFileWeighLessThanTenCriticalBsnsInTenFiles() {
        List<Finding> emails = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            emails.add(finding("EMAIL", Severity.MEDIUM, "customers.csv", i * 40L));
        }
        List<Finding> bsns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bsns.add(finding("BSN", Severity.CRITICAL, "file" + i + ".txt", 0));
        }
        Scores e = ScoreCalculator.score(emails);
        Scores b = ScoreCalculator.score(bsns);
        assertThat(e.complianceScore()).isGreaterThan(b.complianceScore());
        assertThat(e.complianceScore()).isEqualTo(75); // 5 x (1 + log10 10000) = 25 points
        assertThat(e.riskScore()).isLessThan(b.riskScore());
        assertThat(e.issues()).isEqualTo(1);
        assertThat(e.count(Severity.MEDIUM)).isEqualTo(10_000);
        assertThat(b.complianceScore()).isZero();
    }

    @Test
    void scoresAreMonotonicAndBounded() {
        Random random = new Random(42);
        Severity[] sevs = Severity.values();
        String[] types = {"BSN", "EMAIL", "IBAN", "PHONE"};
        List<Finding> acc = new ArrayList<>();
        int lastCompliance = 100;
        int lastRisk = 0;
        for (int i = 0; i < 500; i++) {
            acc.add(finding(types[random.nextInt(types.length)], sevs[random.nextInt(sevs.length)],
                    "f" + random.nextInt(30), i));
            Scores s = ScoreCalculator.score(acc);
            assertThat(s.complianceScore()).isBetween(0, 100).isLessThanOrEqualTo(lastCompliance);
            assertThat(s.riskScore()).isBetween(0, 100).isGreaterThanOrEqualTo(lastRisk);
            lastCompliance = s.complianceScore();
            lastRisk = s.riskScore();
        }
        assertThat(lastCompliance).isZero();
        assertThat(lastRisk).isLessThanOrEqualTo(100);
    }

    @Test
    void scoresDoNotDependOnTheOrderOfFindings() {
        List<Finding> list = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            list.add(finding(i % 3 == 0 ? "EMAIL" : "PHONE", i % 2 == 0 ? Severity.LOW : Severity.MEDIUM,
                    "f" + random.nextInt(10), i));
        }
        Scores first = ScoreCalculator.score(list);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(list, random);
            assertThat(ScoreCalculator.score(list)).isEqualTo(first);
        }
    }

    @Test
    void bandsFollowTheOriginalThresholds() {
        assertThat(Scores.ComplianceBand.of(90)).isEqualTo(Scores.ComplianceBand.COMPLIANT);
        assertThat(Scores.ComplianceBand.of(89)).isEqualTo(Scores.ComplianceBand.MOSTLY_COMPLIANT);
        assertThat(Scores.ComplianceBand.of(75)).isEqualTo(Scores.ComplianceBand.MOSTLY_COMPLIANT);
        assertThat(Scores.ComplianceBand.of(50)).isEqualTo(Scores.ComplianceBand.PARTIALLY_COMPLIANT);
        assertThat(Scores.ComplianceBand.of(49)).isEqualTo(Scores.ComplianceBand.NON_COMPLIANT);
    }
}
