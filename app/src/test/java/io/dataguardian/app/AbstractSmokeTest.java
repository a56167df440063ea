package io.dataguardian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product as a user meets it, started once per subclass on one kind of infrastructure: health is
 * UP, the schema is migrated, the generated administrator password printed on first start logs in,
 * and a wrong password does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSmokeTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    protected RunningApp app;
    /** What the first start printed, and the administrator password it printed. */
    protected String firstStartOutput;
    protected String adminPassword;

    /** {@code dataguardian.*} settings for this infrastructure. */
    protected abstract Map<String, String> settings();

    /** Health components that must be reported UP. */
    protected abstract String[] expectedHealthComponents();

    @BeforeAll
    void startApplication() {
        app = RunningApp.start(settings());
        firstStartOutput = app.startupOutput();
        adminPassword = app.printedAdminPassword();
    }

    @AfterAll
    void stopApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void healthIsUpAndNamesItsComponentsWithoutLogin() {
        HttpResponse<String> health = app.browser().get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(health.body());
        assertThat(json.path("status").asString()).isEqualTo("UP");
        for (String component : expectedHealthComponents()) {
            assertThat(json.path("components").path(component).path("status").asString()).as(component).isEqualTo("UP");
        }
        // details (database product, errors) only for an administrator
        assertThat(json.path("components").path("db").has("details")).isFalse();
        assertThat(JSON.readTree(app.browser().get("/actuator/health/liveness").body()).path("status").asString())
                .isEqualTo("UP");
        assertThat(JSON.readTree(app.browser().get("/actuator/health/readiness").body()).path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void schemaIsMigratedByFlyway() {
        JdbcClient jdbc = JdbcClient.create(app.context().getBean(javax.sql.DataSource.class));
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '1'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE role = 'ADMIN'").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void startupLogNamesTheModeWithoutSecrets() {
        assertThat(firstStartOutput).contains("DataGuardian mode: " + expectedModePrefix());
        String modeLine = firstStartOutput.lines().filter(l -> l.contains("DataGuardian mode:")).findFirst().orElseThrow();
        assertThat(modeLine).doesNotContainIgnoringCase("password=").doesNotContain(adminPassword);
    }

    protected abstract String expectedModePrefix();

    @Test
    void generatedAdminPasswordIsPrintedOnceWithTheUrlAndLogsIn() {
        String password = adminPassword;
        assertThat(password).as("a generated password printed on first start").isNotNull().hasSizeGreaterThanOrEqualTo(16);
        assertThat(firstStartOutput).contains("Open " + app.baseUrl() + "/");
        // printed to the console only, never through the logger
        assertThat(firstStartOutput.lines().filter(l -> l.contains(password)))
                .allSatisfy(l -> assertThat(l).doesNotContain(" INFO ", " WARN ", " ERROR ", " DEBUG "));

        RunningApp.Browser browser = app.browser();
        HttpResponse<String> login = browser.login("admin", password);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as <strong id=\"current-user\">admin</strong>").contains("ADMIN");

        HttpResponse<String> logout = browser.postForm("/", "/logout", Map.of());
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theSignInPageFollowsTheBrowserLanguageThenTheChoice() {
        RunningApp.Browser browser = app.browser();
        String dutch = browser.get("/login?error", "text/html", "nl-NL,nl;q=0.9,en;q=0.5").body();
        assertThat(dutch).contains("lang=\"nl\"").contains("Aanmelden").contains("Onjuiste gebruikersnaam of onjuist wachtwoord.")
                .doesNotContain("Wrong user name");
        String chosen = browser.get("/login?lang=en", "text/html", "nl").body();
        assertThat(chosen).contains("lang=\"en\"").contains("Sign in");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        RunningApp.Browser browser = app.browser();
        HttpResponse<String> login = browser.login("admin", "not-the-password");
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Wrong user name or password.");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void loginPageIsServedAndPrometheusNeedsAnAdmin() {
        HttpResponse<String> page = app.browser().get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        assertThat(app.browser().get("/actuator/prometheus").statusCode()).isEqualTo(401);

        RunningApp.Browser admin = app.browser();
        admin.login("admin", adminPassword);
        HttpResponse<String> metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections");
    }
}
