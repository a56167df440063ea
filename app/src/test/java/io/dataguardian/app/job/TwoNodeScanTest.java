package io.dataguardian.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.TestInfrastructure;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanSummary;
import io.dataguardian.engine.scan.ScanListener;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes in one JVM on loopback ports, sharing one PostgreSQL schema and one Redis (the production shape):
 * a session made on node A works on node B; a scan submitted on A runs on whichever node claims it; a node
 * stopped mid-scan hands the scan back and the other node finishes it without duplicate findings; a cache
 * eviction on A reaches B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeScanTest {

    private final String schema = TestInfrastructure.createSchema("jobs2");
    private final String namespace = "dataguardian:test:" + UUID.randomUUID();
    private final String cachePrefix = "dgtest-" + UUID.randomUUID().toString().substring(0, 8);
    private RunningApp nodeA;
    private RunningApp nodeB;

    private Map<String, String> settings(String name) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dataguardian.db.url", TestInfrastructure.urlFor(schema));
        s.put("dataguardian.db.user", TestInfrastructure.PG_USER);
        s.put("dataguardian.db.password", TestInfrastructure.PG_PASSWORD);
        s.put("dataguardian.redis.url", TestInfrastructure.REDIS_URL);
        s.put("spring.session.data.redis.namespace", namespace);
        s.put("dataguardian.cache.key-prefix", cachePrefix);
        s.put("dataguardian.scan.secret", "two-node-test-secret-0123456789");
        s.put("dataguardian.scan.min-headroom", "0");
        s.put("db-scheduler.scheduler-name", name);
        s.put("db-scheduler.polling-interval", "1s");
        return s;
    }

    @AfterAll
    void stop() {
        for (RunningApp app : new RunningApp[] {nodeA, nodeB}) {
            if (app != null && app.context().isActive()) {
                TestInfrastructure.deleteRedisKeys(app.context().getBean(StringRedisTemplate.class), namespace,
                        cachePrefix);
                app.close();
            }
        }
        TestInfrastructure.dropSchema(schema);
    }

    @Test
    void nodesShareSessionsJobsAndCacheAndAStoppedNodesScanIsFinishedByTheOther() throws Exception {
        nodeA = RunningApp.start(settings("node-a"));
        String password = nodeA.printedAdminPassword();
        nodeB = RunningApp.start(settings("node-b"));

        // log in on A, continue on B with the same cookie
        CookieManager cookies = new CookieManager();
        ApiClient onA = new ApiClient(nodeA.baseUrl(), cookies).login("admin", password);
        ApiClient onB = onA.on(nodeB.baseUrl());
        HttpResponse<String> list = onB.get("/api/scans");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);

        // a scan submitted on A is run by a node; B serves its state and events
        long first = id(onA.upload(Map.of("customers.zip", ScanJobApiTest.zip(Map.of("a.txt", ScanJobApiTest.planted())))));
        JsonNode done = onB.awaitEnd(first);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        long findings = done.path("counts").path("total").asLong();
        assertThat(findings).isGreaterThanOrEqualTo(3);
        assertThat(onB.get("/api/scans/" + first + "/events").body()).contains("event:end");

        // hold every scan at its start on both nodes, submit, and stop the node that claimed it
        CountDownLatch never = new CountDownLatch(1);
        ScanListener hold = new ScanListener() {
            @Override
            public void enumerated(long files, long bytes) {
                try {
                    never.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        runner(nodeA).testHook = hold;
        runner(nodeB).testHook = hold;
        long second = id(onA.upload(Map.of("customers.zip", ScanJobApiTest.zip(Map.of("a.txt", ScanJobApiTest.planted())))));
        onA.awaitStatus(second, "RUNNING");
        JdbcClient jdbc = JdbcClient.create(nodeA.context().getBean(DataSource.class));
        String picker = jdbc.sql("select picked_by from scheduled_tasks where task_name = 'scan-job' and task_instance = :i")
                .param("i", Long.toString(second)).query(String.class).single();
        RunningApp doomed = picker.equals("node-a") ? nodeA : nodeB;
        RunningApp survivor = doomed == nodeA ? nodeB : nodeA;
        runner(survivor).testHook = ScanListener.NONE;
        doomed.close();

        ApiClient onSurvivor = onA.on(survivor.baseUrl());
        JsonNode finished = onSurvivor.awaitEnd(second);
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("COMPLETED");
        JdbcClient survivorJdbc = JdbcClient.create(survivor.context().getBean(DataSource.class));
        assertThat(survivorJdbc.sql("select count(*) from findings where scan_id = :id").param("id", second)
                .query(Long.class).single()).isEqualTo(findings);
        assertThat(survivorJdbc.sql("select attempts from scan_jobs where scan_id = :id").param("id", second)
                .query(Integer.class).single()).isEqualTo(2);
        never.countDown();
        never.countDown();

        // evict on one node and see the other miss: a scan summary cached on the survivor changes when the
        // stopped node's replacement writes; here the restarted node A (or B) is replaced by a fresh start
        RunningApp other = RunningApp.start(settings(doomed == nodeA ? "node-a2" : "node-b2"));
        if (doomed == nodeA) {
            nodeA = other;
        } else {
            nodeB = other;
        }
        long orgId = jdbc(survivor).sql("select organisation_id from scans where id = :id").param("id", second)
                .query(Long.class).single();
        ScanRepository onSurvivorRepo = survivor.context().getBean(ScanRepository.class);
        ScanRepository onOtherRepo = other.context().getBean(ScanRepository.class);
        long third = id(onA.on(other.baseUrl()).upload(Map.of("x.txt", "nothing".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(onSurvivorRepo.summary(orgId, third).map(ScanSummary::scan).orElseThrow().status().name())
                .isIn("QUEUED", "RUNNING", "COMPLETED");
        onOtherRepo.cancel(orgId, third); // may already be COMPLETED: then nothing changes
        String finalStatus = jdbc(other).sql("select status from scans where id = :id").param("id", third)
                .query(String.class).single();
        assertThat(onSurvivorRepo.summary(orgId, third).map(ScanSummary::scan).orElseThrow().status().name())
                .isEqualTo(finalStatus);
    }

    private static JdbcClient jdbc(RunningApp app) {
        return JdbcClient.create(app.context().getBean(DataSource.class));
    }

    private static ScanJobRunner runner(RunningApp app) {
        return app.context().getBean(ScanJobRunner.class);
    }

    private static long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ApiClient.JSON.readTree(response.body()).path("id").asLong();
    }
}
