package io.dataguardian.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.scan.ApiUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An API token reaches only what its scopes cover, whoever owns it. The endpoints are read from the running app's
 * request mappings, so an endpoint added later is checked without touching this test: outside {@code /api/scans/**}
 * every token (even an administrator's with every scope) gets 403; inside, GET needs {@code scans:read} and every
 * other method {@code scans:write}. Real HTTP on the embedded default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenScopeTest {

    private RunningApp app;
    private String readToken;
    private String writeToken;
    private String bothTokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One request an endpoint answers: method and a concrete path. */
    record Call(String method, String path) {
        boolean underScans() {
            return path.equals("/api/scans") || path.startsWith("/api/scans/");
        }

        boolean reads() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void start() {
        app = RunningApp.start(Map.of());
        AccountRepository accounts = app.context().getBean(AccountRepository.class);
        PasswordEncoder encoder = app.context().getBean(PasswordEncoder.class);
        long org = accounts.createOrganisation("Scope Check B.V.");
        long ada = accounts.createUser("scope-ada", encoder.encode("scope-ada-password-1"));
        accounts.addMembership(ada, org, Role.ADMIN);
        ApiUser admin = new ApiUser(ada, "scope-ada", org, Role.ADMIN);
        ApiTokenService tokens = app.context().getBean(ApiTokenService.class);
        readToken = tokens.create(admin, "read", List.of("scans:read"), null).token();
        writeToken = tokens.create(admin, "write", List.of("scans:write"), null).token();
        bothTokens = tokens.create(admin, "both", List.of("scans:read", "scans:write"), null).token();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAdministratorsScansReadTokenIsRefusedOnTheAuditLogAndStillReadsScans() {
        for (String path : List.of("/api/audit", "/api/audit/1")) {
            HttpResponse<String> r = send(readToken, new Call("GET", path));
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(403);
            assertThat(r.body()).doesNotContain("\"items\"");
        }
        HttpResponse<String> scans = send(readToken, new Call("GET", "/api/scans"));
        assertThat(scans.statusCode()).as(scans.body()).isEqualTo(200);
        assertThat(scans.body()).contains("\"items\"");

        // the audit log stays readable for the administrator in a signed-in session
        RunningApp.Browser browser = app.browser();
        assertThat(browser.login("scope-ada", "scope-ada-password-1").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void everyApiEndpointOutsideScansRefusesEveryToken() {
        List<Call> outside = apiCalls().stream().filter(c -> !c.underScans()).toList();
        assertThat(outside).as("the mappings were found").extracting(Call::path)
                .contains("/api/audit", "/api/tokens", "/api/admin/users", "/api/sessions/mine", "/api/schedules");
        List<String> reached = new ArrayList<>();
        for (Call call : outside) {
            for (String token : List.of(readToken, writeToken, bothTokens)) {
                HttpResponse<String> r = send(token, call);
                if (r.statusCode() != 403) {
                    reached.add(call + " -> " + r.statusCode());
                }
            }
        }
        assertThat(reached).as("endpoints a token reached outside /api/scans/**").isEmpty();
    }

    @Test
    void insideScansAReadNeedsScansReadAndAChangeNeedsScansWrite() {
        List<Call> inside = apiCalls().stream().filter(Call::underScans).toList();
        assertThat(inside).extracting(Call::toString).contains("GET /api/scans", "POST /api/scans");
        List<String> wrong = new ArrayList<>();
        for (Call call : inside) {
            String matching = call.reads() ? readToken : writeToken;
            String other = call.reads() ? writeToken : readToken;
            String scope = call.reads() ? "scans:read" : "scans:write";
            HttpResponse<String> refused = send(other, call);
            if (refused.statusCode() != 403 || !refused.headers().firstValue("WWW-Authenticate").orElse("")
                    .contains("scope=\"" + scope + "\"")) {
                wrong.add(call + " without " + scope + " -> " + refused.statusCode());
            }
            for (String token : List.of(matching, bothTokens)) {
                int status = send(token, call).statusCode();
                if (status == 401 || status == 403) {
                    wrong.add(call + " with " + scope + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pagesRefuseTokens() {
        for (String path : List.of("/", "/scans", "/admin/audit", "/admin/performance")) {
            assertThat(send(bothTokens, new Call("GET", path)).statusCode()).as(path).isEqualTo(403);
        }
    }

    /** Every method and path the app maps under /api/, with path variables filled in. */
    private List<Call> apiCalls() {
        Set<String> seen = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : app.context().getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    String path = pattern.replace("{format}", "json").replaceAll("\\{[^}]+}", "1");
                    if (methods.isEmpty()) {
                        seen.add("GET " + path);
                    }
                    methods.forEach(m -> seen.add(m.name() + " " + path));
                }
            }
        }
        return seen.stream().map(s -> new Call(s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(' ') + 1))).toList();
    }

    private HttpResponse<String> send(String token, Call call) {
        HttpRequest.BodyPublisher body = call.reads() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + call.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(call.method(), body)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(call.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
