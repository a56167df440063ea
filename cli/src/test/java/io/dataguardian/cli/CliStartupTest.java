package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.scan.ScanEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The start-up shortcuts: a command tree with only the invoked subcommand, and the engine warm-up. */
class CliStartupTest {

    private static CliEnvironment env() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CliEnvironment(Map.of(), Path.of("."), sink, sink, false, ScanEngine::new, List::of);
    }

    @Test
    void aSubcommandAloneHasTheSameHelpAsInTheFullTree() {
        CommandLine full = DataGuardianCli.commandLine(env(), null);
        assertThat(full.getSubcommands().keySet()).containsExactly("help", "scan", "rules");
        for (String name : List.of("scan", "rules")) {
            CommandLine alone = DataGuardianCli.commandLine(env(), name);
            assertThat(alone.getSubcommands().keySet()).containsExactly(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(full.getSubcommands().get(name).getUsageMessage());
            assertThat(alone.getSubcommands().get(name).getCommandSpec().qualifiedName())
                    .isEqualTo("dataguardian " + name);
        }
    }

    @Test
    void theWarmUpBuildsOneEngine() {
        EngineWarmUp warmUp = EngineWarmUp.start();
        warmUp.await();
        ScanEngine engine = warmUp.engine();
        assertThat(engine).isNotNull().isSameAs(warmUp.engine());
    }
}
