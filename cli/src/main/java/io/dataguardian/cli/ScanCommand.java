package io.dataguardian.cli;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.config.ConfigException;
import io.dataguardian.engine.config.ConfigLoader;
import io.dataguardian.engine.config.ProjectConfig;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.report.ReportFormat;
import io.dataguardian.engine.report.Reports;
import io.dataguardian.engine.report.SarifReportWriter;
import io.dataguardian.engine.report.ScanReport;
import io.dataguardian.engine.scan.FindingStream;
import io.dataguardian.engine.scan.ScanControl;
import io.dataguardian.engine.scan.ScanListener;
import io.dataguardian.engine.scan.ScanRequest;
import io.dataguardian.engine.scan.ScanResult;
import io.dataguardian.engine.scan.Sizes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code dataguardian scan PATH...}. */
final class ScanCommand implements DataGuardianCli.Command {

    static final int EXIT_CLEAN = 0;
    static final int EXIT_FINDINGS = 1;
    static final int EXIT_USAGE = 2;

    static final Args.Opt FORMAT = Args.value("-f", "--format", "FORMAT",
            "json, sarif, csv, html, text or pdf. Default: from the --output extension, else text.");
    static final Args.Opt OUTPUT = Args.value("-o", "--output", "FILE",
            "Write the report here (atomically) instead of stdout.");
    static final Args.Opt LANG = Args.value(null, "--lang", "LANG",
            "Language of the html, pdf, csv and text reports: en (default) or nl.");
    static final Args.Opt FAIL_ON = Args.value(null, "--fail-on", "SEVERITY",
            "Exit 1 when a finding is at least this severe: critical, high, medium, low or none (default).");
    static final Args.Opt CONFIG = Args.value("-c", "--config", "FILE",
            "Project configuration. Default: .dataguardian.yml in the (first) scanned directory.");
    static final Args.Opt THREADS = Args.value("-t", "--threads", "N", "Worker threads. Default: number of cores.");
    static final Args.Opt INCLUDE = new Args.Opt(null, "--include", "GLOB", Args.Kind.LIST,
            "Only scan files matching a glob (repeatable).");
    static final Args.Opt EXCLUDE = new Args.Opt(null, "--exclude", "GLOB", Args.Kind.LIST,
            "Skip files and directories matching a glob (repeatable).");
    static final Args.Opt GITIGNORE = Args.flag(null, "--gitignore", "Respect .gitignore files and skip .git/.");
    static final Args.Opt MAX_FILE_SIZE = Args.value(null, "--max-file-size", "SIZE",
            "Skip larger files (e.g. 50MB). Default: 4GB.");
    static final Args.Opt AGGREGATE_COLUMNS = new Args.Opt(null, "--aggregate-columns", null, Args.Kind.NEGATABLE,
            "CSV/JSON: one finding per column / JSON path and detector (count, share of rows) instead of one per "
                    + "occurrence. Default: off, or aggregateColumns in .dataguardian.yml.");
    static final Args.Opt QUIET = Args.flag("-q", "--quiet",
            "No progress and no summary on stderr; errors only as a count.");

    static final Args.Spec SPEC = new Args.Spec("dataguardian scan",
            "Scans files and directories for personal data and secrets.", "PATH...",
            "Files or directories to scan (jdbc: URLs: see docs/cli.md).", List.of(), options(),
            List.of("0:no finding reaches --fail-on (or --fail-on not given)", "1:findings reach --fail-on",
                "2:usage error, bad configuration or fatal error"));

    private static List<Args.Opt> options() {
        List<Args.Opt> all = new ArrayList<>(List.of(FORMAT, OUTPUT, LANG, FAIL_ON, CONFIG, THREADS, INCLUDE, EXCLUDE,
                GITIGNORE, MAX_FILE_SIZE, AGGREGATE_COLUMNS, QUIET));
        all.addAll(DatabaseOptions.OPTIONS);
        return all;
    }

    private final CliEnvironment env;

    List<String> targets;
    String format;
    Path output;
    String lang = "en";
    String failOn = "none";
    Path config;
    Integer threads;
    List<String> includes = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    boolean gitignore;
    String maxFileSize;
    Boolean aggregateColumns;
    boolean quiet;
    DatabaseOptions database = new DatabaseOptions();

    ScanCommand(CliEnvironment env) {
        this.env = env;
    }

    CliEnvironment env() {
        return env;
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public void apply(Args.Parsed p) {
        if (p.positional.isEmpty()) {
            throw new Args.UsageException("Missing required parameter: 'PATH'");
        }
        targets = List.copyOf(p.positional);
        format = p.string(FORMAT);
        output = p.path(OUTPUT);
        if (p.has(LANG)) {
            lang = p.string(LANG);
        }
        if (p.has(FAIL_ON)) {
            failOn = p.string(FAIL_ON);
        }
        config = p.path(CONFIG);
        threads = p.integer(THREADS);
        includes = new ArrayList<>(p.list(INCLUDE));
        excludes = new ArrayList<>(p.list(EXCLUDE));
        gitignore = p.flag(GITIGNORE);
        maxFileSize = p.string(MAX_FILE_SIZE);
        aggregateColumns = p.bool(AGGREGATE_COLUMNS);
        quiet = p.flag(QUIET);
        database.apply(p);
    }

    @Override
    public int call() throws IOException {
        Severity threshold = parseFailOn();
        ReportFormat reportFormat = reportFormat();
        java.util.Locale locale = reportLocale();
        Long maxBytes = null;
        if (maxFileSize != null) {
            try {
                maxBytes = Sizes.parse(maxFileSize);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--max-file-size: " + e.getMessage());
            }
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new Args.UsageException("--threads must be between 1 and 1024");
        }

        List<Path> roots = new ArrayList<>();
        for (String t : targets) {
            if (DatabaseTargets.isDatabaseTarget(t)) {
                return DatabaseTargets.scan(t, this);
            }
            Path p = Path.of(t);
            if (!Files.exists(p)) {
                env.err().println("dataguardian: no such file or directory: " + t);
                return EXIT_USAGE;
            }
            roots.add(p);
        }

        ProjectConfig project;
        try {
            project = loadConfig(roots);
        } catch (ConfigException e) {
            env.err().println("dataguardian: bad configuration: " + e.getMessage());
            return EXIT_USAGE;
        }

        byte[] key;
        try {
            key = FingerprintKeys.resolve(env.env(), env.home());
        } catch (IllegalArgumentException | IOException e) {
            env.err().println("dataguardian: fingerprint key: " + DataGuardianCli.describe(e));
            return EXIT_USAGE;
        }

        DetectionSettings settings = new DetectionSettings(key, project.disabledRules(), project.rules(),
                project.allowFingerprints());
        List<String> allIncludes = new ArrayList<>(project.include());
        allIncludes.addAll(includes);
        List<String> allExcludes = new ArrayList<>(project.exclude());
        allExcludes.addAll(excludes);
        ScanRequest.Builder builder = ScanRequest.builder(settings).roots(roots).include(allIncludes)
                .exclude(allExcludes).allowPaths(project.allowPaths())
                .gitignore(gitignore || Boolean.TRUE.equals(project.gitignore()))
                .aggregateColumns(aggregateColumns != null ? aggregateColumns
                        : Boolean.TRUE.equals(project.aggregateColumns()));
        if (threads != null) {
            builder.threads(threads);
        }
        // the findings spill to disk past the engine's default bound (sorted runs, merged as the report reads them):
        // holding all of the benchmark tree's 490k in memory instead cost 7-9 % more wall time on a 2-core VM (young
        // collections copying them, page faults as the old generation grew); -Ddataguardian.findingsInMemory=N
        // sets another bound (docs/benchmarks.md)
        Integer inMemory = Integer.getInteger("dataguardian.findingsInMemory");
        if (inMemory != null) {
            builder.findingsInMemory(inMemory);
        }
        Long limit = maxBytes != null ? maxBytes : project.maxFileSize();
        if (limit != null) {
            builder.maxFileBytes(limit);
        }
        ScanRequest request;
        try {
            request = builder.build();
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }

        if (reportFormat == ReportFormat.SARIF) {
            // SARIF results are written while the scan runs, file by file in order: no findings are held or
            // spilled, and the report is nearly complete when the scan ends (docs/cli.md)
            List<DetectorInfo> rules = ScanReport.rules(env.detectors().get(), project.rules());
            ScanResult[] done = new ScanResult[1];
            Reports.Body body = out -> {
                SarifReportWriter.Streaming sarif = new SarifReportWriter.Streaming(out, rules);
                try (ScanResult result = scan(request, sarif)) {
                    sarif.end(new ScanReport(result, DataGuardianCli.version(), rules));
                    done[0] = result;
                }
            };
            writeReport(body);
            printErrorsAndSummary(done[0]);
            return reachesThreshold(done[0], threshold) ? EXIT_FINDINGS : EXIT_CLEAN;
        }
        // the findings stream from the engine's store (spilled to private temp files past a bound) into
        // the report; closing the result deletes those files, also when writing fails
        try (ScanResult result = scan(request, null)) {
            List<DetectorInfo> builtIn = env.detectors().get();
            ScanReport report = new ScanReport(result, DataGuardianCli.version(),
                    ScanReport.rules(builtIn, project.rules()));
            writeReport(out -> Reports.writer(reportFormat, locale).write(report, out));
            printErrorsAndSummary(result);
            return reachesThreshold(result, threshold) ? EXIT_FINDINGS : EXIT_CLEAN;
        }
    }

    /** To --output atomically, else to standard output. */
    private void writeReport(Reports.Body body) throws IOException {
        if (output != null) {
            Reports.writeAtomically(output, body);
        } else {
            OutputStream out = new BufferedOutputStream(env.out(), 1 << 16);
            body.write(out);
            out.flush();
        }
    }

    private ScanResult scan(ScanRequest request, FindingStream stream) {
        if (quiet) {
            return env.engine().get().scan(request, ScanListener.NONE, new ScanControl(), stream);
        }
        try (ProgressReporter progress = new ProgressReporter(env.err(), env.terminal())) {
            return env.engine().get().scan(request, progress, new ScanControl(), stream);
        }
    }

    private ProjectConfig loadConfig(List<Path> roots) throws ConfigException {
        if (config != null) {
            return ConfigLoader.load(config);
        }
        Path first = roots.get(0);
        return ConfigLoader.findIn(Files.isDirectory(first) ? first : first.toAbsolutePath().getParent());
    }

    Severity parseFailOn() {
        if (failOn == null || failOn.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(
                    "--fail-on: " + e.getMessage().replace("(expected one of", "(expected none or one of"));
        }
    }

    java.util.Locale reportLocale() {
        try {
            return io.dataguardian.engine.report.ReportTexts.parseLanguage(lang);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--lang: " + e.getMessage());
        }
    }

    ReportFormat reportFormat() {
        try {
            if (format != null) {
                return ReportFormat.parse(format);
            }
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--format: " + e.getMessage());
        }
        if (output != null) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".sarif") || name.endsWith(".sarif.json")) {
                return ReportFormat.SARIF;
            }
            for (ReportFormat f : ReportFormat.values()) {
                if (name.endsWith("." + f.id()) || (f == ReportFormat.HTML && name.endsWith(".htm"))
                        || (f == ReportFormat.TEXT && name.endsWith(".txt"))) {
                    return f;
                }
            }
        }
        return ReportFormat.TEXT;
    }

    static boolean reachesThreshold(ScanResult result, Severity threshold) {
        if (threshold == null) {
            return false;
        }
        // from the severity counts: no pass over the (possibly spilled) findings
        for (Severity s : Severity.values()) {
            if (s.atLeast(threshold) && result.scores().count(s) > 0) {
                return true;
            }
        }
        return false;
    }

    private void printErrorsAndSummary(ScanResult r) {
        var err = env.err();
        if (!r.errors().isEmpty()) {
            if (quiet) {
                err.println("dataguardian: " + r.errors().size() + " file(s) not scanned completely");
            } else {
                err.println("dataguardian: not scanned completely (" + r.errors().size() + "):");
                Set<String> seen = new LinkedHashSet<>();
                for (FileError e : r.errors()) {
                    String line = "  " + printable(e.path()) + ": " + printable(e.message()) + " [" + e.kind() + "]";
                    if (seen.add(line)) {
                        err.println(line);
                    }
                }
            }
        }
        if (!quiet) {
            var s = r.stats();
            var sc = r.scores();
            // built by hand, not printf: a Formatter with decimals costs the run its locale data (Sizes.oneDecimal)
            err.println("dataguardian: " + s.findings() + " findings (critical " + sc.count(Severity.CRITICAL)
                    + ", high " + sc.count(Severity.HIGH) + ", medium " + sc.count(Severity.MEDIUM) + ", low "
                    + sc.count(Severity.LOW) + ") in " + s.filesScanned() + " files, " + Sizes.format(s.bytesScanned())
                    + " in " + Sizes.oneDecimal(s.duration().toMillis() / 1000.0) + "s ("
                    + Sizes.oneDecimal(s.megabytesPerSecond()) + " MB/s); compliance " + sc.complianceScore()
                    + "/100 (" + sc.complianceBand().label() + "), risk " + sc.riskScore() + "/100"
                    + (output != null ? "; report: " + output : ""));
        }
        err.flush();
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
