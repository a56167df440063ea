package io.dataguardian.engine.config;

import io.dataguardian.engine.detect.CustomRule;
import java.util.List;
import java.util.Set;

/**
 * The contents of a {@code .dataguardian.yml} file (see docs/config-file.md). Null fields were not
 * set and leave the command-line or built-in default in place.
 *
 * @param source              the file it came from, or null for {@link #EMPTY}
 * @param rules               custom rules
 * @param disabledRules       detector or custom-rule ids switched off
 * @param allowFingerprints   fingerprints whose findings are suppressed
 * @param allowPaths          path globs whose findings are suppressed
 * @param include             include globs
 * @param exclude             exclude globs
 * @param maxFileSize         largest file scanned, in bytes, or null
 * @param gitignore           respect .gitignore files, or null
 * @param aggregateColumns    CSV/JSON: one finding per column / JSON path and detector, or null
 */
public record ProjectConfig(String source, List<CustomRule> rules, Set<String> disabledRules,
                            Set<String> allowFingerprints, List<String> allowPaths, List<String> include,
                            List<String> exclude, Long maxFileSize, Boolean gitignore,
                            Boolean aggregateColumns) {

    public static final ProjectConfig EMPTY =
            new ProjectConfig(null, List.of(), Set.of(), Set.of(), List.of(), List.of(), List.of(), null, null, null);

    public static final String FILE_NAME = ".dataguardian.yml";

    /** Without {@code aggregateColumns} (the form before that key existed). */
    public ProjectConfig(String source, List<CustomRule> rules, Set<String> disabledRules,
                         Set<String> allowFingerprints, List<String> allowPaths, List<String> include,
                         List<String> exclude, Long maxFileSize, Boolean gitignore) {
        this(source, rules, disabledRules, allowFingerprints, allowPaths, include, exclude, maxFileSize, gitignore,
                null);
    }

    public ProjectConfig {
        rules = List.copyOf(rules);
        disabledRules = Set.copyOf(disabledRules);
        allowFingerprints = Set.copyOf(allowFingerprints);
        allowPaths = List.copyOf(allowPaths);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
