package io.dataguardian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dataguardian}: scan files for personal data and secrets from a shell or a pipeline.
 * Exit codes: 0 clean (nothing reaches --fail-on), 1 findings reach --fail-on, 2 usage or fatal error.
 */
@Command(name = "dataguardian", mixinStandardHelpOptions = true, versionProvider = DataGuardianCli.Version.class,
        description = "Finds personal data (GDPR / UAVG) and secrets in files and reports them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding reaches --fail-on", "1:findings reach --fail-on", "2:usage or fatal error"})
public final class DataGuardianCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && "scan".equals(args[0])) {
            EngineWarmUp warmUp = EngineWarmUp.start(); // while picocli reads its annotations
            CommandLine cl = commandLine(CliEnvironment.system(warmUp::engine), args[0]);
            // the command runs once the warm-up is done: two threads initialising classes (the engine's,
            // Jackson's) at the same time could deadlock on a cycle between their static initialisers
            cl.setExecutionStrategy(parseResult -> {
                warmUp.await();
                return new CommandLine.RunLast().execute(parseResult);
            });
            int code = cl.execute(args);
            if (ArchiveTraining.requested()) {
                ArchiveTraining.run(warmUp::engine); // the run that dumps the launcher's class-data archive
            }
            System.exit(code);
        }
        System.exit(execute(CliEnvironment.system(), args));
    }

    static int execute(CliEnvironment env, String... args) {
        String first = args.length > 0 ? args[0] : null;
        if (args.length > 1 && isVersionOption(first)) {
            first = null; // e.g. `--version scan`: parsed against the whole tree, as always
        }
        return commandLine(env, first).execute(args);
    }

    /** The standard version options: a command line of one of them alone needs no subcommand. */
    static boolean isVersionOption(String arg) {
        return "--version".equals(arg) || "-V".equals(arg);
    }

    /**
     * The command tree, with only the subcommand {@code first} (the first argument) when it names one: picocli
     * reads a command's annotations by reflection (annotation proxies, its model classes) when the command is
     * added, a good part of the ~0.1 s before a scan starts. The arguments then invoke that subcommand, and its
     * parsing, help and errors do not depend on its siblings; the parent's help, which lists them all, is only
     * printed when no subcommand comes first. A version option as {@code first} stands for that option alone
     * ({@link #execute} passes no other): picocli prints the version before it would look at a subcommand, so
     * none is added (~35 ms of CPU less for {@code --version}).
     */
    static CommandLine commandLine(CliEnvironment env, String first) {
        CommandLine cl = new CommandLine(new DataGuardianCli());
        boolean all = !"scan".equals(first) && !"rules".equals(first) && !isVersionOption(first);
        if (all) {
            cl.addSubcommand(new CommandLine.HelpCommand());
        }
        if (all || "scan".equals(first)) {
            cl.addSubcommand("scan", new ScanCommand(env));
        }
        if (all || "rules".equals(first)) {
            cl.addSubcommand("rules", new RulesCommand(env));
        }
        cl.setOut(new PrintWriter(env.out(), true));
        cl.setErr(new PrintWriter(env.err(), true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // a bug or an environment problem: one line, no stack trace, exit 2
            commandLine.getErr().println("dataguardian: " + describe(ex));
            return ScanCommand.EXIT_USAGE;
        });
        return cl;
    }

    static String describe(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: scan, rules or help");
    }

    static String version() {
        try (InputStream in = DataGuardianCli.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dataguardian " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
