package io.dataguardian.app.job;

import static io.dataguardian.app.PlantedData.BSN;
import static io.dataguardian.app.PlantedData.EMAIL;
import static io.dataguardian.app.PlantedData.IBAN;
import static io.dataguardian.app.PlantedData.planted;
import static io.dataguardian.app.PlantedData.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanSchedules;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.engine.scan.ScanListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The scan API and scan jobs end to end on the embedded default (H2), through real HTTP with a session cookie:
 * an uploaded zip with planted personal data runs to COMPLETED on the node's db-scheduler, its findings, errors,
 * reports and events are served, other organisations get 404 for every resource, roles and limits answer 403,
 * 413 and 429, a cancelled scan keeps nothing, and a job run twice stores each finding once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanJobApiTest {

    private RunningApp app;
    private Path dataDir;
    private Path allowedRoot;
    private String adminPassword;
    private JdbcClient jdbc;
    private long adminOrg;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("dataguardian-jobs");
        allowedRoot = Files.createTempDirectory("dataguardian-jobs-root");
        Files.writeString(allowedRoot.resolve("customers.txt"), planted());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataguardian.data-dir", dataDir.toString());
        settings.put("dataguardian.scan.min-headroom", "0");          // a loaded test machine must still run jobs
        settings.put("dataguardian.scan.max-queued-per-user", "3");
        settings.put("dataguardian.scan.max-upload-size", "1MB");
        settings.put("dataguardian.scan.allowed-roots", allowedRoot.toString());
        settings.put("dataguardian.scan.secret", "test-installation-secret-0123456789");
        app = RunningApp.start(settings);
        adminPassword = app.printedAdminPassword();
        jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
        AccountRepository accounts = app.context().getBean(AccountRepository.class);
        PasswordEncoder encoder = app.context().getBean(PasswordEncoder.class);
        adminOrg = accounts.memberships(accounts.findUser("admin").orElseThrow().id()).get(0).organisationId();
        accounts.addMembership(accounts.createUser("anna", encoder.encode("anna-password-1")), adminOrg, Role.ANALYST);
        accounts.addMembership(accounts.createUser("vera", encoder.encode("vera-password-1")), adminOrg, Role.VIEWER);
        accounts.addMembership(accounts.createUser("carl", encoder.encode("carl-password-1")), adminOrg, Role.ANALYST);
        long other = accounts.createOrganisation("Other B.V.");
        accounts.addMembership(accounts.createUser("bob", encoder.encode("bob-password-1")), other, Role.ADMIN);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
        FileSystemUtils.deleteRecursively(allowedRoot.toFile());
    }

    private ApiClient as(String user, String password) {
        return new ApiClient(app.baseUrl()).login(user, password);
    }

    private long submitZip(ApiClient client) throws IOException {
        HttpResponse<String> r = client.upload(Map.of("customers.zip",
                zip(Map.of("data/customers.txt", planted(), "readme.md", "nothing here"))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode scan = ApiClient.JSON.readTree(r.body());
        assertThat(scan.path("type").asString()).isEqualTo("ARCHIVE");
        return scan.path("id").asLong();
    }

    @Test
    void uploadedZipRunsToCompletedWithThePlantedFindings() throws IOException {
        ApiClient anna = as("anna", "anna-password-1");
        long id = submitZip(anna);

        JsonNode done = anna.awaitEnd(id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("counts").path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(done.path("progress").path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("riskScore").isNumber()).isTrue();

        JsonNode page = anna.getJson("/api/scans/" + id + "/findings?limit=500");
        List<String> types = new ArrayList<>();
        page.path("items").forEach(f -> types.add(f.path("entityType").asString()));
        assertThat(types).anyMatch(t -> t.contains("BSN")).anyMatch(t -> t.contains("IBAN"))
                .anyMatch(t -> t.contains("EMAIL"));
        assertThat(page.toString()).doesNotContain(BSN, IBAN, EMAIL);
        assertThat(anna.getJson("/api/scans/" + id + "/findings?severity=CRITICAL,HIGH,MEDIUM,LOW&path=customers.zip")
                .path("items").size()).isEqualTo(page.path("items").size());
        assertThat(anna.getJson("/api/scans/" + id + "/errors").path("items").isArray()).isTrue();

        for (String format : List.of("json", "sarif", "csv", "html")) {
            HttpResponse<String> report = anna.get("/api/scans/" + id + "/report." + format);
            assertThat(report.statusCode()).as(format).isEqualTo(200);
            assertThat(report.body()).as(format).contains("customers").doesNotContain(BSN, IBAN, EMAIL);
        }
        HttpResponse<String> pdf = anna.get("/api/scans/" + id + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        HttpResponse<String> events = anna.get("/api/scans/" + id + "/events");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("event:progress").contains("event:end").contains("COMPLETED");

        // the upload is gone once the scan ended; the audit log has the story
        assertThat(jdbc.sql("select count(*) from scan_uploads where scan_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select action from audit_log where target = :t order by id").param("t", "scan:" + id)
                .query(String.class).list()).contains("scan.created", "scan.started", "report.downloaded");

        // the same target again: the comparison finds everything unchanged
        long again = submitZip(anna);
        assertThat(anna.awaitEnd(again).path("status").asString()).isEqualTo("COMPLETED");
        JsonNode compare = anna.getJson("/api/scans/" + again + "/compare");
        assertThat(compare.path("previousScanId").asLong()).isEqualTo(id);
        assertThat(compare.path("newCount").asLong()).isZero();
        assertThat(compare.path("fixedCount").asLong()).isZero();
        assertThat(compare.path("unchangedCount").asLong()).isGreaterThanOrEqualTo(3);

        // list with filters and keyset pages
        JsonNode first = anna.getJson("/api/scans?type=ARCHIVE&status=COMPLETED&limit=1");
        assertThat(first.path("items").size()).isEqualTo(1);
        assertThat(first.path("next").isNull()).isFalse();
        JsonNode second = anna.getJson("/api/scans?type=ARCHIVE&status=COMPLETED&limit=1&after=" + first.path("next").asString());
        assertThat(second.path("items").get(0).path("id").asLong())
                .isLessThan(first.path("items").get(0).path("id").asLong());
    }

    @Test
    void anotherOrganisationGets404ForEveryResource() throws IOException {
        long id = submitZip(as("anna", "anna-password-1"));
        as("anna", "anna-password-1").awaitEnd(id);
        ApiClient bob = as("bob", "bob-password-1");
        for (String path : List.of("", "/findings", "/errors", "/report.json", "/report.sarif", "/events", "/compare")) {
            HttpResponse<String> r = bob.get("/api/scans/" + id + path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("\"message\"").doesNotContain("customers");
        }
        assertThat(bob.post("/api/scans/" + id + "/cancel").statusCode()).isEqualTo(404);
        assertThat(bob.getJson("/api/scans").path("items").toString()).doesNotContain("customers");
    }

    @Test
    void rolesPathsAndBadRequestsAreRefusedWithJson() throws IOException {
        ApiClient vera = as("vera", "vera-password-1");
        assertThat(vera.upload(Map.of("a.txt", "x".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(403);
        assertThat(vera.getJson("/api/scans").path("items").isArray()).isTrue(); // reading is fine

        ApiClient anna = as("anna", "anna-password-1");
        HttpResponse<String> path = anna.postJson("/api/scans", Map.of("type", "PATH", "path", allowedRoot.toString()));
        assertThat(path.statusCode()).isEqualTo(403);
        assertThat(path.body()).contains("administrator");
        assertThat(anna.postJson("/api/scans", Map.of("type", "FTP")).statusCode()).isEqualTo(400);
        assertThat(anna.postJson("/api/scans", Map.of("type", "DATABASE", "url", "jdbc:postgresql://db/x?password=s3cret"))
                .body()).contains("password field").doesNotContain("s3cret");
        assertThat(anna.get("/api/scans?status=SLEEPING").statusCode()).isEqualTo(400);
        assertThat(anna.get("/api/scans/1/findings?severity=HUGE").statusCode()).isIn(400, 404);
        assertThat(anna.get("/api/scans/999999").statusCode()).isEqualTo(404);

        HttpResponse<String> big = anna.upload(Map.of("big.txt", new byte[2 * 1024 * 1024]));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("max-upload-size");

        ApiClient admin = as("admin", adminPassword);
        assertThat(admin.postJson("/api/scans", Map.of("type", "PATH", "path", "/etc")).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = admin.postJson("/api/scans", Map.of("type", "PATH", "path", allowedRoot.toString()));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        long id = ApiClient.JSON.readTree(ok.body()).path("id").asLong();
        assertThat(admin.awaitEnd(id).path("counts").path("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFullQueueAnswers429AndACancelledScanKeepsNothing() throws Exception {
        ScanJobRunner runner = app.context().getBean(ScanJobRunner.class);
        CountDownLatch release = new CountDownLatch(1);
        runner.testHook = new ScanListener() {
            @Override
            public void enumerated(long files, long bytes) {
                try {
                    release.await(120, TimeUnit.SECONDS); // hold every scan right after it started
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            ApiClient carl = as("carl", "carl-password-1");
            long first = submitZip(carl);
            long second = submitZip(carl);
            long third = submitZip(carl);
            HttpResponse<String> full = carl.upload(Map.of("more.txt", planted().getBytes(StandardCharsets.UTF_8)));
            assertThat(full.statusCode()).isEqualTo(429);
            assertThat(full.headers().firstValue("Retry-After")).contains("30");
            assertThat(full.body()).contains("limit 3");

            carl.awaitStatus(first, "RUNNING");
            JsonNode cancelled = ApiClient.JSON.readTree(carl.post("/api/scans/" + first + "/cancel").body());
            assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
            assertThat(carl.post("/api/scans/" + first + "/cancel").statusCode()).isEqualTo(409);
            release.countDown();
            for (long id : List.of(second, third)) {
                assertThat(carl.awaitEnd(id).path("status").asString()).isEqualTo("COMPLETED");
            }
            assertThat(carl.awaitEnd(first).path("status").asString()).isEqualTo("CANCELLED");
            // the runner of the cancelled scan stops and stores nothing, and its upload is deleted
            long until = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < until && jdbc.sql("select count(*) from scan_uploads where scan_id = :id")
                    .param("id", first).query(Long.class).single() > 0) {
                ApiClient.sleep(100);
            }
            assertThat(jdbc.sql("select count(*) from scan_uploads where scan_id = :id").param("id", first)
                    .query(Long.class).single()).isZero();
            assertThat(carl.getJson("/api/scans/" + first + "/findings").path("items").size()).isZero();
            assertThat(carl.get("/api/scans/" + first + "/report.json").statusCode()).isEqualTo(409);
        } finally {
            release.countDown();
            runner.testHook = ScanListener.NONE;
        }
    }

    @Test
    void aJobRunTwiceStoresEachFindingOnce() throws IOException {
        ScanRepository scans = app.context().getBean(ScanRepository.class);
        ScanJobStore jobs = app.context().getBean(ScanJobStore.class);
        UploadStore uploads = app.context().getBean(UploadStore.class);
        ScanJobRunner runner = app.context().getBean(ScanJobRunner.class);
        long owner = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
        // a job created directly, without handing it to the scheduler, so only this test runs it
        Scan scan = scans.create(adminOrg, owner, ScanType.ARCHIVE, "upload:restart.zip");
        jobs.insert(new ScanJob(scan.id(), adminOrg, owner, ScanJob.Source.UPLOAD, null, null, null, null, null, 0));
        byte[] zip = zip(Map.of("restart.txt", planted()));
        uploads.store(scan.id(), 0, "restart.zip", new ByteArrayInputStream(zip));

        assertThat(runner.run(scan.id())).isEqualTo(ScanJobRunner.Outcome.DONE);
        long findings = countFindings(scan.id());
        assertThat(findings).isGreaterThanOrEqualTo(3);

        // as if the node died after storing: the row is RUNNING again and db-scheduler revives the execution
        jdbc.sql("update scans set status = 'RUNNING', finished_at = null where id = :id").param("id", scan.id()).update();
        uploads.store(scan.id(), 0, "restart.zip", new ByteArrayInputStream(zip));
        assertThat(runner.run(scan.id())).isEqualTo(ScanJobRunner.Outcome.DONE);
        assertThat(countFindings(scan.id())).isEqualTo(findings);
        assertThat(scans.findById(adminOrg, scan.id()).orElseThrow().status().name()).isEqualTo("COMPLETED");
        assertThat(jobs.find(scan.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    /** A scan with its upload created directly, not handed to the scheduler, so only the test runs it. */
    private long directUploadJob(String name) throws IOException {
        ScanRepository scans = app.context().getBean(ScanRepository.class);
        long owner = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
        Scan scan = scans.create(adminOrg, owner, ScanType.ARCHIVE, "upload:" + name);
        app.context().getBean(ScanJobStore.class)
                .insert(new ScanJob(scan.id(), adminOrg, owner, ScanJob.Source.UPLOAD, null, null, null, null, null, 0));
        app.context().getBean(UploadStore.class)
                .store(scan.id(), 0, name, new ByteArrayInputStream(zip(Map.of("data.txt", planted()))));
        return scan.id();
    }

    @Test
    void aScanOverItsTimeLimitFailsWithThatReason() throws IOException {
        ScanRepository scans = app.context().getBean(ScanRepository.class);
        ScanJobRunner runner = app.context().getBean(ScanJobRunner.class);
        ScanJobProperties properties = app.context().getBean(ScanJobProperties.class);
        String reason = ScanJobRunner.timeLimitMessage(properties.timeLimit());
        assertThat(reason).isEqualTo("the scan exceeded its time limit of 60 minutes");

        // mid-scan: the scan is held after it started, and the clock moves past the limit meanwhile
        long held = directUploadJob("slow.zip");
        runner.testHook = new ScanListener() {
            @Override
            public void enumerated(long files, long bytes) {
                runner.clock = java.time.Clock.offset(java.time.Clock.systemUTC(), properties.timeLimit().plusMinutes(1));
                try {
                    new CountDownLatch(1).await(120, TimeUnit.SECONDS); // until the runner interrupts the scan
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            assertThat(runner.run(held)).isEqualTo(ScanJobRunner.Outcome.DONE);
        } finally {
            runner.testHook = ScanListener.NONE;
            runner.clock = java.time.Clock.systemUTC();
        }
        Scan failed = scans.findById(adminOrg, held).orElseThrow();
        assertThat(failed.status().name()).isEqualTo("FAILED");
        assertThat(failed.errorMessage()).isEqualTo(reason);
        assertThat(countFindings(held)).isZero();
        assertThat(jdbc.sql("select count(*) from scan_uploads where scan_id = :id").param("id", held)
                .query(Long.class).single()).isZero();

        // revived after its node died, but started longer ago than the limit: failed, not scanned again
        long revived = directUploadJob("revived.zip");
        jdbc.sql("update scans set status = 'RUNNING', started_at = :at where id = :id")
                .param("at", io.dataguardian.app.db.Timestamps.toDb(java.time.Instant.now().minus(properties.timeLimit()).minusSeconds(60)))
                .param("id", revived).update();
        assertThat(runner.run(revived)).isEqualTo(ScanJobRunner.Outcome.DONE);
        Scan late = scans.findById(adminOrg, revived).orElseThrow();
        assertThat(late.status().name()).isEqualTo("FAILED");
        assertThat(late.errorMessage()).isEqualTo(reason);
        assertThat(countFindings(revived)).isZero();
    }

    @Test
    void theRetentionPurgeDeletesOldScansAndEvictsTheirCachedEntries() throws IOException {
        ScanRepository scans = app.context().getBean(ScanRepository.class);
        ScanJobRunner runner = app.context().getBean(ScanJobRunner.class);
        ScanRetention retention = app.context().getBean(ScanRetention.class);
        long old = directUploadJob("old.zip");
        long recent = directUploadJob("recent.zip");
        assertThat(runner.run(old)).isEqualTo(ScanJobRunner.Outcome.DONE);
        assertThat(runner.run(recent)).isEqualTo(ScanJobRunner.Outcome.DONE);
        io.dataguardian.app.scan.ScanFilter all = new io.dataguardian.app.scan.ScanFilter(null, null, null, null);

        // read through the cache: the list, the summary and the dashboard now hold the old scan
        assertThat(scans.list(adminOrg, all, null, 500).items()).extracting(Scan::id).contains(old, recent);
        assertThat(scans.summary(adminOrg, old)).isPresent();
        long completedBefore = scans.statistics(adminOrg).scansByStatus().get(io.dataguardian.app.scan.ScanStatus.COMPLETED);

        ScanJobProperties properties = app.context().getBean(ScanJobProperties.class);
        jdbc.sql("update scans set finished_at = :at where id = :id")
                .param("at", io.dataguardian.app.db.Timestamps.toDb(java.time.Instant.now().minus(properties.retention()).minusSeconds(3600)))
                .param("id", old).update();
        assertThat(retention.purge()).isEqualTo(1);

        // gone from the database and, at once, from every cached view (no wait for a TTL)
        assertThat(jdbc.sql("select count(*) from scans where id = :id").param("id", old).query(Long.class).single()).isZero();
        assertThat(countFindings(old)).isZero();
        assertThat(scans.list(adminOrg, all, null, 500).items()).extracting(Scan::id).doesNotContain(old).contains(recent);
        assertThat(scans.summary(adminOrg, old)).isEmpty();
        assertThat(scans.statistics(adminOrg).scansByStatus().get(io.dataguardian.app.scan.ScanStatus.COMPLETED))
                .isEqualTo(completedBefore - 1);
        assertThat(retention.purge()).isZero();
    }

    @Test
    void aScheduleSubmitsItsScanWhenDueOnceAndComparesWithItsPreviousRun() throws IOException {
        ApiClient admin = as("admin", adminPassword);
        String root = allowedRoot.toString();
        assertThat(admin.postJson("/api/schedules", Map.of("type", "PATH", "path", root, "cron", "every day"))
                .statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/schedules", Map.of("type", "PATH", "path", root, "cron", "* * * * * *"))
                .body()).contains("a minute apart");
        assertThat(admin.postJson("/api/schedules", Map.of("type", "PATH", "path", root, "cron", "@daily",
                "zone", "Mars/Olympus")).statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/schedules", Map.of("type", "UPLOAD", "cron", "@daily")).statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/schedules", Map.of("type", "PATH", "path", "/etc", "cron", "@daily"))
                .statusCode()).isEqualTo(403);
        ApiClient anna = as("anna", "anna-password-1");
        assertThat(anna.postJson("/api/schedules", Map.of("type", "PATH", "path", root, "cron", "@daily"))
                .statusCode()).isEqualTo(403);
        assertThat(as("vera", "vera-password-1").postJson("/api/schedules", Map.of("type", "DATABASE",
                "url", "jdbc:postgresql://db/x", "cron", "@daily")).statusCode()).isEqualTo(403);

        // a database schedule keeps its password sealed and never shows it
        HttpResponse<String> db = anna.postJson("/api/schedules", Map.of("type", "DATABASE",
                "url", "jdbc:postgresql://db.example/crm", "user", "reader", "password", "sched-s3cret", "cron", "0 30 2 * * SUN"));
        assertThat(db.statusCode()).as(db.body()).isEqualTo(201);
        assertThat(db.body()).doesNotContain("sched-s3cret");
        long dbId = ApiClient.JSON.readTree(db.body()).path("id").asLong();
        assertThat(jdbc.sql("select db_password_enc from scan_schedules where id = :id").param("id", dbId)
                .query(String.class).single()).isNotBlank().doesNotContain("sched-s3cret");

        HttpResponse<String> created = admin.postJson("/api/schedules", Map.of("type", "PATH", "path", root,
                "cron", "0 0 3 * * MON-FRI", "zone", "Europe/Amsterdam"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode schedule = ApiClient.JSON.readTree(created.body());
        long id = schedule.path("id").asLong();
        assertThat(schedule.path("enabled").asBoolean()).isTrue();
        assertThat(java.time.Instant.parse(schedule.path("nextRunAt").asString())).isAfter(java.time.Instant.now());
        assertThat(admin.getJson("/api/schedules").path("items").toString()).contains("\"id\":" + id);

        ApiClient bob = as("bob", "bob-password-1");
        assertThat(bob.get("/api/schedules/" + id).statusCode()).isEqualTo(404);
        assertThat(bob.delete("/api/schedules/" + id).statusCode()).isEqualTo(404);
        assertThat(bob.post("/api/schedules/" + id + "/pause").statusCode()).isEqualTo(404);
        assertThat(bob.getJson("/api/schedules").path("items").size()).isZero();

        // due: one scan is submitted (by this call or the node's own task, whichever comes first), then not again
        ScanSchedules schedules = app.context().getBean(ScanSchedules.class);
        long first = fireNow(schedules, admin, id, null);
        assertThat(admin.awaitEnd(first).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(schedules.fireDue()).isZero();
        JsonNode after = admin.getJson("/api/schedules/" + id);
        assertThat(after.path("lastScanId").asLong()).isEqualTo(first);
        assertThat(java.time.Instant.parse(after.path("nextRunAt").asString())).isAfter(java.time.Instant.now());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'scan.created' and target = :t")
                .param("t", "scan:" + first).query(Long.class).single()).isEqualTo(1);

        // the next run compares with the previous one of the same target
        long second = fireNow(schedules, admin, id, first);
        assertThat(admin.awaitEnd(second).path("status").asString()).isEqualTo("COMPLETED");
        JsonNode compare = admin.getJson("/api/scans/" + second + "/compare");
        assertThat(compare.path("previousScanId").asLong()).isEqualTo(first);
        assertThat(compare.path("newCount").asLong()).isZero();

        // paused: due or not, nothing runs; deleted: gone
        assertThat(ApiClient.JSON.readTree(admin.post("/api/schedules/" + id + "/pause").body())
                .path("enabled").asBoolean()).isFalse();
        makeDue(id);
        schedules.fireDue();
        assertThat(admin.getJson("/api/schedules/" + id).path("lastScanId").asLong()).isEqualTo(second);
        assertThat(admin.delete("/api/schedules/" + id).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/schedules/" + id).statusCode()).isEqualTo(404);
        assertThat(anna.delete("/api/schedules/" + dbId).statusCode()).isEqualTo(204);
    }

    private void makeDue(long scheduleId) {
        jdbc.sql("update scan_schedules set next_run_at = :at where id = :id")
                .param("at", io.dataguardian.app.db.Timestamps.toDb(java.time.Instant.now().minusSeconds(60)))
                .param("id", scheduleId).update();
    }

    /** Makes the schedule due, fires, and returns the scan it submitted (not {@code previous}). */
    private long fireNow(ScanSchedules schedules, ApiClient client, long scheduleId, Long previous) {
        makeDue(scheduleId);
        schedules.fireDue();
        long scan = client.getJson("/api/schedules/" + scheduleId).path("lastScanId").asLong();
        assertThat(scan).isPositive().isNotEqualTo(previous == null ? -1 : previous);
        return scan;
    }

    @Test
    void anUploadInTheSharedDirectoryIsScannedInPlaceAndDeletedAtTheEnd() throws IOException {
        Path shared = Files.createTempDirectory("dataguardian-shared-uploads");
        try {
            var ctx = app.context();
            // this node's beans, but uploads in a shared directory (as dataguardian.scan.upload-dir configures)
            UploadStore uploads = new UploadStore(ctx.getBean(DataSource.class), shared);
            ScanJobRunner runner = new ScanJobRunner(ctx.getBean(ScanRepository.class),
                    ctx.getBean(io.dataguardian.app.finding.FindingRepository.class),
                    ctx.getBean(io.dataguardian.app.scan.FileErrorRepository.class), ctx.getBean(ScanJobStore.class),
                    uploads, ctx.getBean(CredentialCipher.class), ctx.getBean(InstallationSecret.class),
                    ctx.getBean(NodeCapacity.class), ctx.getBean(ScanJobProperties.class),
                    ctx.getBean(io.dataguardian.app.audit.AuditLogRepository.class),
                    ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class), "shared-dir-node");
            ScanRepository scans = ctx.getBean(ScanRepository.class);
            long owner = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
            Scan scan = scans.create(adminOrg, owner, ScanType.FILES, "upload:a.txt, a.txt");
            ctx.getBean(ScanJobStore.class).insert(new ScanJob(scan.id(), adminOrg, owner, ScanJob.Source.UPLOAD,
                    null, null, null, null, null, 0));
            byte[] text = planted().getBytes(StandardCharsets.UTF_8);
            assertThat(uploads.store(scan.id(), 0, "../a.txt", new ByteArrayInputStream(text))).isEqualTo(text.length);
            uploads.store(scan.id(), 1, "a.txt", new ByteArrayInputStream(text)); // same name: kept apart
            Path dir = shared.resolve("scan-" + scan.id());
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "1-a.txt");
            }
            assertThat(uploads.bytes(scan.id())).isEqualTo(2L * text.length);
            assertThat(jdbc.sql("select count(*) from scan_uploads where scan_id = :id").param("id", scan.id())
                    .query(Long.class).single()).isZero();
            assertThat(uploads.open(scan.id())).isEqualTo(new UploadStore.Prepared(dir, false));

            assertThat(runner.run(scan.id())).isEqualTo(ScanJobRunner.Outcome.DONE);
            assertThat(scans.findById(adminOrg, scan.id()).orElseThrow().status().name()).isEqualTo("COMPLETED");
            assertThat(jdbc.sql("select count(distinct path) from findings where scan_id = :id")
                    .param("id", scan.id()).query(Long.class).single()).isEqualTo(2);
            assertThat(dir).doesNotExist();

            // a directory left behind by a scan that has ended is swept; one of a queued scan is kept
            Files.createDirectories(shared.resolve("scan-" + scan.id()));
            long queued = scans.create(adminOrg, owner, ScanType.FILES, "upload:b.txt").id();
            Files.createDirectories(shared.resolve("scan-" + queued));
            assertThat(uploads.sweep(ctx.getBean(ScanJobStore.class)::isActive)).isEqualTo(1);
            assertThat(shared.resolve("scan-" + queued)).isDirectory();
            scans.cancel(adminOrg, queued);
        } finally {
            FileSystemUtils.deleteRecursively(shared.toFile());
        }
    }

    private long countFindings(long scanId) {
        return jdbc.sql("select count(*) from findings where scan_id = :id").param("id", scanId).query(Long.class).single();
    }
}
