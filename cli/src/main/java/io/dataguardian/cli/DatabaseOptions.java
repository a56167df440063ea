package io.dataguardian.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code jdbc:} targets (mixed into {@code scan}). */
final class DatabaseOptions {

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for jdbc: targets.")
    String user;

    @Option(names = "--db-password-env", paramLabel = "VAR",
            description = "Read the database password from this environment variable (preferred).")
    String passwordEnv;

    @Option(names = "--db-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Database password; without a value it is asked for on the terminal. "
                    + "A value on the command line is visible to other users of the machine: prefer --db-password-env.")
    char[] password;

    @Option(names = "--db-mode", paramLabel = "MODE",
            description = "fast (15 tables, 100 rows each), smart (default: up to 50 tables, 300 rows) or deep (75 tables, 500 rows).")
    String mode = "smart";

    @Option(names = "--db-schema", paramLabel = "SCHEMA", description = "Only scan this schema (repeatable). Default: all but system schemas.")
    List<String> schemas = new ArrayList<>();
}
