package io.dataguardian.cli;

import io.dataguardian.engine.config.ConfigException;
import io.dataguardian.engine.config.ConfigLoader;
import io.dataguardian.engine.config.ProjectConfig;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.report.ScanReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code dataguardian rules}: the detectors (and a config file's custom rules). */
final class RulesCommand implements DataGuardianCli.Command {

    static final Args.Opt CONFIG = Args.value(null, "--config", "FILE",
            "Also list the custom rules of this .dataguardian.yml.");
    static final Args.Spec SPEC = new Args.Spec("dataguardian rules", "Lists the detectors and custom rules.", null,
            null, List.of(), List.of(CONFIG), List.of());

    private final CliEnvironment env;

    Path config;

    RulesCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public void apply(Args.Parsed p) {
        if (!p.positional.isEmpty()) {
            throw new Args.UsageException("Unexpected argument: '" + p.positional.get(0) + "'");
        }
        config = p.path(CONFIG);
    }

    @Override
    public int call() {
        ProjectConfig project = ProjectConfig.EMPTY;
        if (config != null) {
            try {
                project = ConfigLoader.load(config);
            } catch (ConfigException e) {
                env.err().println("dataguardian: " + e.getMessage());
                return ScanCommand.EXIT_USAGE;
            }
        }
        List<DetectorInfo> rules = ScanReport.rules(env.detectors().get(), project.rules());
        env.out().printf(Locale.ROOT, "%-30s %-22s %-9s %s%n", "ID", "ENTITY TYPE", "SEVERITY", "NAME / ARTICLES");
        for (DetectorInfo d : rules) {
            env.out().printf(Locale.ROOT, "%-30s %-22s %-9s %s%s%n", d.id(), d.entityType(), d.severity(), d.name(),
                    d.articles().isEmpty() ? "" : " [" + String.join(", ", d.articles()) + "]");
        }
        env.out().flush();
        return ScanCommand.EXIT_CLEAN;
    }
}
