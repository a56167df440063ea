package io.dataguardian.cli;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.db.DatabaseScanException;
import io.dataguardian.engine.db.DatabaseScanOptions;
import io.dataguardian.engine.db.DatabaseScanSummary;
import io.dataguardian.engine.db.DatabaseScanner;
import io.dataguardian.engine.db.DatabaseTarget;
import io.dataguardian.engine.db.JdbcUrls;
import io.dataguardian.engine.db.ScanMode;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.report.ReportFormat;
import io.dataguardian.engine.report.Reports;
import io.dataguardian.engine.report.ScanReport;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.ScanStats;
import io.dataguardian.engine.score.ScoreCalculator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code jdbc:} targets: routed to the engine's database scanner ({@code io.dataguardian.engine.db}).
 * The JDBC drivers (PostgreSQL, MariaDB/MySQL, SQL Server, H2, SQLite) are runtime dependencies of
 * the CLI.
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
     * Scans a database target with the engine's read-only {@link DatabaseScanner} and writes the
     * report like a file scan: one finding per table column and entity type (path
     * {@code schema.table}, section {@code column name}), per-table errors beside them. The password
     * comes from {@code --db-password-env VAR} (or {@code --db-password}); it is never printed.
     *
     * @return the exit code
     */
    static int scan(String url, ScanCommand command) throws IOException {
        CliEnvironment env = command.env();
        DatabaseOptions db = command.database;
        String shown = JdbcUrls.redact(url);
        ScanMode mode;
        try {
            mode = ScanMode.parse(db.mode);
        } catch (IllegalArgumentException e) {
            env.err().println("dataguardian: --db-mode: " + e.getMessage());
            return ScanCommand.EXIT_USAGE;
        }
        String password = null;
        if (db.passwordEnv != null) {
            password = env.env().get(db.passwordEnv);
            if (password == null) {
                env.err().println("dataguardian: --db-password-env: environment variable " + db.passwordEnv + " is not set");
                return ScanCommand.EXIT_USAGE;
            }
        } else if (db.password != null) {
            password = new String(db.password);
        }
        byte[] key;
        try {
            key = FingerprintKeys.resolve(env.env(), env.home());
        } catch (IllegalArgumentException | IOException e) {
            env.err().println("dataguardian: fingerprint key: " + DataGuardianCli.describe(e));
            return ScanCommand.EXIT_USAGE;
        }
        DatabaseTarget target;
        try {
            target = new DatabaseTarget(url, db.user, password);
        } catch (IllegalArgumentException e) {
            env.err().println("dataguardian: " + e.getMessage());
            return ScanCommand.EXIT_USAGE;
        }
        Severity threshold = command.parseFailOn();
        ReportFormat format = command.reportFormat();
        java.util.Locale locale = command.reportLocale();
        DatabaseScanOptions options = DatabaseScanOptions.of(mode);
        if (!db.schemas.isEmpty()) {
            options = options.withSchemas(new java.util.HashSet<>(db.schemas));
        }
        List<Finding> findings = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        FindingSink sink = new FindingSink() {
            @Override
            public synchronized void finding(Finding finding) {
                findings.add(finding);
            }

            @Override
            public synchronized void error(FileError error) {
                errors.add(error);
            }
        };
        Instant started = Instant.now();
        if (!command.quiet) {
            env.err().println("dataguardian: scanning " + shown + " (" + mode.name().toLowerCase(Locale.ROOT) + " mode)");
        }
        DatabaseScanSummary summary;
        try {
            summary = new DatabaseScanner(options).scan(target,
                    Catalogue.standard().newScanner(DetectionSettings.withKey(key)), sink);
        } catch (DatabaseScanException e) {
            env.err().println("dataguardian: " + e.getMessage());
            return ScanCommand.EXIT_USAGE;
        }
        findings.sort(ScanResult.ORDER);
        errors.sort(ScanResult.ERROR_ORDER);
        long tablesWithErrors = errors.stream().map(FileError::path).distinct().count();
        ScanStats stats = new ScanStats(started, summary.duration(), summary.tablesScanned(),
                summary.tablesFound() - summary.tablesScanned(), Map.of(), tablesWithErrors, 0, findings.size(), false);
        ScanResult result = new ScanResult(Path.of("."), findings, errors, stats, ScoreCalculator.score(findings));
        ScanReport report = new ScanReport(result, DataGuardianCli.version(), ScanReport.rules(env.detectors().get(), List.of()));
        if (command.output != null) {
            Reports.writeAtomically(format, locale, report, command.output);
        } else {
            OutputStream out = new BufferedOutputStream(env.out(), 1 << 16);
            Reports.writer(format, locale).write(report, out);
            out.flush();
        }
        for (FileError e : errors) {
            env.err().println("  " + e.path() + ": " + e.message() + " [" + e.kind() + "]");
        }
        if (!command.quiet) {
            env.err().printf(Locale.ROOT, "dataguardian: %d findings in %d of %d tables (%d columns, %d rows sampled) of %s in %.1fs%n",
                    findings.size(), summary.tablesScanned(), summary.tablesFound(), summary.columnsScanned(),
                    summary.rowsSampled(), summary.database(), summary.duration().toMillis() / 1000.0);
        }
        env.err().flush();
        return ScanCommand.reachesThreshold(result, threshold) ? ScanCommand.EXIT_FINDINGS : ScanCommand.EXIT_CLEAN;
    }

    /** The URL without user info or password parameters, safe to print. */
    static String redact(String url) {
        return PASSWORD.matcher(USERINFO.matcher(url).replaceAll("//***@")).replaceAll("$1=***");
    }
}
