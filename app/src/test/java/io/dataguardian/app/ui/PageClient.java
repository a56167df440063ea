package io.dataguardian.app.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping client that uses the pages as a browser would: form login, CSRF from the page, multipart form. */
final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final String language;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    PageClient(String base, String language) {
        this.base = base;
        this.language = language;
    }

    PageClient login(String user, String password) {
        HttpResponse<String> r = postForm("/login", "/login", Map.of("username", user, "password", password));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login of " + user + " failed: " + r.statusCode());
        }
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> postForm(String pageWithForm, String action, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf(pageWithForm)));
        fields.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    HttpResponse<String> upload(String pageWithForm, String action, String fileName, byte[] content) {
        String boundary = "----dg" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(pageWithForm)
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** The values of every cookie this client holds (the session cookie among them). */
    java.util.List<String> cookieValues() {
        return cookies.getCookieStore().getCookies().stream().map(java.net.HttpCookie::getValue).toList();
    }

    /** POSTs a form whose CSRF token is taken from the page at {@code pageWithForm} (alias of postForm for buttons). */
    HttpResponse<String> press(String pageWithForm, String action) {
        return postForm(pageWithForm, action, Map.of());
    }

    private String csrf(String page) {
        String html = get(page).body();
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
        return language == null ? b : b.header("Accept-Language", language);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A download as bytes (a PDF report). */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
