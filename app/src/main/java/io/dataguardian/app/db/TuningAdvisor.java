package io.dataguardian.app.db;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compares PostgreSQL's current settings with pgtune's rules for the server's resources (from
 * {@code dataguardian.db.tuning.*} when the database runs elsewhere, else this machine's), and writes an
 * {@code ALTER SYSTEM} script. Reading is harmless; {@link #apply} is a separate administrator action.
 */
@Service
public class TuningAdvisor {

    /** One setting: what it is, what the rule says, and whether changing it needs a restart. */
    public record Advice(String name, String current, String recommended, String rule, boolean needsRestart,
                         boolean differs) {
    }

    /** The advice for every setting and the script that applies it. */
    public record Report(PgTuneRules.Server server, List<Advice> settings, String script) {
    }

    /** What {@link #apply} did. */
    public record ApplyResult(List<String> applied, List<String> pendingRestart) {
    }

    private final DataSource dataSource;
    private final DatabaseProperties properties;

    public TuningAdvisor(DataSource dataSource, DatabaseProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    public PgTuneRules.Server server() {
        DatabaseProperties.Tuning t = properties.getTuning();
        long memory = t.getMemory() != null ? t.getMemory().toBytes() : localMemory();
        int cpus = t.getCpus() != null ? t.getCpus() : Runtime.getRuntime().availableProcessors();
        int connections = t.getMaxConnections() != null ? t.getMaxConnections() : 100;
        return new PgTuneRules.Server(memory, cpus, t.getStorage() == null ? "ssd" : t.getStorage(), connections);
    }

    public Report advise() {
        if (DatabaseKind.of(dataSource) != DatabaseKind.POSTGRESQL) {
            throw new IllegalStateException("the tuning advisor reads pg_settings: it needs PostgreSQL");
        }
        PgTuneRules.Server server = server();
        List<PgTuneRules.Recommendation> recommendations = PgTuneRules.recommend(server);
        Map<String, String[]> current = new LinkedHashMap<>();
        JdbcClient.create(dataSource)
                .sql("select name, current_setting(name) as value, context from pg_settings where name in (:names)")
                .param("names", recommendations.stream().map(PgTuneRules.Recommendation::name).toList())
                .query(rs -> {
                    current.put(rs.getString("name"), new String[] {rs.getString("value"), rs.getString("context")});
                });
        List<Advice> advice = new ArrayList<>();
        StringBuilder script = new StringBuilder("-- DataGuardian tuning advice (pgtune rules, web workload) for ")
                .append(PgTuneRules.size(server.memoryBytes())).append(" RAM, ").append(server.cpus())
                .append(" CPUs, ").append(server.storage()).append('\n');
        for (PgTuneRules.Recommendation r : recommendations) {
            String[] now = current.getOrDefault(r.name(), new String[] {null, "unknown"});
            boolean restart = "postmaster".equals(now[1]);
            boolean differs = now[0] == null || !normalise(now[0]).equals(normalise(r.value()));
            advice.add(new Advice(r.name(), now[0], r.value(), r.rule(), restart, differs));
            if (differs) {
                script.append("ALTER SYSTEM SET ").append(r.name()).append(" = '").append(r.value()).append("';")
                        .append("  -- now ").append(now[0]).append(restart ? "; needs a restart" : "").append('\n');
            }
        }
        script.append("SELECT pg_reload_conf();\n");
        return new Report(server, advice, script.toString());
    }

    /**
     * Runs the script's ALTER SYSTEM statements on {@code superuser} (a connection the administrator opens
     * for this, not one from the pool) and reloads the configuration. Settings of context
     * {@code postmaster} take effect only after a restart; they are listed in the result.
     */
    public ApplyResult apply(Connection superuser, Report report) throws SQLException {
        try (Statement s = superuser.createStatement();
             ResultSet rs = s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new IllegalStateException("ALTER SYSTEM needs a superuser connection");
            }
        }
        boolean autoCommit = superuser.getAutoCommit();
        superuser.setAutoCommit(true);   // ALTER SYSTEM cannot run inside a transaction block
        List<String> applied = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        try (Statement s = superuser.createStatement()) {
            for (Advice a : report.settings()) {
                if (a.differs()) {
                    s.execute("ALTER SYSTEM SET " + a.name() + " = '" + a.recommended().replace("'", "''") + "'");
                    applied.add(a.name());
                }
            }
            s.execute("SELECT pg_reload_conf()");
            try (ResultSet rs = s.executeQuery("select name from pg_settings where pending_restart order by name")) {
                while (rs.next()) {
                    pending.add(rs.getString(1));
                }
            }
        } finally {
            superuser.setAutoCommit(autoCommit);
        }
        for (Advice a : report.settings()) {
            if (a.differs() && a.needsRestart() && !pending.contains(a.name())) {
                pending.add(a.name());
            }
        }
        return new ApplyResult(applied, pending);
    }

    /** '4GB' and '4096MB' compare equal; so do '0.9' and '0.9'. */
    static String normalise(String value) {
        String v = value.trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\s*(kB|MB|GB|TB)$").matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long factor = switch (m.group(2)) {
                case "kB" -> 1L;
                case "MB" -> 1024L;
                case "GB" -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            return Long.toString(n * factor) + "kB";
        }
        try {
            return Double.toString(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static long localMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
