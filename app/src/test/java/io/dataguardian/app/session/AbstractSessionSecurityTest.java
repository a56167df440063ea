package io.dataguardian.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Account and session hardening end to end over real HTTP, once per session store (JDBC on H2, Redis with
 * PostgreSQL): lockout, uniform refusal, CSRF, cookie flags, fixation, logout, per-user limit (also racing logins),
 * sessions and users API, API tokens, and isolation between organisations. Each test makes its own users, so the
 * tests share one running application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSessionSecurityTest {

    static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    protected RunningApp app;
    protected AccountRepository accounts;
    protected PasswordEncoder encoder;
    protected JdbcClient jdbc;
    protected SessionStore store;
    protected long orgA;
    protected long orgB;

    /** Settings of the infrastructure under test. */
    protected abstract Map<String, String> settings();

    protected abstract String expectedStore();

    @BeforeAll
    void start() {
        app = RunningApp.start(settings());
        accounts = app.context().getBean(AccountRepository.class);
        encoder = app.context().getBean(PasswordEncoder.class);
        jdbc = JdbcClient.create(app.context().getBean(DataSource.class));
        store = app.context().getBean(SessionStore.class);
        String suffix = Long.toString(System.nanoTime(), 36);
        orgA = accounts.createOrganisation("Org A " + suffix);
        orgB = accounts.createOrganisation("Org B " + suffix);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    String user(long org, Role role) {
        String name = "u" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        accounts.addMembership(accounts.createUser(name, encoder.encode(PASSWORD)), org, role);
        return name;
    }

    WebClient browser() {
        return new WebClient(app.baseUrl());
    }

    WebClient loggedIn(String user) {
        return browser().login(user, PASSWORD);
    }

    long userId(String name) {
        return accounts.findUser(name).orElseThrow().id();
    }

    @Test
    void theConfiguredStoreIsUsed() {
        assertThat(store.kind()).isEqualTo(expectedStore());
    }

    // ---- 1. authentication hardening

    @Test
    void fiveFailuresLockTheAccountAndTheAnswerNeverTellsWhetherTheUserExists() {
        String name = user(orgA, Role.ANALYST);
        WebClient b = browser();
        for (int i = 0; i < 5; i++) {
            assertThat(b.submitLogin(name, "wrong-" + i).headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        // locked: even the right password is refused, with the same answer as an unknown user
        HttpResponse<String> locked = b.submitLogin(name, PASSWORD);
        HttpResponse<String> unknown = b.submitLogin("nobody-" + name, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(302).isEqualTo(unknown.statusCode());
        assertThat(locked.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(b.get("/login?error").body()).contains("Wrong user name or password.");
        assertThat(jdbc.sql("select locked_until from users where username = ?").param(name)
                .query(OffsetDateTime.class).single()).isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(4));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'login.lockout' and actor = ?").param(name)
                .query(Long.class).single()).isEqualTo(1L);

        // five minutes later (the lock's end moved into the past instead of waiting; LoginThrottleTest covers the clock)
        jdbc.sql("update users set locked_until = ? where username = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), name).update();
        loggedIn(name);
        assertThat(jdbc.sql("select failed_logins from users where username = ?").param(name).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        WebClient b = loggedIn(user(orgA, Role.ANALYST));
        assertThat(b.postForm("/logout", "").statusCode()).isEqualTo(403);
        assertThat(b.postWithoutCsrf("/api/tokens", Map.of("scopes", List.of("scans:read"))).statusCode()).isEqualTo(403);
        assertThat(b.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void loginChangesTheSessionIdAndSetsHttpOnlySameSiteCookie() {
        WebClient b = browser();
        b.get("/login");
        String before = b.sessionCookie();
        assertThat(before).as("the login page starts a session for its CSRF token").isNotNull();
        HttpResponse<String> login = b.submitLogin(user(orgA, Role.VIEWER), PASSWORD);
        String after = b.sessionCookie();
        assertThat(after).isNotNull().isNotEqualTo(before);
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"); // plain HTTP here
        // the pre-login id is worthless now
        WebClient attacker = browser();
        attacker.useSessionCookie(before);
        assertThat(attacker.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void afterLogoutTheOldSessionCookieIsRejected() {
        String name = user(orgA, Role.ANALYST);
        WebClient b = loggedIn(name);
        String cookie = b.sessionCookie();
        assertThat(b.get("/api/sessions/mine").statusCode()).isEqualTo(200);
        assertThat(b.logout().headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

        WebClient replay = browser();
        replay.useSessionCookie(cookie);
        HttpResponse<String> page = replay.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(replay.get("/api/scans").statusCode()).isEqualTo(401);
        assertThat(store.sessionsOf(name)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'logout' and actor = ?").param(name)
                .query(Long.class).single()).isEqualTo(1L);
    }

    // ---- 3. per-user limit

    @Test
    void theSixthLoginEndsTheOldestSession() {
        String name = user(orgA, Role.VIEWER);
        List<WebClient> browsers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            browsers.add(loggedIn(name));
        }
        assertThat(store.sessionsOf(name)).hasSize(5);
        assertThat(browsers.get(0).get("/api/sessions/mine").statusCode()).as("oldest").isEqualTo(401);
        for (int i = 1; i < 6; i++) {
            assertThat(browsers.get(i).get("/api/sessions/mine").statusCode()).as("browser " + i).isEqualTo(200);
        }
    }

    @Test
    void racingLoginsStillKeepTheLimit() throws Exception {
        String name = user(orgA, Role.VIEWER);
        for (int i = 0; i < 4; i++) {
            loggedIn(name);
        }
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<WebClient>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    WebClient b = browser();
                    String token = b.csrfFrom("/login");
                    go.await();
                    HttpResponse<String> r = b.postForm("/login", "_csrf=" + token + "&username=" + name + "&password=" + PASSWORD);
                    assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
                    return b;
                }));
            }
            go.countDown();
            for (Future<WebClient> f : results) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.sessionsOf(name)).hasSize(5);
    }

    // ---- 4. sessions API

    @Test
    void usersSeeAndEndTheirOwnSessionsByOpaqueId() {
        String name = user(orgA, Role.ANALYST);
        WebClient laptop = loggedIn(name);
        WebClient phone = loggedIn(name);
        laptop.get("/api/scans");
        JsonNode mine = laptop.json("/api/sessions/mine");
        assertThat(mine).hasSize(2);
        JsonNode current = null;
        JsonNode other = null;
        for (JsonNode s : mine) {
            assertThat(s.path("id").asString()).isNotIn(laptop.sessionCookie(), phone.sessionCookie(), laptop.sessionId(), phone.sessionId()).hasSize(32);
            assertThat(s.path("clientAddress").asString()).isIn("127.0.0.0/24", "0:0:0::/48");
            assertThat(s.path("userAgent").asString()).isEqualTo("session-test");
            if (s.path("current").asBoolean()) {
                current = s;
            } else {
                other = s;
            }
        }
        assertThat(current).isNotNull();
        assertThat(current.path("recentActions").toString()).contains("GET /api/scans");
        assertThat(laptop.delete("/api/sessions/mine/" + other.path("id").asString()).statusCode()).isEqualTo(204);
        assertThat(phone.get("/api/sessions/mine").statusCode()).isEqualTo(401);
        assertThat(laptop.delete("/api/sessions/mine/" + "0".repeat(32)).statusCode()).isEqualTo(404);
    }

    @Test
    void administratorsSeeAndEndSessionsOfTheirOrganisationOnly() {
        String admin = user(orgA, Role.ADMIN);
        String member = user(orgA, Role.VIEWER);
        String stranger = user(orgB, Role.VIEWER);
        WebClient adminBrowser = loggedIn(admin);
        WebClient memberBrowser = loggedIn(member);
        WebClient strangerBrowser = loggedIn(stranger);
        JsonNode all = adminBrowser.json("/api/admin/sessions");
        List<String> users = new ArrayList<>();
        all.forEach(s -> users.add(s.path("username").asString()));
        assertThat(users).contains(admin, member).doesNotContain(stranger);

        String strangerSession = SessionService.opaqueId(strangerBrowser.sessionId());
        assertThat(adminBrowser.delete("/api/admin/sessions/" + strangerSession).statusCode()).isEqualTo(404);
        assertThat(strangerBrowser.get("/api/sessions/mine").statusCode()).isEqualTo(200);
        assertThat(memberBrowser.get("/api/admin/sessions").statusCode()).isEqualTo(403);

        String memberSession = SessionService.opaqueId(memberBrowser.sessionId());
        assertThat(adminBrowser.delete("/api/admin/sessions/" + memberSession).statusCode()).isEqualTo(204);
        assertThat(memberBrowser.get("/api/sessions/mine").statusCode()).isEqualTo(401);
    }

    @Test
    void theOrganisationsSessionListHasEveryMembersSessionsAndNoOneElses() {
        long org = accounts.createOrganisation("Org list " + Long.toString(System.nanoTime(), 36));
        String admin = user(org, Role.ADMIN);
        String twice = user(org, Role.ANALYST);
        String once = user(org, Role.VIEWER);
        user(org, Role.VIEWER); // never logs in
        String stranger = user(orgB, Role.ADMIN);
        WebClient adminBrowser = loggedIn(admin);
        loggedIn(twice);
        String laterOfTwo = loggedIn(twice).sessionId();
        loggedIn(once);
        WebClient strangerBrowser = loggedIn(stranger);

        JsonNode all = adminBrowser.json("/api/admin/sessions");
        Map<String, Integer> perUser = new java.util.HashMap<>();
        List<String> ids = new ArrayList<>();
        all.forEach(s -> {
            perUser.merge(s.path("username").asString(), 1, Integer::sum);
            ids.add(s.path("id").asString());
        });
        assertThat(perUser).isEqualTo(Map.of(admin, 1, twice, 2, once, 1));
        assertThat(ids).doesNotHaveDuplicates().contains(SessionService.opaqueId(adminBrowser.sessionId()),
                SessionService.opaqueId(laterOfTwo));
        List<String> current = new ArrayList<>();
        all.forEach(s -> {
            if (s.path("current").asBoolean()) {
                current.add(s.path("id").asString());
            }
        });
        assertThat(current).containsExactly(SessionService.opaqueId(adminBrowser.sessionId()));
        assertThat(strangerBrowser.json("/api/admin/sessions").toString()).doesNotContain(admin, twice, once);
    }

    // ---- 2. users and tokens

    @Test
    void administratorsManageUsersOfTheirOwnOrganisation() {
        String admin = user(orgA, Role.ADMIN);
        String stranger = user(orgB, Role.ANALYST);
        WebClient b = loggedIn(admin);
        String newName = "new-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = b.post("/api/admin/users", Map.of("username", newName, "password", PASSWORD, "role", "VIEWER"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebClient.JSON.readTree(created.body()).path("id").asLong();
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("password");
        assertThat(b.post("/api/admin/users", Map.of("username", newName, "password", PASSWORD, "role", "VIEWER")).statusCode())
                .isEqualTo(409);

        WebClient newcomer = loggedIn(newName);
        HttpResponse<String> promoted = b.patch("/api/admin/users/" + id, Map.of("role", "ANALYST"));
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(WebClient.JSON.readTree(promoted.body()).path("role").asString()).isEqualTo("ANALYST");
        assertThat(newcomer.get("/api/sessions/mine").statusCode()).as("a re-roled user signs in again").isEqualTo(401);

        assertThat(b.patch("/api/admin/users/" + id, Map.of("enabled", false)).statusCode()).isEqualTo(200);
        assertThat(browser().submitLogin(newName, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        long strangerId = userId(stranger);
        assertThat(b.patch("/api/admin/users/" + strangerId, Map.of("enabled", false)).statusCode()).isEqualTo(404);
        assertThat(b.get("/api/admin/users/" + strangerId).statusCode()).isEqualTo(404);
        List<String> names = new ArrayList<>();
        b.json("/api/admin/users").forEach(u -> names.add(u.path("username").asString()));
        assertThat(names).contains(admin, newName).doesNotContain(stranger);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'user.changed' and target = ? and organisation_id = ?")
                .params("user:" + id, orgA).query(Long.class).single()).isEqualTo(2L);

        assertThat(loggedIn(user(orgA, Role.ANALYST)).get("/api/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void apiTokensAreShownOnceStoredHashedScopedExpiringAndRevocable() {
        String name = user(orgA, Role.ANALYST);
        WebClient b = loggedIn(name);
        HttpResponse<String> r = b.post("/api/tokens", Map.of("name", "ci", "scopes", List.of("scans:read")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = WebClient.JSON.readTree(r.body());
        String token = created.path("token").asString();
        long id = created.path("id").asLong();
        assertThat(token).startsWith("dgp_").hasSizeGreaterThan(40);
        assertThat(b.get("/api/tokens").body()).doesNotContain(token);
        assertThat(jdbc.sql("select token_hash from api_tokens where id = ?").param(id).query(String.class).single())
                .hasSize(64).isNotEqualTo(token);

        WebClient api = WebClient.withToken(app.baseUrl(), token);
        assertThat(api.get("/api/scans").statusCode()).isEqualTo(200);
        assertThat(api.sessionCookie()).as("token requests make no session").isNull();
        assertThat(api.postWithoutCsrf("/api/scans", Map.of("type", "FILES")).statusCode()).as("no scans:write").isEqualTo(403);
        assertThat(api.get("/api/admin/users").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/sessions/mine").statusCode()).isEqualTo(403);
        assertThat(WebClient.withToken(app.baseUrl(), token + "x").get("/api/scans").statusCode()).isEqualTo(401);

        assertThat(b.delete("/api/tokens/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/scans").statusCode()).isEqualTo(401);

        JsonNode second = WebClient.JSON.readTree(b.post("/api/tokens", Map.of("scopes", List.of("scans:read", "scans:write"))).body());
        WebClient api2 = WebClient.withToken(app.baseUrl(), second.path("token").asString());
        assertThat(api2.get("/api/scans").statusCode()).isEqualTo(200);
        jdbc.sql("update api_tokens set expires_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), second.path("id").asLong()).update();
        assertThat(api2.get("/api/scans").statusCode()).as("expired").isEqualTo(401);

        // another user cannot revoke it
        assertThat(loggedIn(user(orgA, Role.ADMIN)).delete("/api/tokens/" + second.path("id").asLong()).statusCode()).isEqualTo(404);
        assertThat(loggedIn(user(orgA, Role.VIEWER)).post("/api/tokens", Map.of("scopes", List.of("scans:write"))).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'token.created' and actor = ?").param(name)
                .query(Long.class).single()).isEqualTo(2L);
    }

    // ---- 6. isolation

    @Test
    void anotherOrganisationsScanFindingsReportUserSessionAndTokenAreNotFound() {
        Instant now = Instant.now();
        long scanB = jdbc.sql("insert into scans (organisation_id, scan_type, target, status, created_at, updated_at)"
                        + " values (?, 'FILES', 'b-files', 'COMPLETED', ?, ?)")
                .params(orgB, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).update() > 0
                ? jdbc.sql("select max(id) from scans where organisation_id = ?").param(orgB).query(Long.class).single() : -1;
        String bobName = user(orgB, Role.ADMIN);
        WebClient bob = loggedIn(bobName);
        assertThat(bob.get("/api/scans/" + scanB).statusCode()).isEqualTo(200);
        long bobToken = WebClient.JSON.readTree(bob.post("/api/tokens", Map.of("scopes", List.of("scans:read"))).body())
                .path("id").asLong();

        WebClient alice = loggedIn(user(orgA, Role.ADMIN));
        for (String path : List.of("/api/scans/" + scanB, "/api/scans/" + scanB + "/findings",
                "/api/scans/" + scanB + "/errors", "/api/scans/" + scanB + "/report.json",
                "/api/admin/users/" + userId(bobName))) {
            assertThat(alice.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(alice.json("/api/scans").path("items").toString()).doesNotContain("b-files");
        assertThat(alice.delete("/api/tokens/" + bobToken).statusCode()).isEqualTo(404);
        assertThat(alice.delete("/api/admin/sessions/" + SessionService.opaqueId(bob.sessionId())).statusCode()).isEqualTo(404);
        assertThat(alice.json("/api/admin/sessions").toString()).doesNotContain(bobName);
        assertThat(bob.get("/api/scans/" + scanB).statusCode()).isEqualTo(200);
    }

    // ---- 5. meters

    @Test
    void loginsFailuresAndSessionsAreMetered() {
        MeterRegistry meters = app.context().getBean(MeterRegistry.class);
        String name = user(orgA, Role.VIEWER);
        browser().submitLogin(name, "wrong");
        WebClient b = loggedIn(name);
        assertThat(meters.get("dataguardian.auth.logins").tag("outcome", "success").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("dataguardian.auth.logins").tag("outcome", "failure").counter().count()).isGreaterThanOrEqualTo(1);
        SessionStore.Counts counts = app.context().getBean(SessionMetrics.class).refresh();
        assertThat(counts.sessions()).isGreaterThanOrEqualTo(1);
        assertThat(counts.users()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("dataguardian.sessions.peak").gauge().value()).isGreaterThanOrEqualTo(counts.sessions());
        b.logout();
        assertThat(meters.get("dataguardian.sessions.duration").tag("end", "logout").timer().count()).isGreaterThanOrEqualTo(1);
    }
}
