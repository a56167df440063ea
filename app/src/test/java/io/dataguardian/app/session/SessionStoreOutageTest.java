package io.dataguardian.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.TestInfrastructure;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;

/**
 * Sessions in a Redis of the test's own (a {@code redis-server} it starts and stops, on
 * {@code dataguardian.test.outage-redis-port}, default 16391) with PostgreSQL: while that Redis is down, a signed-in
 * request, the login page and a login answer 503 with Retry-After — never 500, never a 302 whose session was not
 * stored — and when Redis is back, logging in works again without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionStoreOutageTest {

    static final String PASSWORD = "correct-horse-battery";
    static final int PORT = Integer.getInteger("dataguardian.test.outage-redis-port", 16391);

    private Process redis;
    private Path redisDir;
    private RunningApp app;
    private String schema;
    private String user;

    @BeforeAll
    void start() throws Exception {
        redisDir = Files.createTempDirectory("dg-outage-redis");
        startRedis();
        schema = TestInfrastructure.createSchema("outage");
        app = RunningApp.start(Map.of(
                "dataguardian.db.url", TestInfrastructure.urlFor(schema),
                "dataguardian.db.user", TestInfrastructure.PG_USER,
                "dataguardian.db.password", TestInfrastructure.PG_PASSWORD,
                "dataguardian.redis.url", "redis://127.0.0.1:" + PORT,
                "spring.data.redis.timeout", "1s"));
        AccountRepository accounts = app.context().getBean(AccountRepository.class);
        long org = accounts.createOrganisation("Outage " + System.nanoTime());
        user = "outage-" + Long.toString(System.nanoTime(), 36);
        accounts.addMembership(accounts.createUser(user, app.context().getBean(PasswordEncoder.class).encode(PASSWORD)),
                org, Role.ANALYST);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        stopRedis();
        if (redisDir != null) {
            FileSystemUtils.deleteRecursively(redisDir.toFile());
        }
        if (schema != null) {
            TestInfrastructure.dropSchema(schema);
        }
    }

    @Test
    void whileRedisIsDownRequestsAndLoginsAnswer503AndLoginWorksAgainWhenItIsBack() throws Exception {
        assertThat(app.context().getBean(SessionStore.class).kind()).isEqualTo("redis");
        WebClient signedIn = new WebClient(app.baseUrl()).login(user, PASSWORD);
        assertThat(signedIn.get("/api/scans").statusCode()).isEqualTo(200);
        WebClient half = new WebClient(app.baseUrl());
        String csrf = half.csrfFrom("/login");

        stopRedis();

        HttpResponse<String> api = signedIn.get("/api/scans");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(api.body()).contains("\"error\":\"session_store_unavailable\"");

        HttpResponse<String> page = new WebClient(app.baseUrl())
                .send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login")).header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Try again shortly");

        HttpResponse<String> login = half.postForm("/login", "_csrf=" + csrf + "&username=" + user + "&password=" + PASSWORD);
        assertThat(login.statusCode()).as("a login whose session cannot be stored").isEqualTo(503);
        assertThat(login.headers().firstValue("Location")).isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION=") && !c.startsWith("SESSION=;"));

        startRedis();

        WebClient again = new WebClient(app.baseUrl());
        for (int attempt = 0; attempt < 50 && again.get("/login").statusCode() != 200; attempt++) {
            Thread.sleep(200); // Lettuce reconnects in the background
        }
        again.login(user, PASSWORD);
        assertThat(again.get("/api/scans").statusCode()).isEqualTo(200);
    }

    private void startRedis() throws IOException, InterruptedException {
        try (Socket taken = new Socket("127.0.0.1", PORT)) {
            throw new IllegalStateException("port " + PORT + " is already in use: this test needs a Redis it can stop; "
                    + "set -Ddataguardian.test.outage-redis-port to a free port");
        } catch (IOException free) {
            // nothing listens there: start our own
        }
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", redisDir.toString())
                .redirectErrorStream(true).redirectOutput(new File(redisDir.toFile(), "redis.log")).start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", PORT)) {
                return;
            } catch (IOException notYet) {
                if (!redis.isAlive()) {
                    // its log goes with redisDir after the test: quote it here
                    throw new IllegalStateException("redis-server on port " + PORT + " did not start (port taken?); "
                            + "set -Ddataguardian.test.outage-redis-port. Its log:\n"
                            + Files.readString(redisDir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server on port " + PORT + " did not open its port");
    }

    private void stopRedis() {
        if (redis != null && redis.isAlive()) {
            redis.destroy();
            try {
                if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                    redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
