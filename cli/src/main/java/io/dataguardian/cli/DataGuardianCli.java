package io.dataguardian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code dataguardian}: scan files for personal data and secrets from a shell or a pipeline.
 * Exit codes: 0 clean (nothing reaches --fail-on), 1 findings reach --fail-on, 2 usage or fatal error.
 */
public final class DataGuardianCli {

    /** A subcommand: its options, how it takes their values, and its run. */
    interface Command {
        Args.Spec spec();

        /** Takes the parsed values; a bad one is an {@link Args.UsageException}. */
        void apply(Args.Parsed parsed);

        int call() throws Exception;
    }

    static final Args.Spec SPEC = new Args.Spec("dataguardian",
            "Finds personal data (GDPR / UAVG) and secrets in files and reports them.", "COMMAND", null,
            List.of("scan:" + ScanCommand.SPEC.description(), "rules:" + RulesCommand.SPEC.description(),
                "help:Shows a command's options: help scan."),
            List.of(), List.of("0:no finding reaches --fail-on", "1:findings reach --fail-on", "2:usage or fatal error"));

    private DataGuardianCli() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "scan".equals(args[0])) {
            EngineWarmUp warmUp = EngineWarmUp.start(); // while the arguments are parsed and checked
            // the command runs once the warm-up is done: two threads initialising classes (the engine's,
            // Jackson's) at the same time could deadlock on a cycle between their static initialisers
            int code = execute(CliEnvironment.system(warmUp::engine), warmUp::await, args);
            if (ArchiveTraining.requested()) {
                ArchiveTraining.run(warmUp::engine); // the run that dumps the launcher's class-data archive
            }
            System.exit(code);
        }
        System.exit(execute(CliEnvironment.system(), args));
    }

    static int execute(CliEnvironment env, String... args) {
        return execute(env, () -> { }, args);
    }

    /**
     * Runs the command line: help and version first (to stdout, exit 0), then the subcommand's options; after
     * {@code beforeRun}, its run. A usage error prints its message and the usage line on stderr, exit 2; so does any
     * other failure of the run (one line, no stack trace).
     */
    static int execute(CliEnvironment env, Runnable beforeRun, String... args) {
        List<String> list = Arrays.asList(args);
        if (list.isEmpty()) {
            return usageError(env, SPEC, "missing command: scan, rules or help");
        }
        String first = list.get(0);
        List<String> rest = list.subList(1, list.size());
        switch (first) {
            case "scan":
                return run(env, new ScanCommand(env), rest, beforeRun);
            case "rules":
                return run(env, new RulesCommand(env), rest, () -> { });
            case "help":
                return help(env, rest);
            case "-h":
            case "--help":
                return print(env, SPEC.help());
            case "-V":
            case "--version":
                return print(env, versionText());
            default:
                return usageError(env, SPEC, (first.startsWith("-") ? "Unknown option: '" : "Unknown command: '")
                        + first + "'");
        }
    }

    private static int run(CliEnvironment env, Command command, List<String> args, Runnable beforeRun) {
        Args.Spec spec = command.spec();
        try {
            // asked-for help wins over whatever else is wrong on the line
            for (String a : args) {
                if (a.equals("--")) {
                    break;
                }
                if (a.equals("-h") || a.equals("--help")) {
                    return print(env, spec.help());
                }
                if (a.equals("-V") || a.equals("--version")) {
                    return print(env, versionText());
                }
            }
            Args.Parsed parsed = spec.parse(args);
            if (parsed.has(Args.HELP)) {
                return print(env, spec.help());
            }
            if (parsed.has(Args.VERSION)) {
                return print(env, versionText());
            }
            command.apply(parsed);
            beforeRun.run();
            return command.call();
        } catch (Args.UsageException e) {
            return usageError(env, spec, e.getMessage());
        } catch (Exception e) {
            // a bug or an environment problem: one line, no stack trace, exit 2
            env.err().println("dataguardian: " + describe(e));
            env.err().flush();
            return ScanCommand.EXIT_USAGE;
        }
    }

    private static int help(CliEnvironment env, List<String> args) {
        if (args.isEmpty()) {
            return print(env, SPEC.help());
        }
        return switch (args.get(0)) {
            case "scan" -> print(env, ScanCommand.SPEC.help());
            case "rules" -> print(env, RulesCommand.SPEC.help());
            case "help" -> print(env, SPEC.help());
            default -> usageError(env, SPEC, "Unknown command: '" + args.get(0) + "'");
        };
    }

    private static int print(CliEnvironment env, String text) {
        env.out().print(text);
        env.out().flush();
        return ScanCommand.EXIT_CLEAN;
    }

    private static int usageError(CliEnvironment env, Args.Spec spec, String message) {
        env.err().print(message + "\n" + spec.shortUsage());
        env.err().flush();
        return ScanCommand.EXIT_USAGE;
    }

    static String versionText() {
        return "dataguardian " + version() + "\nJava " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")\n";
    }

    static String describe(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
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
}
