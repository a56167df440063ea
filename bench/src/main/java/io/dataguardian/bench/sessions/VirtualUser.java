package io.dataguardian.bench.sessions;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser: its own {@link CookieManager} (SESSION cookie) and CSRF token, over an {@link HttpClient} shared by
 * all virtual users (one client per user would mean one selector thread per user). Cookies are applied by hand from
 * the user's manager, exactly as {@code HttpClient.cookieHandler} would.
 */
final class VirtualUser {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    final String username;
    final String password;
    private final String base;
    private final HttpClient http;
    private CookieManager cookies = new CookieManager();
    private String csrf;
    /** Browse state: scan ids seen in the last list, the findings cursor. */
    long[] scanIds = new long[0];
    long currentScan = -1;
    Long findingsCursor;
    int step;
    /** Set when POST /login answered 302 to a page other than the error page. */
    volatile boolean loggedIn;
    /** Set when a request after a successful login answered 401 (session gone). */
    volatile boolean unauthorized;

    VirtualUser(String base, HttpClient http, String username, String password) {
        this.base = base;
        this.http = http;
        this.username = username;
        this.password = password;
    }

    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Result of one request: status, body, microseconds. */
    record Result(int status, String body, long micros, HttpResponse<String> response) {
    }

    Result send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        URI uri = builder.build().uri();
        Map<String, List<String>> cookieHeaders = cookies.get(uri, Map.of());
        for (Map.Entry<String, List<String>> e : cookieHeaders.entrySet()) {
            for (String v : e.getValue()) {
                builder.header(e.getKey(), v);
            }
        }
        builder.timeout(Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t0) / 1000;
        cookies.put(uri, r.headers().map());
        return new Result(r.statusCode(), r.body(), micros, r);
    }

    Result get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * GET /login (new anonymous session + CSRF token), then POST /login. Returns the POST's latency in µs, or throws
     * with what went wrong. Latency of the GET is recorded under "login-page".
     */
    long login(Latencies lat) throws IOException, InterruptedException {
        cookies = new CookieManager();
        loggedIn = false;
        Result page = get("/login");
        if (page.status() != 200) {
            lat.error("login-page", "status " + page.status());
            throw new IOException("GET /login answered " + page.status());
        }
        lat.record("login-page", page.micros());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IOException("no _csrf on /login");
        }
        String form = "_csrf=" + enc(m.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
        Result r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = r.response().headers().firstValue("Location").orElse("");
        if (r.status() != 302 || location.contains("error")) {
            lat.error("login", r.status() + " " + location.replaceAll("^https?://[^/]+", ""));
            throw new IOException("login of " + username + ": " + r.status() + " -> " + location);
        }
        lat.record("login", r.micros());
        loggedIn = true;
        return r.micros();
    }

    /** CSRF token for session-authenticated API writes, from a page with a form ("/": the logout form). */
    void fetchCsrf() throws IOException, InterruptedException {
        Result r = get("/");
        Matcher m = CSRF.matcher(r.body());
        if (!m.find()) {
            throw new IOException("no _csrf on / (" + r.status() + ")");
        }
        csrf = m.group(1);
    }

    Result postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Result postMultipart(String path, String field, String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "----dgload" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The SESSION cookie's value (base64 of the session id), or null. */
    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
