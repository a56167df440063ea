package io.dataguardian.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.PlantedData;
import io.dataguardian.app.RunningApp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A node killed with SIGKILL in the middle of a scan (no shutdown hook, no hand-back): node A runs in a JVM of its
 * own ({@link ScanNodeProcess}, holding the scan at its start); once the scan is RUNNING there, node B starts in
 * this JVM, A's process is destroyed forcibly, and B's scheduler must find the execution dead (no heartbeat for
 * 4 x 2 s here instead of 6 x 10 s), revive it and finish the scan: COMPLETED, attempts 2, each finding stored once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardKilledNodeTest {

    private static final Pattern READY = Pattern.compile("NODE-READY (\\d+)");
    private final SharedStores stores = new SharedStores("jobskill");
    private final String adminPassword = "Kill-" + UUID.randomUUID();
    private Process nodeA;
    private Path nodeALog;
    /** Node A's data and java.io.tmpdir (its upload copies, Tomcat's directories): a SIGKILL leaves them behind. */
    @TempDir
    static Path nodeADir;
    private RunningApp nodeB;

    private Map<String, String> settings(String name) {
        Map<String, String> s = stores.nodeSettings(name);
        s.put("dataguardian.admin.password", adminPassword);
        s.put("db-scheduler.heartbeat-interval", "2s");
        s.put("db-scheduler.missed-heartbeats-limit", "4"); // db-scheduler's minimum
        return s;
    }

    @AfterAll
    void stop() throws IOException {
        if (nodeA != null) {
            nodeA.destroyForcibly();
            try {
                nodeA.waitFor(30, TimeUnit.SECONDS); // gone before JUnit deletes nodeADir
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stores.close(nodeB);
    }

    @Test
    void aScanOfAKilledNodeIsFoundDeadAndFinishedByTheOtherNodeWithoutDuplicates() throws Exception {
        String baseA = startNodeA();
        ApiClient onA = new ApiClient(baseA, new CookieManager()).login("admin", adminPassword);
        HttpResponse<String> submitted = onA.upload(Map.of("customers.zip", PlantedData.zip(Map.of(
                "a.txt", PlantedData.planted(), "b.txt", PlantedData.planted() + "\nTel: 06-12345678\n"))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long scanId = ApiClient.JSON.readTree(submitted.body()).path("id").asLong();
        onA.awaitStatus(scanId, "RUNNING");

        nodeB = RunningApp.start(settings("node-b"));
        JdbcClient jdbc = JdbcClient.create(nodeB.context().getBean(DataSource.class));
        assertThat(jdbc.sql("select picked_by from scheduled_tasks where task_name = 'scan-job' and task_instance = :i")
                .param("i", Long.toString(scanId)).query(String.class).single()).isEqualTo("node-a");

        nodeA.destroyForcibly(); // SIGKILL: no graceful shutdown, the execution stays picked by node-a
        assertThat(nodeA.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(nodeA.exitValue()).isEqualTo(137);

        ApiClient onB = onA.on(nodeB.baseUrl());
        JsonNode finished = onB.awaitEnd(scanId);
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select attempts from scan_jobs where scan_id = :id").param("id", scanId)
                .query(Integer.class).single()).isEqualTo(2);
        long stored = jdbc.sql("select count(*) from findings where scan_id = :id").param("id", scanId)
                .query(Long.class).single();
        long distinct = jdbc.sql("select count(distinct (fingerprint, entity_type, path, char_offset)) from findings "
                + "where scan_id = :id").param("id", scanId).query(Long.class).single();
        assertThat(stored).isGreaterThanOrEqualTo(6).isEqualTo(distinct);
        assertThat(finished.path("counts").path("total").asLong()).isEqualTo(stored);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'scan.started' and target = :t")
                .param("t", "scan:" + scanId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :i")
                .param("i", Long.toString(scanId)).query(Long.class).single()).isZero();
    }

    /** Node A in a JVM of its own, on the test classpath; returns its base URL once it serves requests. */
    private String startNodeA() throws Exception {
        // kept in target/ for a look after a failure; overwritten by the next run
        nodeALog = Path.of("target", "hard-killed-node-a.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + Files.createDirectories(nodeADir.resolve("tmp")),
                "-cp", System.getProperty("java.class.path"), ScanNodeProcess.class.getName(), "--server.port=0",
                "--dataguardian.data-dir=" + nodeADir.resolve("data")));
        settings("node-a").forEach((k, v) -> command.add("--" + k + "=" + v));
        nodeA = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(nodeALog.toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until) {
            Matcher m = READY.matcher(Files.readString(nodeALog, StandardCharsets.UTF_8));
            if (m.find()) {
                return "http://localhost:" + m.group(1);
            }
            if (!nodeA.isAlive()) {
                throw new AssertionError("node A died at start-up:\n" + tail());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node A did not start:\n" + tail());
    }

    /** The causes the node printed, then the end of its output. */
    private String tail() throws IOException {
        String log = Files.readString(nodeALog, StandardCharsets.UTF_8);
        String causes = String.join("\n", log.lines().filter(l -> l.contains("Caused by") || l.contains(" ERROR ")
                || l.contains("APPLICATION FAILED")).limit(20).toList());
        return causes + "\n...\n" + log.substring(Math.max(0, log.length() - 3000)) + "\n(whole output: " + nodeALog + ")";
    }
}
