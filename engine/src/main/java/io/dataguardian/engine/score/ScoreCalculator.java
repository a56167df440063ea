package io.dataguardian.engine.score;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one formula for the compliance and the risk score (documented in docs/scoring.md).
 *
 * <p>An <em>issue</em> is one entity type in one file (location path): its severity is the worst
 * severity among its findings, its confidence the highest confidence, and its weight grows with
 * the logarithm of the number of occurrences ({@code 1 + log10(n)}), so a file with 10,000 e-mail
 * addresses weighs like five issues, not like 10,000 leaks.
 *
 * <ul>
 *   <li>compliance = 100 - sum(penalty(severity) x weight), penalty 25/15/5/2 for
 *       critical/high/medium/low, rounded, floored at 0;</li>
 *   <li>risk = 100 x (1 - exp(-R / 20)), R = sum(riskWeight(severity) x confidence x weight),
 *       riskWeight 10/5/2/0.5: bounded, with diminishing returns.</li>
 * </ul>
 * Issues are summed in a fixed order (sorted keys), so the result does not depend on the order of
 * the findings.
 */
public final class ScoreCalculator {

    private static final double RISK_SCALE = 20.0;

    private ScoreCalculator() {
    }

    public static double compliancePenalty(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 25;
            case HIGH -> 15;
            case MEDIUM -> 5;
            case LOW -> 2;
        };
    }

    public static double riskWeight(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 10;
            case HIGH -> 5;
            case MEDIUM -> 2;
            case LOW -> 0.5;
        };
    }

    /** Weight of an issue that stands for {@code occurrences} raw matches. */
    public static double occurrenceWeight(long occurrences) {
        return 1.0 + Math.log10(Math.max(1, occurrences));
    }

    public static Scores score(Iterable<Finding> findings) {
        Accumulator acc = new Accumulator();
        for (Finding f : findings) {
            acc.add(f);
        }
        return acc.scores();
    }

    /** Incremental form, for callers that stream findings. Not thread-safe. */
    public static final class Accumulator {
        /** Issues by path, then entity type: no key is built per finding. */
        private final Map<String, Map<String, Issue>> issues = new HashMap<>();
        private final long[] counts = new long[Severity.values().length];
        private final long[] occurrences = new long[Severity.values().length];
        private String lastEntityType;
        private String lastPath;
        private Map<String, Issue> lastTypes;
        private Issue lastIssue;

        public void add(Finding f) {
            long n = Math.max(1, f.occurrences());
            counts[f.severity().ordinal()]++;
            occurrences[f.severity().ordinal()] += n;
            String path = f.location() == null ? "" : f.location().path();
            Issue issue;
            // findings come file by file, many of one type in a row: skip the map lookups then
            if (lastIssue != null && f.entityType().equals(lastEntityType) && path.equals(lastPath)) {
                issue = lastIssue;
            } else {
                Map<String, Issue> types = lastTypes != null && path.equals(lastPath)
                        ? lastTypes : issues.computeIfAbsent(path, k -> new HashMap<>(8));
                issue = types.get(f.entityType());
                if (issue == null) {
                    issue = new Issue();
                    types.put(f.entityType(), issue);
                }
                lastEntityType = f.entityType();
                lastPath = path;
                lastTypes = types;
                lastIssue = issue;
            }
            issue.occurrences += n;
            if (issue.severity == null || f.severity().atLeast(issue.severity)) {
                issue.severity = f.severity();
            }
            issue.confidence = Math.max(issue.confidence, clamp(f.confidence()));
        }

        public Scores scores() {
            // summed in the order of the keys "entity type NUL path", so the sums do not depend on the findings' order
            TreeMap<String, Issue> sorted = new TreeMap<>();
            issues.forEach((path, types) -> types.forEach((type, issue) -> sorted.put(type + '\u0000' + path, issue)));
            double penalty = 0;
            double risk = 0;
            for (Issue issue : sorted.values()) {
                double w = occurrenceWeight(issue.occurrences);
                penalty += compliancePenalty(issue.severity) * w;
                risk += riskWeight(issue.severity) * issue.confidence * w;
            }
            int compliance = (int) Math.max(0, Math.round(100 - penalty));
            int riskScore = (int) Math.min(100, Math.round(100 * (1 - Math.exp(-risk / RISK_SCALE))));
            if (risk > 0 && riskScore == 0) {
                riskScore = 1; // something was found: never report "no risk"
            }
            EnumMap<Severity, Long> countMap = new EnumMap<>(Severity.class);
            EnumMap<Severity, Long> occurrenceMap = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                countMap.put(s, counts[s.ordinal()]);
                occurrenceMap.put(s, occurrences[s.ordinal()]);
            }
            return new Scores(compliance, Scores.ComplianceBand.of(compliance), riskScore,
                    Scores.RiskLevel.of(riskScore), sorted.size(), countMap, occurrenceMap);
        }

        private static double clamp(double c) {
            return Double.isNaN(c) ? 0 : Math.max(0, Math.min(1, c));
        }
    }

    private static final class Issue {
        long occurrences;
        Severity severity;
        double confidence;
    }
}
