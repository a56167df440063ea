package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.engine.scan.ScanEngine;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The start-up shortcuts: a command tree with only the invoked subcommand (none for the version alone), the
 * engine warm-up, and picocli compiled for a class-file version the class-data-sharing archive takes.
 */
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
    void theVersionAloneNeedsNoSubcommandAndPrintsWhatTheWholeTreePrints() {
        assertThat(DataGuardianCli.commandLine(env(), "--version").getSubcommands()).isEmpty();
        assertThat(DataGuardianCli.commandLine(env(), "-V").getSubcommands()).isEmpty();
        for (List<String> args : List.of(List.of("--version"), List.of("-V"), List.of("--version", "scan"),
                List.of("-V", "rules"), List.of("--version", "bogus"), List.of("--version", "scan", "--threads", "x"))) {
            String[] a = args.toArray(String[]::new);
            ByteArrayOutputStream shortOut = new ByteArrayOutputStream();
            ByteArrayOutputStream shortErr = new ByteArrayOutputStream();
            int shortCode = DataGuardianCli.execute(env(shortOut, shortErr), a);
            ByteArrayOutputStream fullOut = new ByteArrayOutputStream();
            ByteArrayOutputStream fullErr = new ByteArrayOutputStream();
            int fullCode = DataGuardianCli.commandLine(env(fullOut, fullErr), null).execute(a);
            assertThat(shortCode).as(args.toString()).isEqualTo(fullCode);
            assertThat(shortOut.toString(StandardCharsets.UTF_8)).as(args.toString())
                    .isEqualTo(fullOut.toString(StandardCharsets.UTF_8));
            assertThat(shortErr.toString(StandardCharsets.UTF_8)).as(args.toString())
                    .isEqualTo(fullErr.toString(StandardCharsets.UTF_8));
            assertThat(shortOut.size() + shortErr.size()).as(args.toString()).isPositive();
        }
    }

    private static CliEnvironment env(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new CliEnvironment(Map.of(), Path.of("."), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, ScanEngine::new, List::of);
    }

    @Test
    void theWarmUpBuildsOneEngine() {
        EngineWarmUp warmUp = EngineWarmUp.start();
        warmUp.await();
        ScanEngine engine = warmUp.engine();
        assertThat(engine).isNotNull().isSameAs(warmUp.engine());
    }

    /**
     * picocli's own jar is compiled for Java 5 (class-file version 49): the launcher's dynamic CDS archive skips
     * such classes, and ~230 classes were then read from the jar on every run. The cli compiles picocli from its
     * sources (cli/pom.xml); this fails when the binary jar's classes come first again.
     */
    @Test
    void picocliIsCompiledForTheClassDataSharingArchive() throws IOException {
        for (Class<?> c : List.of(CommandLine.class, CommandLine.Model.CommandSpec.class, CommandLine.Help.class)) {
            assertThat(classFileMajorVersion(c)).as(c.getName()).isGreaterThanOrEqualTo(50);
        }
    }

    private static int classFileMajorVersion(Class<?> c) throws IOException {
        String name = c.getName();
        try (InputStream in = c.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            assertThat(in).as(name).isNotNull();
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
