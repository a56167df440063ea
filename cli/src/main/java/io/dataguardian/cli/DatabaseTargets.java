package io.dataguardian.cli;

import java.util.regex.Pattern;

/**
 * Extension point for {@code jdbc:} targets. The database scanner lives in
 * {@code io.dataguardian.engine.db}; until it is wired here, a database target is a usage error
 * (exit 2) with a clear message.
 */
final class DatabaseTargets {

    private static final Pattern USERINFO = Pattern.compile("//[^/@]*@");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|pwd|secret)=[^;&]*");

    private DatabaseTargets() {
    }

    static boolean isDatabaseTarget(String target) {
        return target.regionMatches(true, 0, "jdbc:", 0, 5);
    }

    /**
     * Scans a database target. Wire the engine's database scanner here and return its exit code.
     *
     * @return the exit code
     */
    static int scan(String url, ScanCommand command) {
        command.env().err().println("dataguardian: database targets are not supported yet: " + redact(url));
        return ScanCommand.EXIT_USAGE;
    }

    /** The URL without user info or password parameters, safe to print. */
    static String redact(String url) {
        return PASSWORD.matcher(USERINFO.matcher(url).replaceAll("//***@")).replaceAll("$1=***");
    }
}
