package io.dataguardian.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.engine.scan.ScanListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

    static final String BSN = "111222333";
    static final String IBAN = "NL91ABNA0417164300";
    static final String EMAIL = "jan.jansen@example.nl";

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

    static String planted() {
        return "Klant: Jan Jansen\nBSN: " + BSN + "\nIBAN: " + IBAN + "\nE-mail: " + EMAIL + "\n";
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
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

    private long countFindings(long scanId) {
        return jdbc.sql("select count(*) from findings where scan_id = :id").param("id", scanId).query(Long.class).single();
    }
}
