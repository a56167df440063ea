package io.dataguardian.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/audit} and {@code /api/audit/{id}} through real HTTP on the embedded default: an administrator
 * pages through their own organisation's log only, another organisation's entry is 404 by id, a non-administrator
 * gets 403, a forged cursor 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private RunningApp app;
    private final List<Long> mine = new ArrayList<>();
    private long theirs;

    @BeforeAll
    void start() {
        app = RunningApp.start(Map.of());
        AccountRepository accounts = app.context().getBean(AccountRepository.class);
        PasswordEncoder encoder = app.context().getBean(PasswordEncoder.class);
        AuditLogRepository audit = app.context().getBean(AuditLogRepository.class);
        long org = accounts.createOrganisation("Audit Mine B.V.");
        long other = accounts.createOrganisation("Audit Other B.V.");
        long ada = accounts.createUser("ada", encoder.encode("ada-password-1"));
        accounts.addMembership(ada, org, Role.ADMIN);
        accounts.addMembership(accounts.createUser("vic", encoder.encode("vic-password-1")), org, Role.VIEWER);
        accounts.addMembership(accounts.createUser("oscar", encoder.encode("oscar-password-1")), other, Role.ADMIN);
        for (int i = 0; i < 5; i++) {
            mine.add(audit.append(org, ada, "ada", "scan.created", "scan:" + i, Map.of("n", i)).id());
        }
        theirs = audit.append(other, null, "system", "secret.rotated", "org:" + other, Map.of()).id();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private RunningApp.Browser as(String user, String password) {
        RunningApp.Browser browser = app.browser();
        assertThat(browser.login(user, password).statusCode()).isEqualTo(302);
        return browser;
    }

    @Test
    void anAdministratorPagesThroughTheirOwnOrganisationsLogNewestFirst() throws Exception {
        RunningApp.Browser ada = as("ada", "ada-password-1");
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            HttpResponse<String> r = ada.get("/api/audit?limit=2" + (after == null ? "" : "&after=" + after));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
            after = page.path("next").isNull() ? null : page.path("next").asString();
            pages++;
        } while (after != null && pages < 10);
        // ada's own login may add entries of her organisation; every entry made here is there, newest first
        assertThat(seen).containsAll(mine).doesNotContain(theirs).doesNotHaveDuplicates();
        assertThat(seen.subList(seen.indexOf(mine.get(4)), seen.indexOf(mine.get(0)) + 1))
                .containsExactly(mine.get(4), mine.get(3), mine.get(2), mine.get(1), mine.get(0));
        assertThat(pages).isGreaterThanOrEqualTo(3);

        JsonNode one = JSON.readTree(ada.get("/api/audit/" + mine.get(2)).body());
        assertThat(one.path("action").asString()).isEqualTo("scan.created");
        assertThat(one.path("target").asString()).isEqualTo("scan:2");
        assertThat(one.path("details").path("n").asInt()).isEqualTo(2);
    }

    @Test
    void anotherOrganisationsAuditEntryIsNotFound() {
        RunningApp.Browser ada = as("ada", "ada-password-1");
        HttpResponse<String> r = ada.get("/api/audit/" + theirs);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"message\"").doesNotContain("secret.rotated");

        RunningApp.Browser oscar = as("oscar", "oscar-password-1");
        assertThat(oscar.get("/api/audit/" + theirs).statusCode()).isEqualTo(200);
        assertThat(oscar.get("/api/audit/" + mine.get(0)).statusCode()).isEqualTo(404);
        assertThat(oscar.get("/api/audit?limit=200").body()).doesNotContain("\"ada\"");
    }

    @Test
    void aViewerIsRefusedAndAForgedCursorIsABadRequest() {
        assertThat(as("vic", "vic-password-1").get("/api/audit").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = as("ada", "ada-password-1").get("/api/audit?after=not-a-cursor");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("cursor");
    }
}
