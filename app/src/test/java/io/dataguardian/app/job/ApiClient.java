package io.dataguardian.app.job;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A signed-in API user over real HTTP: session cookie plus the CSRF token the UI would send as a header. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final java.net.CookieManager cookies;
    private String csrf;

    ApiClient(String base) {
        this(base, new java.net.CookieManager());
    }

    /** A client sharing {@code cookies} (the same browser talking to another node). */
    ApiClient(String base, java.net.CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ApiClient login(String user, String password) {
        String token = token("/login");
        String form = "_csrf=" + enc(token) + "&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login of " + user + " failed: " + r.statusCode() + " " + r.headers().map());
        }
        csrf = token("/");
        return this;
    }

    /** The same signed-in browser (cookie and CSRF token) talking to another node. */
    ApiClient on(String otherBase) {
        ApiClient other = new ApiClient(otherBase, cookies);
        other.csrf = csrf;
        return other;
    }

    private String token(String page) {
        String body = get(page).body();
        Matcher m = CSRF.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        return m.group(1);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    JsonNode getJson(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    HttpResponse<String> postJson(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf).DELETE().build());
    }

    /** multipart/form-data with one part "files" per entry (file name to bytes). */
    HttpResponse<String> upload(Map<String, byte[]> files) {
        String boundary = "----dg" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/scans")).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** Polls the scan until it has ended (no timing asserted: the bound only stops a hung test). */
    JsonNode awaitEnd(long scanId) {
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode scan = getJson("/api/scans/" + scanId);
            String status = scan.path("status").asString();
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                return scan;
            }
            sleep(200);
        }
        throw new AssertionError("scan " + scanId + " did not end");
    }

    JsonNode awaitStatus(long scanId, String wanted) {
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode scan = getJson("/api/scans/" + scanId);
            if (scan.path("status").asString().equals(wanted)) {
                return scan;
            }
            sleep(100);
        }
        throw new AssertionError("scan " + scanId + " never reached " + wanted);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
