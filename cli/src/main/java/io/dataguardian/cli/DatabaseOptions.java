package io.dataguardian.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** Options for {@code jdbc:} targets (part of {@code scan}). */
final class DatabaseOptions {

    static final Args.Opt USER = Args.value(null, "--db-user", "USER", "Database user for jdbc: targets.");
    static final Args.Opt PASSWORD_ENV = Args.value(null, "--db-password-env", "VAR",
            "Read the database password from this environment variable (preferred).");
    static final Args.Opt PASSWORD = new Args.Opt(null, "--db-password", "PASSWORD", Args.Kind.OPTIONAL_VALUE,
            "Database password; without a value it is asked for on the terminal. "
                    + "A value on the command line is visible to other users of the machine: prefer --db-password-env.");
    static final Args.Opt MODE = Args.value(null, "--db-mode", "MODE",
            "fast (15 tables, 100 rows each), smart (default: up to 50 tables, 300 rows) or deep (75 tables, 500 rows).");
    static final Args.Opt SCHEMA = new Args.Opt(null, "--db-schema", "SCHEMA", Args.Kind.LIST,
            "Only scan this schema (repeatable). Default: all but system schemas.");
    static final List<Args.Opt> OPTIONS = List.of(USER, PASSWORD_ENV, PASSWORD, MODE, SCHEMA);

    String user;
    String passwordEnv;
    char[] password;
    String mode = "smart";
    List<String> schemas = new ArrayList<>();

    void apply(Args.Parsed p) {
        user = p.string(USER);
        passwordEnv = p.string(PASSWORD_ENV);
        if (p.bare(PASSWORD)) {
            password = askPassword();
        } else if (p.has(PASSWORD)) {
            password = p.string(PASSWORD).toCharArray();
        }
        if (p.has(MODE)) {
            mode = p.string(MODE);
        }
        schemas = new ArrayList<>(p.list(SCHEMA));
    }

    /** --db-password without a value: asked for on the terminal without echo, else read as a line from stdin. */
    private static char[] askPassword() {
        String prompt = "Enter value for --db-password (PASSWORD): ";
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed != null ? typed : new char[0];
        }
        System.err.print(prompt);
        System.err.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
            return line != null ? line.toCharArray() : new char[0];
        } catch (IOException e) {
            throw new Args.UsageException("--db-password: cannot read the password: " + e.getMessage());
        }
    }
}
