package io.dataguardian.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;

/**
 * The pages on the embedded default through real HTTP: each page renders for the roles that may see it, a viewer
 * gets the 403 page on admin pages, a scan's page shows masked values only, Dutch follows Accept-Language and then
 * ?lang=, errors are pages without a stack trace, and an upload over the limit gets the 413 page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiPagesTest {

    static final String BSN = "111222333";
    static final String IBAN = "NL91ABNA0417164300";
    static final String EMAIL = "jan.jansen@example.nl";

    private RunningApp app;
    private Path dataDir;
    private String adminPassword;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("dataguardian-ui");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataguardian.data-dir", dataDir.toString());
        settings.put("dataguardian.scan.min-headroom", "0");
        settings.put("dataguardian.scan.max-upload-size", "1MB");
        app = RunningApp.start(settings);
        adminPassword = app.printedAdminPassword();
        AccountRepository accounts = app.context().getBean(AccountRepository.class);
        PasswordEncoder encoder = app.context().getBean(PasswordEncoder.class);
        long org = accounts.memberships(accounts.findUser("admin").orElseThrow().id()).get(0).organisationId();
        accounts.addMembership(accounts.createUser("vera", encoder.encode("vera-password-12")), org, Role.VIEWER);
        accounts.addMembership(accounts.createUser("anna", encoder.encode("anna-password-12")), org, Role.ANALYST);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    private PageClient as(String user, String password) {
        return new PageClient(app.baseUrl(), null).login(user, password);
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

    static String planted() {
        return "Klant: Jan Jansen\nBSN: " + BSN + "\nIBAN: " + IBAN + "\nE-mail: " + EMAIL + "\n";
    }

    @Test
    void everyPageRendersForAnAdministrator() {
        PageClient admin = as("admin", adminPassword);
        for (String page : new String[] {"/", "/scans", "/scans/new", "/admin/audit", "/admin/performance",
                "/admin/users", "/admin/sessions"}) {
            HttpResponse<String> r = admin.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("id=\"current-user\"").doesNotContain("Exception");
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).as(page).contains("no-store");
        }
        for (String tab : new String[] {"operations", "queries", "bottlenecks", "recommendations", "alerts", "tuning"}) {
            assertThat(admin.get("/admin/performance/tab/" + tab).statusCode()).as(tab).isEqualTo(200);
        }
        assertThat(admin.get("/admin/performance/tab/tuning").body()).contains("PostgreSQL");
        assertThat(admin.get("/webjars/uplot/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
        assertThat(admin.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerSeesScansButGets403PagesForAdministration() {
        PageClient viewer = as("vera", "vera-password-12");
        assertThat(viewer.get("/").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/scans").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/scans/new").body()).contains("Viewers may read scans but not start them.")
                .doesNotContain("id=\"upload-form\"");
        for (String page : new String[] {"/admin/audit", "/admin/performance", "/admin/users", "/admin/sessions"}) {
            HttpResponse<String> r = viewer.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(403);
            assertThat(r.body()).as(page).contains("Not allowed").doesNotContain("at io.dataguardian", "Exception");
        }
        assertThat(viewer.get("/").body()).doesNotContain("/admin/performance");
    }

    @Test
    void unknownPagesAndScansAre404PagesWithoutAStackTrace() {
        PageClient analyst = as("anna", "anna-password-12");
        for (String page : new String[] {"/scans/999999", "/no-such-page"}) {
            HttpResponse<String> r = analyst.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(404);
            assertThat(r.body()).as(page).contains("Not found").doesNotContain("Exception", "at io.");
        }
    }

    @Test
    void anUploadedScanShowsMaskedFindingsOnlyAndReportLinks() throws Exception {
        PageClient analyst = as("anna", "anna-password-12");
        HttpResponse<String> submitted = analyst.upload("/scans/new", "/scans/new/upload", "customers.zip",
                zip(Map.of("data/customers.txt", planted())));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/scans/"));
        String page = "";
        for (int i = 0; i < 240 && !page.contains("id=\"findings\""); i++) {
            Thread.sleep(500);
            page = analyst.get(path).body();
        }
        assertThat(page).contains("id=\"findings\"", "id=\"report-html\"", "id=\"report-sarif\"", "id=\"report-json\"",
                "id=\"report-csv\"");
        assertThat(page).contains("Dutch citizen service number (BSN)", "IBAN", "EMAIL");
        assertThat(page).doesNotContain(BSN, IBAN, EMAIL);
        assertThat(page).doesNotContain("report-pdf");
        // filters narrow the table
        String high = analyst.get(path + "?severity=LOW").body();
        assertThat(high).contains("data-entity=\"EMAIL\"").doesNotContain("data-entity=\"BSN\"");
        // the scans list shows it
        assertThat(analyst.get("/scans?status=COMPLETED").body()).contains("customers.zip");
        // Dutch: detector names and severities
        String dutch = new PageClient(app.baseUrl(), "nl-NL,nl;q=0.9").login("anna", "anna-password-12").get(path).body();
        assertThat(dutch).contains("lang=\"nl\"", "Burgerservicenummer (BSN)", "Bevindingen", "Uitloggen")
                .doesNotContain(BSN, IBAN, EMAIL);
    }

    @Test
    void dutchFromTheBrowserThenTheUsersChoice() {
        PageClient dutch = new PageClient(app.baseUrl(), "nl").login("anna", "anna-password-12");
        assertThat(dutch.get("/scans").body()).contains("lang=\"nl\"", "Filteren", "Uitloggen").doesNotContain("Sign out");
        PageClient english = new PageClient(app.baseUrl(), "nl").login("admin", adminPassword);
        assertThat(english.get("/scans?lang=en").body()).contains("Sign out");
        assertThat(english.get("/scans").body()).as("the choice is kept in a cookie").contains("Sign out");
        assertThat(english.get("/scans?lang=xx").body()).contains("Sign out");
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() {
        PageClient analyst = as("anna", "anna-password-12");
        HttpResponse<String> r = analyst.upload("/scans/new", "/scans/new/upload", "big.txt", new byte[1_300_000]);
        // Tomcat refuses the body while Spring Security reads the CSRF field, before Spring MVC: the body is
        // Tomcat's short 413 page, not error/413.html yet (docs/ui.md, "known gaps")
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void theDatabaseFormNeverEchoesThePassword() {
        PageClient analyst = as("anna", "anna-password-12");
        HttpResponse<String> r = analyst.postForm("/scans/new", "/scans/new/database",
                Map.of("url", "not-a-jdbc-url", "dbUser", "reader", "password", "S3cret-Pa55word!", "mode", "smart"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"form-error\"", "value=\"reader\"").doesNotContain("S3cret-Pa55word!");
    }
}
