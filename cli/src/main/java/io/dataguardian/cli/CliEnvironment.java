package io.dataguardian.cli;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.scan.ScanEngine;
import java.util.List;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the commands take from the outside world, so tests can run them in-process.
 *
 * @param env      environment variables
 * @param home     the user's home directory
 * @param out      where reports go when there is no --output
 * @param err      progress, errors and the summary
 * @param terminal true when stderr is an interactive terminal (progress bar instead of lines)
 * @param engine   the scan engine
 * @param detectors the built-in detectors (for SARIF rules and {@code rules})
 */
record CliEnvironment(Map<String, String> env, Path home, PrintStream out, PrintStream err, boolean terminal,
                      Supplier<ScanEngine> engine, Supplier<List<DetectorInfo>> detectors) {

    static CliEnvironment system() {
        return system(ScanEngine::new);
    }

    /** The real environment with the engine from {@code engine} (e.g. one built while the arguments are parsed). */
    static CliEnvironment system(Supplier<ScanEngine> engine) {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.out, System.err,
                stderrIsTerminal(), engine,
                () -> Catalogue.standard().detectors());
    }

    /**
     * Java 17 cannot ask whether stderr alone is a terminal: System.console() says stdin and stdout
     * are; on Linux /proc tells us about stderr itself.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (java.nio.file.Files.isSymbolicLink(fd2)) {
                String target = java.nio.file.Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // fall through
        }
        return System.console() != null;
    }
}
