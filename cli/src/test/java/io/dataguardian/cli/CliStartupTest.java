package io.dataguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.scan.ScanEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command line's own parser ({@link Args}), its help and errors, and the engine warm-up that runs while the
 * arguments are parsed.
 */
class CliStartupTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        CliEnvironment env = new CliEnvironment(Map.of(), Path.of("."), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, ScanEngine::new, List::of);
        return DataGuardianCli.execute(env, args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static ScanCommand scan(String... args) {
        ScanCommand c = new ScanCommand(null);
        c.apply(ScanCommand.SPEC.parse(List.of(args)));
        return c;
    }

    @Test
    void everySyntaxOfAnOptionGivesTheSameValue() {
        for (List<String> form : List.of(List.of("--format", "json"), List.of("--format=json"), List.of("-f", "json"),
                List.of("-fjson"), List.of("-f=json"))) {
            List<String> args = new java.util.ArrayList<>(form);
            args.add("dir");
            ScanCommand c = scan(args.toArray(String[]::new));
            assertThat(c.format).as(form.toString()).isEqualTo("json");
            assertThat(c.targets).as(form.toString()).containsExactly("dir");
        }
    }

    @Test
    void optionsArgumentsListsFlagsAndTheirDefaults() {
        ScanCommand c = scan("a", "--include", "*.txt", "-q", "b", "--include=*.csv", "--threads", "3",
                "--no-aggregate-columns", "--db-schema", "public", "--", "--literal", "-");
        assertThat(c.targets).containsExactly("a", "b", "--literal", "-");
        assertThat(c.includes).containsExactly("*.txt", "*.csv");
        assertThat(c.excludes).isEmpty();
        assertThat(c.quiet).isTrue();
        assertThat(c.gitignore).isFalse();
        assertThat(c.threads).isEqualTo(3);
        assertThat(c.aggregateColumns).isFalse();
        assertThat(c.database.schemas).containsExactly("public");
        assertThat(c.database.mode).isEqualTo("smart");
        assertThat(c.lang).isEqualTo("en");
        assertThat(c.failOn).isEqualTo("none");
        assertThat(scan("x", "--aggregate-columns").aggregateColumns).isTrue();
        assertThat(scan("x").aggregateColumns).isNull();
        assertThat(scan("x", "-qt", "2").threads).isEqualTo(2); // a flag and a short option with its value, grouped
        assertThat(scan("x", "--threads", "-1").threads).isEqualTo(-1); // "-1" is no option: a value for the range check
        assertThat(new String(scan("x", "--db-password=s3cr3t").database.password)).isEqualTo("s3cr3t");
    }

    @Test
    void badCommandLinesAreUsageErrorsThatSayWhatIsWrong() {
        assertThatThrownBy(() -> scan("x", "--bogus")).hasMessage("Unknown option: '--bogus'");
        assertThatThrownBy(() -> scan("x", "-z")).hasMessage("Unknown option: '-z'");
        assertThatThrownBy(() -> scan("x", "-qz")).hasMessage("Unknown option: '-z'");
        assertThatThrownBy(() -> scan("x", "-ps3cr3t")).hasMessage("Unknown option: '-p'"); // no value echoed
        assertThatThrownBy(() -> scan("x", "--db-pasword=s3cr3t")).hasMessage("Unknown option: '--db-pasword'");
        assertThatThrownBy(() -> scan("x", "--format")).hasMessage("Missing value for option '--format' (FORMAT)");
        assertThatThrownBy(() -> scan("x", "--output", "--quiet")).hasMessage("Missing value for option '--output' (FILE)");
        assertThatThrownBy(() -> scan("x", "-f", "json", "-f", "csv"))
                .hasMessage("Option '--format' (FORMAT) should be given only once");
        assertThatThrownBy(() -> scan("x", "--quiet=yes")).hasMessage("Option '--quiet' takes no value");
        assertThatThrownBy(() -> scan("x", "--no-quiet")).hasMessage("Unknown option: '--no-quiet'");
        assertThatThrownBy(() -> scan("x", "--threads", "many"))
                .hasMessage("Invalid value for option '--threads': 'many' is not a whole number");
        assertThatThrownBy(() -> scan("--quiet")).hasMessage("Missing required parameter: 'PATH'");
    }

    @Test
    void usageErrorsGoToStderrWithTheUsageLineAndExit2() {
        assertThat(run("scan", ".", "--bogus")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("Unknown option: '--bogus'\nUsage: dataguardian scan [OPTIONS] PATH...\n"
                + "Run 'dataguardian scan --help' for the options.\n");
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).startsWith("missing command: scan, rules or help\nUsage: dataguardian [OPTIONS] COMMAND");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(stderr()).startsWith("Unknown command: 'frobnicate'");
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(stderr()).startsWith("Unknown option: '--frobnicate'");
        assertThat(run("rules", "extra")).isEqualTo(2);
        assertThat(stderr()).startsWith("Unexpected argument: 'extra'");
        assertThat(run("help", "nothing")).isEqualTo(2);
    }

    @Test
    void helpListsEveryOptionAndWinsOverTheRestOfTheLine() {
        for (List<String> args : List.of(List.of("scan", "--help"), List.of("scan", "-h"), List.of("help", "scan"),
                List.of("scan", "--bogus", "--help"), List.of("scan", "-qh"))) {
            assertThat(run(args.toArray(String[]::new))).as(args.toString()).isZero();
            assertThat(stdout()).as(args.toString()).startsWith("Usage: dataguardian scan [OPTIONS] PATH...\n");
            assertThat(stderr()).isEmpty();
        }
        String help = stdout();
        for (Args.Opt o : ScanCommand.SPEC.options()) {
            assertThat(help).contains(o.column());
        }
        assertThat(help).contains("--[no-]aggregate-columns", "-f, --format=FORMAT", "--db-password[=PASSWORD]",
                "Exit codes:", "  1   findings reach --fail-on");
        for (String line : help.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("Commands:", "  scan", "  rules", "  help");
        assertThat(run("help")).isZero();
        assertThat(run("rules", "--help")).isZero();
        assertThat(stdout()).startsWith("Usage: dataguardian rules [OPTIONS]\n").contains("--config=FILE");
        // after "--" a "--help" is a path
        assertThat(run("scan", "--", "--help")).isEqualTo(2);
        assertThat(stderr()).contains("no such file or directory: --help");
    }

    @Test
    void theVersionIsPrintedFromAnyPlaceOfTheLine() {
        for (List<String> args : List.of(List.of("--version"), List.of("-V"), List.of("--version", "scan"),
                List.of("scan", "-V"), List.of("rules", "--version"), List.of("scan", "--threads", "x", "--version"))) {
            assertThat(run(args.toArray(String[]::new))).as(args.toString()).isZero();
            assertThat(stdout()).as(args.toString()).startsWith("dataguardian ").contains("\nJava ");
        }
    }

    @Test
    void theWarmUpBuildsOneEngine() {
        EngineWarmUp warmUp = EngineWarmUp.start();
        warmUp.await();
        ScanEngine engine = warmUp.engine();
        assertThat(engine).isNotNull().isSameAs(warmUp.engine());
    }

    /**
     * No picocli on the cli's class path, hence none in its runnable jar: the cli parses its own arguments, and the
     * copy PDFBox's tools bring in is excluded (cli/pom.xml).
     */
    @Test
    void noArgumentParserLibraryIsOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("picocli.CommandLine")).isInstanceOf(ClassNotFoundException.class);
    }
}
