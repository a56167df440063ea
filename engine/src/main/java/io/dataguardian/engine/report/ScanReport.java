package io.dataguardian.engine.report;

import io.dataguardian.engine.detect.CustomRule;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a report writer needs: the result, the tool, and the rules (built-in detectors and
 * project rules) the findings refer to.
 *
 * @param toolVersion version of the product that ran the scan
 * @param rules       detectors and custom rules, in the order reports list them
 */
public record ScanReport(ScanResult result, String toolVersion, List<DetectorInfo> rules) {

    public static final String TOOL_NAME = "DataGuardian Pro";
    public static final String INFORMATION_URI = "https://github.com/dataguardian/dataguardian-pro";

    public ScanReport {
        rules = List.copyOf(rules);
    }

    /** Built-in detectors followed by the project's custom rules. */
    public static List<DetectorInfo> rules(List<DetectorInfo> builtIn, List<CustomRule> custom) {
        List<DetectorInfo> all = new ArrayList<>(builtIn);
        for (CustomRule r : custom) {
            all.add(new DetectorInfo(r.id(), r.entityType(), r.description() == null ? r.id() : r.description(),
                    r.description() == null ? "Project rule " + r.id() : r.description(), r.severity(), r.articles()));
        }
        return all;
    }

    /** The rules plus one synthesised entry for any detector id a finding uses but no rule lists. */
    public List<DetectorInfo> rulesCoveringFindings() {
        Map<String, DetectorInfo> byId = new LinkedHashMap<>();
        for (DetectorInfo r : rules) {
            byId.putIfAbsent(r.id(), r);
        }
        List<DetectorInfo> extra = new ArrayList<>();
        for (Finding f : result.sortedFindings().firstByDetector().values()) {
            if (!byId.containsKey(f.detectorId())) {
                DetectorInfo d = ruleOf(f);
                byId.put(d.id(), d);
                extra.add(d);
            }
        }
        return List.copyOf(byId.values());
    }

    /** The rule made for a finding whose detector id no rule lists: named after its entity type. */
    static DetectorInfo ruleOf(Finding f) {
        return new DetectorInfo(f.detectorId(), f.entityType(), f.entityType(), "Finds " + f.entityType() + ".",
                f.severity(), f.articles());
    }

    /** The rules (as {@link #rulesCoveringFindings()}) that at least one finding refers to, in the rules' order. */
    public List<DetectorInfo> rulesWithFindings() {
        Map<String, Finding> used = result.sortedFindings().firstByDetector();
        return rulesCoveringFindings().stream().filter(d -> used.containsKey(d.id())).toList();
    }
}
