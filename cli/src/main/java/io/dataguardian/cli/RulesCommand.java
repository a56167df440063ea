package io.dataguardian.cli;

import io.dataguardian.engine.config.ConfigException;
import io.dataguardian.engine.config.ConfigLoader;
import io.dataguardian.engine.config.ProjectConfig;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.report.ScanReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dataguardian rules}: the detectors (and a config file's custom rules). */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists the detectors and custom rules.")
final class RulesCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Option(names = "--config", paramLabel = "FILE", description = "Also list the custom rules of this .dataguardian.yml.")
    Path config;

    RulesCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
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
