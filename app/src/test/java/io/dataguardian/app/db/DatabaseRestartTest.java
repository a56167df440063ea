package io.dataguardian.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL restarted under load, on a private throw-away cluster (initdb + pg_ctl on its own port and
 * directory; the shared server is never touched): while it is down, API calls and pages answer 503 with
 * Retry-After within the pool's connection timeout, including requests that fail in the JDBC session store
 * filter before any controller; when it is back, the same app (no restart) and the same signed-in session serve
 * 200 again, and no client request ever hung. Skipped only when the PostgreSQL server binaries are not installed.
 * Port: {@code -Ddataguardian.test.restart-pg-port} (default 55432).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartTest {

    static final int PORT = Integer.getInteger("dataguardian.test.restart-pg-port", 55432);
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** A request may wait for one connection timeout; the rest is a loaded machine's slack, not a speed target. */
    static final Duration NO_HANG = CONNECTION_TIMEOUT.plusSeconds(8);

    private Path bin;
    private Path dir;
    private boolean asPostgresUser;
    private RunningApp app;

    @BeforeAll
    void startClusterAndApp() throws Exception {
        bin = serverBinaries();
        Assumptions.assumeTrue(bin != null, "PostgreSQL server binaries (initdb, pg_ctl) not found under "
                + "/usr/lib/postgresql/*/bin or on PATH: the restart test needs a private cluster");
        asPostgresUser = "root".equals(System.getProperty("user.name"));
        dir = Files.createTempDirectory("dataguardian-pg-restart-");
        if (asPostgresUser) {
            run("chown", "postgres", dir.toString()); // initdb refuses to run as root
        }
        run(pg("initdb"), "-D", data().toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8",
                "--locale=C");
        startPostgres();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database dataguardian");
        }
        app = RunningApp.start(Map.of(
                "dataguardian.db.url", url("dataguardian"),
                "dataguardian.db.user", "postgres",
                "dataguardian.db.password", "",
                "dataguardian.db.pool.connection-timeout", CONNECTION_TIMEOUT.toSeconds() + "s",
                "dataguardian.db.pool.min-idle", "2",
                "dataguardian.db.pool.max-size", "5"));
    }

    @AfterAll
    void stopAppAndCluster() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (dir != null) {
                if (Files.exists(data().resolve("postmaster.pid"))) {
                    run(pg("pg_ctl"), "-D", data().toString(), "-m", "immediate", "-w", "stop");
                }
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }

    @Test
    void requestsFailFastWith503WhileTheDatabaseIsDownAndTheSameAppRecoversAfterItsRestart() throws Exception {
        RunningApp.Browser browser = app.browser();
        assertThat(browser.login("admin", app.printedAdminPassword()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/scans").statusCode()).isEqualTo(200);

        // load: four clients with the same session keep calling the API for the whole test
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<long[]> calls = new ConcurrentLinkedQueue<>(); // {status, millis}
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            load.add(clients.submit(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    int status = browser.get("/api/scans?limit=5").statusCode();
                    calls.add(new long[] {status, (System.nanoTime() - t0) / 1_000_000});
                }
                return null;
            }));
        }
        try {
            Thread.sleep(1_000);
            run(pg("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w", "stop");

            // down: the API (the session store filter meets the outage first), and a page in Dutch
            long t0 = System.nanoTime();
            HttpResponse<String> api = browser.get("/api/scans");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("5");
            assertThat(api.body()).contains("\"database_unavailable\"").contains("The database is not reachable");
            assertThat(took).isLessThan(NO_HANG);

            HttpResponse<String> page = browser.get("/scans?lang=nl", "text/html,application/xhtml+xml", "nl");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("De database is op dit moment niet bereikbaar");
            assertThat(app.context().getBean(javax.sql.DataSource.class)).isNotNull();
            int downCalls = calls.size();

            startPostgres();

            // back: the same app and the same session, no restart; the pool reconnects by itself
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int status = 0;
            while (System.nanoTime() < until && (status = browser.get("/api/scans").statusCode()) != 200) {
                Thread.sleep(200);
            }
            assertThat(status).as("API status after PostgreSQL came back").isEqualTo(200);
            assertThat(browser.get("/scans").statusCode()).isEqualTo(200);
            Thread.sleep(500);
            assertThat(calls.size()).as("the load clients kept going").isGreaterThan(downCalls);
        } finally {
            stop.set(true);
            clients.shutdown();
        }
        assertThat(clients.awaitTermination(NO_HANG.toSeconds() * 2, TimeUnit.SECONDS)).as("no client hung").isTrue();
        for (Future<?> f : load) {
            f.get(); // no client failed with an exception (an I/O error, a reset connection)
        }
        List<long[]> all = new ArrayList<>(calls);
        assertThat(all).isNotEmpty();
        assertThat(all).as("every call under load was either served or refused with 503")
                .allMatch(c -> c[0] == 200 || c[0] == 503);
        assertThat(all).anyMatch(c -> c[0] == 503).anyMatch(c -> c[0] == 200);
        assertThat(all.stream().mapToLong(c -> c[1]).max().orElse(0)).as("slowest call, ms")
                .isLessThan(NO_HANG.toMillis());
    }

    private void startPostgres() throws Exception {
        run(pg("pg_ctl"), "-D", data().toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + PORT + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    private Path data() {
        return dir.resolve("data");
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database;
    }

    private String pg(String tool) {
        return bin.resolve(tool).toString();
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser && !command[0].equals("chown")) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = dir != null && Files.exists(dir.resolve("postgres.log"))
                    ? Files.readString(dir.resolve("postgres.log")) : "";
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out + "\n" + log);
        }
    }

    static Path serverBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(Path::toString)).orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path b = Path.of(p);
            if (Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl"))) {
                return b;
            }
        }
        return null;
    }
}
