package io.dataguardian.app.ui;

import static io.dataguardian.app.PlantedData.BSN;
import static io.dataguardian.app.PlantedData.EMAIL;
import static io.dataguardian.app.PlantedData.IBAN;
import static io.dataguardian.app.PlantedData.planted;
import static io.dataguardian.app.PlantedData.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pages on the embedded default through real HTTP: each page renders for the roles that may see it, a viewer
 * gets the 403 page on admin pages, a scan's page shows masked values only, Dutch follows Accept-Language and then
 * ?lang=, errors are pages without a stack trace, and an upload over the limit gets the 413 page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiPagesTest {

    private RunningApp app;
    private String adminPassword;

    @BeforeAll
    void start() {
        app = TeamApp.start(Map.of("dataguardian.scan.min-headroom", "0", "dataguardian.scan.max-upload-size", "1MB"));
        adminPassword = app.printedAdminPassword();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private PageClient as(String user, String password) {
        return new PageClient(app.baseUrl(), null).login(user, password);
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
        PageClient viewer = as("vera", TeamApp.VIEWER_PASSWORD);
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
        PageClient analyst = as("anna", TeamApp.ANALYST_PASSWORD);
        for (String page : new String[] {"/scans/999999", "/no-such-page"}) {
            HttpResponse<String> r = analyst.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(404);
            assertThat(r.body()).as(page).contains("Not found").doesNotContain("Exception", "at io.");
        }
    }

    @Test
    void anUploadedScanShowsMaskedFindingsOnlyAndReportLinks() throws Exception {
        PageClient analyst = as("anna", TeamApp.ANALYST_PASSWORD);
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
                "id=\"report-csv\"", "id=\"report-pdf\"");
        assertThat(page).contains("Dutch citizen service number (BSN)", "IBAN", "EMAIL");
        assertThat(page).doesNotContain(BSN, IBAN, EMAIL);
        // the finished page keeps the final totals (not "0 / 0")
        assertThat(page).contains("id=\"progress-files\">1 / 1<");
        // monitor: bytes of completed scans for the dashboard, repository and report calls profiled
        io.micrometer.core.instrument.MeterRegistry meters = app.context().getBean(io.micrometer.core.instrument.MeterRegistry.class);
        assertThat(meters.find("dataguardian.scan.bytes").counter()).isNotNull();
        assertThat(meters.find("dataguardian.scan.bytes").counter().count()).isGreaterThan(0);
        assertThat(meters.find("dataguardian.operation").tags("family", "repository", "operation", "scans").timers()).isNotEmpty();
        String scanId = path.substring("/scans/".length()).replaceAll("[^0-9].*$", "");
        assertThat(analyst.get("/api/scans/" + scanId + "/report.html").statusCode()).isEqualTo(200);
        assertThat(meters.find("dataguardian.operation").tags("family", "report", "operation", "html").timers()).isNotEmpty();
        // filters narrow the table
        String high = analyst.get(path + "?severity=LOW").body();
        assertThat(high).contains("data-entity=\"EMAIL\"").doesNotContain("data-entity=\"BSN\"");
        // the scans list shows it
        assertThat(analyst.get("/scans?status=COMPLETED").body()).contains("customers.zip");
        // Dutch: detector names and severities
        String dutch = new PageClient(app.baseUrl(), "nl-NL,nl;q=0.9").login("anna", TeamApp.ANALYST_PASSWORD).get(path).body();
        assertThat(dutch).contains("lang=\"nl\"", "Burgerservicenummer (BSN)", "Bevindingen", "Uitloggen")
                .doesNotContain(BSN, IBAN, EMAIL);
        reportsFollowTheLanguage(scanId);
    }

    /** Reports in the request's language: Accept-Language first, then the user's choice (?lang= cookie). */
    private void reportsFollowTheLanguage(String scanId) throws IOException {
        String reports = "/api/scans/" + scanId + "/report.";
        PageClient dutch = new PageClient(app.baseUrl(), "nl-NL,nl;q=0.9").login("anna", TeamApp.ANALYST_PASSWORD);
        HttpResponse<String> html = dutch.get(reports + "html");
        assertThat(html.headers().firstValue("Content-Language")).hasValue("nl");
        assertThat(html.body()).contains("<html lang=\"nl\">", "Bevindingen per ernst", "<th>Ernst</th>",
                "Burgerservicenummer (BSN)", "Negen cijfers").doesNotContain("Findings by severity", BSN, IBAN, EMAIL);
        assertThat(dutch.get(reports + "csv").body()).startsWith("ernst,detector_id,soort,pad,")
                .contains("Burgerservicenummer (BSN)").doesNotContain(BSN, IBAN, EMAIL);
        byte[] pdf = dutch.getBytes(reports + "pdf").body();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("DataGuardian Pro-rapport van de privacyscan", "Compliancescore:", "Waarde (gemaskeerd)",
                            "Burgerservicenummer (BSN)").doesNotContain("Compliance score:", BSN, IBAN);
        }
        // SARIF is the same in every language
        assertThat(dutch.get(reports + "sarif").body()).contains("Dutch citizen service number (BSN)");
        // the user's choice beats the browser's language
        dutch.get("/scans?lang=en");
        HttpResponse<String> english = dutch.get(reports + "html");
        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(english.body()).contains("<html lang=\"en\">", "Findings by severity", "Dutch citizen service number (BSN)")
                .doesNotContain("Bevindingen");
    }

    @Test
    void dutchFromTheBrowserThenTheUsersChoice() {
        PageClient dutch = new PageClient(app.baseUrl(), "nl").login("anna", TeamApp.ANALYST_PASSWORD);
        assertThat(dutch.get("/scans").body()).contains("lang=\"nl\"", "Filteren", "Uitloggen").doesNotContain("Sign out");
        PageClient english = new PageClient(app.baseUrl(), "nl").login("admin", adminPassword);
        assertThat(english.get("/scans?lang=en").body()).contains("Sign out");
        assertThat(english.get("/scans").body()).as("the choice is kept in a cookie").contains("Sign out");
        assertThat(english.get("/scans?lang=xx").body()).contains("Sign out");
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() {
        PageClient analyst = as("anna", TeamApp.ANALYST_PASSWORD);
        HttpResponse<String> r = analyst.upload("/scans/new", "/scans/new/upload", "big.txt", new byte[1_300_000]);
        // UploadLimitFilter parses the body before Spring Security reads the CSRF field: the product's page
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("Upload too large", "id=\"upload-limit\"", "1 MB", "DataGuardian Pro")
                .doesNotContain("Exception", "at org.", "Apache Tomcat");
        HttpResponse<String> dutch = new PageClient(app.baseUrl(), "nl").login("anna", TeamApp.ANALYST_PASSWORD)
                .upload("/scans/new", "/scans/new/upload", "big.txt", new byte[1_300_000]);
        assertThat(dutch.statusCode()).isEqualTo(413);
        assertThat(dutch.body()).contains("Upload te groot", "De limiet is 1 MB");
        // within the limit the body parsed by the filter still carries the CSRF field to Spring Security
        HttpResponse<String> small = analyst.upload("/scans/new", "/scans/new/upload", "small.txt", new byte[10]);
        assertThat(small.statusCode()).isEqualTo(302);
    }

    @Test
    void theDatabaseFormNeverEchoesThePassword() {
        PageClient analyst = as("anna", TeamApp.ANALYST_PASSWORD);
        HttpResponse<String> r = analyst.postForm("/scans/new", "/scans/new/database",
                Map.of("url", "not-a-jdbc-url", "dbUser", "reader", "password", "S3cret-Pa55word!", "mode", "smart"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"form-error\"", "value=\"reader\"").doesNotContain("S3cret-Pa55word!");
    }

    private static final java.util.regex.Pattern USER_ROW =
            java.util.regex.Pattern.compile("data-user=\"(\\d+)\" data-username=\"([^\"]+)\"");
    private static final java.util.regex.Pattern SESSION_ROW = java.util.regex.Pattern.compile("data-session=\"([0-9a-f]+)\"");

    private static String userId(String page, String username) {
        java.util.regex.Matcher m = USER_ROW.matcher(page);
        while (m.find()) {
            if (m.group(2).equals(username)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no row for " + username);
    }

    private static java.util.List<String> sessionIds(String page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = SESSION_ROW.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void anAdministratorManagesUsersOnThePage() {
        PageClient admin = as("admin", adminPassword);
        assertThat(admin.get("/admin/users").body()).contains("id=\"create-user\"", "name=\"_csrf\"", "anna", "vera");
        // validation errors are shown on the page, the password never echoed
        HttpResponse<String> tooShort = admin.postForm("/admin/users", "/admin/users",
                Map.of("username", "theo", "password", "short-pw", "role", "ANALYST"));
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body()).contains("id=\"form-error\"", "12 to 200 characters", "value=\"theo\"")
                .doesNotContain("short-pw");
        HttpResponse<String> badName = admin.postForm("/admin/users", "/admin/users",
                Map.of("username", "t h e o", "password", "theo-password-12", "role", "ANALYST"));
        assertThat(badName.body()).contains("id=\"form-error\"", "The user name must be");
        // created, listed, audited by the service
        HttpResponse<String> created = admin.postForm("/admin/users", "/admin/users",
                Map.of("username", "theo", "password", "theo-password-12", "role", "ANALYST"));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = admin.get("/admin/users").body();
        assertThat(page).contains("User theo was created.");
        String theo = userId(page, "theo");
        assertThat(admin.postForm("/admin/users", "/admin/users",
                Map.of("username", "theo", "password", "theo-password-12", "role", "VIEWER")).body())
                .contains("That user name is already taken.");
        // change role, disable, enable
        assertThat(admin.postForm("/admin/users", "/admin/users/" + theo + "/role", Map.of("role", "VIEWER")).statusCode())
                .isEqualTo(302);
        assertThat(admin.postForm("/admin/users", "/admin/users/" + theo + "/enabled", Map.of("enabled", "false"))
                .statusCode()).isEqualTo(302);
        assertThat(admin.postForm("/admin/users", "/admin/users/" + theo + "/enabled", Map.of("enabled", "true"))
                .statusCode()).isEqualTo(302);
        assertThat(as("theo", "theo-password-12").get("/").body()).contains("VIEWER");
        String audit = admin.get("/admin/audit").body();
        assertThat(audit).contains("user.created", "user.changed");
        // the last administrator cannot demote themselves: an error on the page, nothing changed
        String adminId = userId(admin.get("/admin/users").body(), "admin");
        HttpResponse<String> demote = admin.postForm("/admin/users", "/admin/users/" + adminId + "/role", Map.of("role", "VIEWER"));
        assertThat(demote.statusCode()).isEqualTo(200);
        assertThat(demote.body()).contains("id=\"row-error\"", "at least one enabled administrator");
        // another organisation's user is not found
        AccountRepository accounts = app.context().getBean(AccountRepository.class);
        long otherOrg = accounts.createOrganisation("Other UI B.V.");
        long outsider = accounts.createUser("outsider-ui", "x");
        accounts.addMembership(outsider, otherOrg, Role.VIEWER);
        for (String action : new String[] {"/role", "/enabled"}) {
            HttpResponse<String> r = admin.postForm("/admin/users", "/admin/users/" + outsider + action,
                    Map.of("role", "ADMIN", "enabled", "false"));
            assertThat(r.statusCode()).as(action).isEqualTo(404);
            assertThat(r.body()).as(action).contains("Not found").doesNotContain("Exception");
        }
        assertThat(admin.get("/admin/users").body()).doesNotContain("outsider-ui");
        // Dutch
        String dutch = new PageClient(app.baseUrl(), "nl").login("admin", adminPassword).get("/admin/users").body();
        assertThat(dutch).contains("Gebruiker aanmaken", "Rol instellen", "Mijn sessies");
    }

    @Test
    void sessionsAreListedByOpaqueIdAndCanBeSignedOut() {
        PageClient anna1 = as("anna", TeamApp.ANALYST_PASSWORD);
        PageClient anna2 = as("anna", TeamApp.ANALYST_PASSWORD);
        // every user reaches "my sessions" from the page chrome
        assertThat(anna1.get("/scans").body()).contains("href=\"/account/sessions\"");
        String mine = anna1.get("/account/sessions").body();
        assertThat(mine).contains("id=\"sessions\"", "this session", "My sessions");
        java.util.List<String> annaIds = sessionIds(mine);
        assertThat(annaIds).hasSizeGreaterThanOrEqualTo(2);
        for (String cookie : anna1.cookieValues()) {
            assertThat(mine).doesNotContain(cookie);
        }
        // anna signs out her other session: anna2 is signed out, anna1 is not
        String currentOfAnna2 = currentSession(anna2.get("/account/sessions").body());
        assertThat(annaIds).contains(currentOfAnna2);
        assertThat(anna1.press("/account/sessions", "/account/sessions/" + currentOfAnna2 + "/revoke").statusCode())
                .isEqualTo(302);
        assertThat(anna2.get("/scans").statusCode()).isEqualTo(302);
        assertThat(anna1.get("/scans").statusCode()).isEqualTo(200);
        assertThat(anna1.get("/account/sessions").body()).doesNotContain("data-session=\"" + currentOfAnna2 + "\"");
        // the organisation's sessions for the administrator; revoke anna1's
        PageClient admin = as("admin", adminPassword);
        String org = admin.get("/admin/sessions").body();
        String currentOfAnna1 = currentSession(anna1.get("/account/sessions").body());
        assertThat(org).contains("id=\"sessions\"", "anna", "admin", "data-session=\"" + currentOfAnna1 + "\"");
        for (String cookie : admin.cookieValues()) {
            assertThat(org).doesNotContain(cookie);
        }
        for (String cookie : anna1.cookieValues()) {
            assertThat(org).doesNotContain(cookie);
        }
        assertThat(admin.press("/admin/sessions", "/admin/sessions/" + currentOfAnna1 + "/revoke").statusCode())
                .isEqualTo(302);
        assertThat(anna1.get("/scans").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/sessions").body()).contains("The session was signed out.")
                .doesNotContain("data-session=\"" + currentOfAnna1 + "\"");
        HttpResponse<String> unknown = admin.press("/admin/sessions", "/admin/sessions/0123456789abcdef/revoke");
        assertThat(unknown.statusCode()).isEqualTo(404);
        // a user cannot end someone else's session through "my sessions"
        PageClient vera = as("vera", TeamApp.VIEWER_PASSWORD);
        String adminCurrent = currentSession(admin.get("/account/sessions").body());
        assertThat(vera.press("/account/sessions", "/account/sessions/" + adminCurrent + "/revoke").statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/scans").statusCode()).isEqualTo(200);
        assertThat(new PageClient(app.baseUrl(), "nl").login("vera", TeamApp.VIEWER_PASSWORD).get("/account/sessions").body())
                .contains("Mijn sessies", "deze sessie");
    }

    private static String currentSession(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<tr data-session=\"([0-9a-f]+)\">(?:(?!</tr>).)*class=\"current\"", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        if (!m.find()) {
            throw new AssertionError("no current session on the page");
        }
        return m.group(1);
    }
}
