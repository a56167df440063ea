package io.dataguardian.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.scan.ScanScheduleRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scheduled-rescans page on the embedded default through real HTTP: linked from the scan list; an analyst adds a
 * database schedule (the password is never shown again), sees it listed, pauses, resumes and deletes it; a bad cron
 * expression is shown on the form; a viewer sees the list without the form and gets the 403 page when posting; a
 * POST without the CSRF token is refused; the page speaks Dutch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulePagesTest {

    private static final String DB_PASSWORD = "Sched-Secret-pw-4711";
    private static final Pattern ROW = Pattern.compile("id=\"schedule-(\\d+)\"");

    private RunningApp app;
    private String adminPassword;

    @BeforeAll
    void start() {
        app = TeamApp.start(Map.of());
        adminPassword = app.printedAdminPassword();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Map<String, String> databaseForm(String cron) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", "DATABASE");
        f.put("url", "jdbc:postgresql://127.0.0.1:5432/crm");
        f.put("dbUser", "reader");
        f.put("password", DB_PASSWORD);
        f.put("mode", "fast");
        f.put("cron", cron);
        f.put("zone", "Europe/Amsterdam");
        return f;
    }

    @Test
    void anAnalystAddsPausesResumesAndDeletesADatabaseScheduleOnThePage() {
        PageClient anna = new PageClient(app.baseUrl(), null).login("anna", TeamApp.ANALYST_PASSWORD);
        assertThat(anna.get("/scans").body()).contains("href=\"/scans/schedules\"");
        HttpResponse<String> empty = anna.get("/scans/schedules");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"schedule-form\"").doesNotContain("value=\"PATH\"");

        HttpResponse<String> added = anna.postForm("/scans/schedules", "/scans/schedules", databaseForm("0 30 2 * * MON-FRI"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElse("")).endsWith("/scans/schedules");
        String page = anna.get("/scans/schedules").body();
        assertThat(page).contains("id=\"schedule-created\"", "jdbc:postgresql://127.0.0.1:5432/crm", "0 30 2 * * MON-FRI",
                "Europe/Amsterdam", "active").doesNotContain(DB_PASSWORD);
        long id = lastId(page);
        ScanScheduleRepository repository = app.context().getBean(ScanScheduleRepository.class);
        long org = app.context().getBean(AccountRepository.class).memberships(
                app.context().getBean(AccountRepository.class).findUser("anna").orElseThrow().id()).get(0).organisationId();
        assertThat(repository.find(org, id).orElseThrow().dbPasswordEncrypted()).isNotBlank().doesNotContain(DB_PASSWORD);

        assertThat(anna.press("/scans/schedules", "/scans/schedules/" + id + "/pause").statusCode()).isEqualTo(302);
        assertThat(repository.find(org, id).orElseThrow().enabled()).isFalse();
        assertThat(anna.get("/scans/schedules").body()).contains("paused");
        assertThat(anna.press("/scans/schedules", "/scans/schedules/" + id + "/resume").statusCode()).isEqualTo(302);
        assertThat(repository.find(org, id).orElseThrow().enabled()).isTrue();

        assertThat(anna.press("/scans/schedules", "/scans/schedules/" + id + "/delete").statusCode()).isEqualTo(302);
        assertThat(repository.find(org, id)).isEmpty();
        assertThat(anna.get("/scans/schedules").body()).doesNotContain("id=\"schedule-" + id + "\"");
    }

    @Test
    void aBadCronExpressionIsShownOnTheFormWithoutThePassword() {
        PageClient anna = new PageClient(app.baseUrl(), null).login("anna", TeamApp.ANALYST_PASSWORD);
        HttpResponse<String> refused = anna.postForm("/scans/schedules", "/scans/schedules", databaseForm("every night"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-error\"", "not a cron expression", "value=\"every night\"")
                .doesNotContain(DB_PASSWORD);
        HttpResponse<String> tooOften = anna.postForm("/scans/schedules", "/scans/schedules", databaseForm("* * * * * *"));
        assertThat(tooOften.body()).contains("at least a minute apart");
    }

    @Test
    void aViewerSeesTheListButMayNotAddOrDelete() throws Exception {
        PageClient admin = new PageClient(app.baseUrl(), null).login("admin", adminPassword);
        assertThat(admin.get("/scans/schedules").body()).contains("value=\"PATH\"");
        assertThat(admin.postForm("/scans/schedules", "/scans/schedules", databaseForm("0 0 4 * * *")).statusCode())
                .isEqualTo(302);
        long id = lastId(admin.get("/scans/schedules").body());

        PageClient vera = new PageClient(app.baseUrl(), null).login("vera", TeamApp.VIEWER_PASSWORD);
        HttpResponse<String> page = vera.get("/scans/schedules");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"schedule-" + id + "\"").doesNotContain("id=\"schedule-form\"")
                .doesNotContain("/delete");
        assertThat(vera.postForm("/scans/schedules", "/scans/schedules", databaseForm("0 0 5 * * *")).statusCode())
                .isEqualTo(403);
        assertThat(vera.press("/scans/schedules", "/scans/schedules/" + id + "/delete").statusCode()).isEqualTo(403);

        // no CSRF token: refused, the schedule stays
        String cookie = String.join("; ", admin.cookieValues().stream().map(v -> "SESSION=" + v).toList());
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.baseUrl() + "/scans/schedules/" + id + "/delete")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(admin.get("/scans/schedules").body()).contains("id=\"schedule-" + id + "\"");
    }

    @Test
    void thePageSpeaksDutch() {
        PageClient nl = new PageClient(app.baseUrl(), "nl").login("anna", TeamApp.ANALYST_PASSWORD);
        assertThat(nl.get("/scans/schedules").body()).contains("Geplande herhaalscans", "Planning toevoegen", "Tijdzone");
    }

    private static long lastId(String page) {
        Matcher m = ROW.matcher(page);
        long id = -1;
        while (m.find()) {
            id = Math.max(id, Long.parseLong(m.group(1)));
        }
        assertThat(id).as("a schedule row").isPositive();
        return id;
    }
}
