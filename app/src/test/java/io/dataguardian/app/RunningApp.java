package io.dataguardian.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The real application started in-process on a random port, as a user would start it (settings given
 * as {@code --dataguardian.*} arguments, the equivalent of DATAGUARDIAN_* variables), with everything
 * it printed during start-up captured so tests can check the console.
 */
public final class RunningApp implements AutoCloseable {

    private static final Pattern PASSWORD_LINE = Pattern.compile("Password:\\s+(\\S+)");

    private final ConfigurableApplicationContext context;
    private final String startupOutput;
    private final Path ownDir;

    private RunningApp(ConfigurableApplicationContext context, String startupOutput, Path ownDir) {
        this.context = context;
        this.startupOutput = startupOutput;
        this.ownDir = ownDir;
    }

    /**
     * Starts the app; the settings are {@code dataguardian.*} (or any Spring) property names. The app gets a
     * temporary directory, deleted on {@link #close()} or when the start fails: its data directory (embedded
     * database, uploads) unless the settings name a {@code dataguardian.data-dir}, and Tomcat's base directory
     * (which Spring Boot would otherwise leave in java.io.tmpdir as {@code tomcat.0.*}).
     */
    public static RunningApp start(Map<String, String> settings) {
        Path ownDir;
        try {
            ownDir = Files.createTempDirectory("dataguardian-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> effective = new LinkedHashMap<>(settings);
        effective.putIfAbsent("dataguardian.data-dir", ownDir.toString());
        effective.putIfAbsent("server.tomcat.basedir", ownDir.resolve("tomcat").toString());
        Capture capture = new Capture();
        try {
            Map<String, String> args = effective;
            ConfigurableApplicationContext context = capture.during(() -> new SpringApplicationBuilder(DataGuardianApplication.class)
                    .run(arguments(args)));
            return new RunningApp(context, capture.text(), ownDir);
        } catch (RuntimeException ex) {
            delete(ownDir);
            throw new StartFailed(capture.text(), ex);
        }
    }

    private static void delete(Path dir) {
        FileSystemUtils.deleteRecursively(dir.toFile());
        // Tomcat publishes its base directory JVM-wide (catalina.base, and catalina.home once): the next app
        // started in this JVM would create the deleted directory again
        for (String property : List.of("catalina.home", "catalina.base")) {
            String value = System.getProperty(property);
            if (value != null && Path.of(value).startsWith(dir)) {
                System.clearProperty(property);
            }
        }
    }

    /** Starts the app expecting it to fail; returns what it printed. */
    public static StartFailed startExpectingFailure(Map<String, String> settings) {
        try {
            RunningApp app = start(settings);
            app.close();
            throw new AssertionError("the application started although it should not have");
        } catch (StartFailed failed) {
            return failed;
        }
    }

    private static String[] arguments(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return args.toArray(String[]::new);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String startupOutput() {
        return startupOutput;
    }

    /** The administrator password printed on first start, if one was printed. */
    public String printedAdminPassword() {
        Matcher m = PASSWORD_LINE.matcher(startupOutput);
        return m.find() ? m.group(1) : null;
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Browser browser() {
        return new Browser(baseUrl());
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            delete(ownDir);
        }
    }

    /** A failed start and everything printed during it. */
    public static final class StartFailed extends RuntimeException {
        private final String output;

        StartFailed(String output, Throwable cause) {
            super("start-up failed: " + cause, cause);
            this.output = output;
        }

        public String output() {
            return output;
        }
    }

    /** A cookie-keeping HTTP client that behaves like a browser on the form login. */
    public static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final String base;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Browser(String base) {
            this.base = base;
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        /** A GET as a browser in a given language sends it. */
        public HttpResponse<String> get(String path, String accept, String acceptLanguage) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                    .header("Accept-Language", acceptLanguage).GET().build());
        }

        /** Posts a form with the CSRF token taken from the page at {@code pageWithForm}. */
        public HttpResponse<String> postForm(String pageWithForm, String action, Map<String, String> fields) {
            String page = get(pageWithForm).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new AssertionError("no CSRF token on " + pageWithForm + ":\n" + page);
            }
            StringBuilder body = new StringBuilder("_csrf=").append(encode(m.group(1)));
            fields.forEach((k, v) -> body.append('&').append(encode(k)).append('=').append(encode(v)));
            return send(HttpRequest.newBuilder(URI.create(base + action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build());
        }

        public HttpResponse<String> login(String username, String password) {
            return postForm("/login", "/login", Map.of("username", username, "password", password));
        }

        private static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Copies System.out and System.err into a buffer while still printing them. */
    private static final class Capture {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        <T> T during(java.util.function.Supplier<T> action) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            System.setOut(new PrintStream(new Tee(out, buffer), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(err, buffer), true, StandardCharsets.UTF_8));
            try {
                return action.get();
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
        }

        String text() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final ByteArrayOutputStream b;

        Tee(OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            synchronized (b) {
                b.write(bytes, off, len);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
        }
    }
}
