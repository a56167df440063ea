package io.dataguardian.app.session;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One browser (its own cookies) or one API client (a bearer token) over real HTTP. */
final class WebClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private String bearer;

    WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static WebClient withToken(String base, String token) {
        WebClient c = new WebClient(base);
        c.bearer = token;
        return c;
    }

    /** The session cookie's value, or null. */
    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The session id behind the cookie (Spring Session Base64-encodes it in the cookie). */
    String sessionId() {
        String cookie = sessionCookie();
        return cookie == null ? null : new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    /** Presents {@code value} as the session cookie from now on (a stolen or stale cookie). */
    void useSessionCookie(String value) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    String csrfFrom(String page) {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        return m.group(1);
    }

    /** Posts the login form; answers the raw response (302 to / or to /login?error). */
    HttpResponse<String> submitLogin(String user, String password) {
        String token = csrfFrom("/login");
        return postForm("/login", "_csrf=" + enc(token) + "&username=" + enc(user) + "&password=" + enc(password));
    }

    WebClient login(String user, String password) {
        HttpResponse<String> r = submitLogin(user, password);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login of " + user + " failed: " + r.statusCode() + " " + r.headers().map());
        }
        csrf = csrfFrom("/");
        return this;
    }

    HttpResponse<String> logout() {
        return postForm("/logout", "_csrf=" + enc(csrf));
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    JsonNode json(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    HttpResponse<String> post(String path, Object body) {
        return send(withCsrf(request(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    HttpResponse<String> postWithoutCsrf(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    HttpResponse<String> patch(String path, Object body) {
        return send(withCsrf(request(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    HttpResponse<String> delete(String path) {
        return send(withCsrf(request(path)).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", "session-test");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
        return csrf == null ? b : b.header("X-CSRF-TOKEN", csrf);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
