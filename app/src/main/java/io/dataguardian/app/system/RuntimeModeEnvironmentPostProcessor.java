package io.dataguardian.app.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns the few {@code dataguardian.*} settings (environment variables {@code DATAGUARDIAN_*}) into
 * the Spring configuration of one of the two ways to run, and logs one line naming the mode.
 *
 * <ul>
 * <li>No {@code dataguardian.db.url}: H2 file database under {@code dataguardian.data-dir}
 * (default {@code ./data}).</li>
 * <li>{@code dataguardian.db.url}: PostgreSQL, with short connect and login timeouts so a wrong
 * setting fails start-up quickly.</li>
 * <li>No {@code dataguardian.redis.url}: every Redis auto-configuration is switched off; cache in
 * process, sessions in the database.</li>
 * <li>{@code dataguardian.redis.url} and Redis answers PING: sessions in Redis (indexed repository).
 * Redis does not answer: sessions stay in the database (Spring Session's indexed Redis repository
 * cannot start without Redis), one WARN line says so, and the Redis health indicator reports DOWN.</li>
 * </ul>
 * Properties are added with the lowest precedence so an explicit {@code spring.*} setting still wins;
 * only the auto-configuration exclusions are merged in with the highest precedence.
 */
public class RuntimeModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String DB_URL = "dataguardian.db.url";
    public static final String DB_USER = "dataguardian.db.user";
    public static final String DB_PASSWORD = "dataguardian.db.password";
    public static final String REDIS_URL = "dataguardian.redis.url";
    public static final String DATA_DIR = "dataguardian.data-dir";
    /** Set by this class; read by the health/mode code and by the failure analyzer. */
    public static final String MODE_DESCRIPTION = "dataguardian.runtime.mode";
    public static final String SESSION_STORE = "dataguardian.runtime.session-store";

    static final int REDIS_PROBE_TIMEOUT_MILLIS = 1000;

    /**
     * An observation (timer lookup with command and remote-address tags) around every Redis command: with sessions in
     * Redis that is every request, for a meter nothing here reads (the cache tier has its own). Off in both modes.
     */
    static final String REDIS_COMMAND_OBSERVATIONS =
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration";

    private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            REDIS_COMMAND_OBSERVATIONS);
    private static final String REDIS_SESSIONS =
            "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration";
    private static final String JDBC_SESSIONS =
            "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    private final Log log;

    public RuntimeModeEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(RuntimeModeEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // after application.yml and friends are loaded
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        Set<String> excludes = new LinkedHashSet<>();
        String database;
        String rest;

        String dbUrl = setting(env, DB_URL);
        if (dbUrl == null) {
            String dataDir = stripTrailingSlash(env.getProperty(DATA_DIR, "./data"));
            String file = dataDir + "/dataguardian";
            props.put("spring.datasource.url", "jdbc:h2:file:" + file
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
            database = "embedded (H2 file " + file + ")";
        } else {
            if (!dbUrl.startsWith("jdbc:postgresql://")) {
                throw new InvalidSettingException("DATAGUARDIAN_DB_URL",
                        "expected a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/dataguardian, got '"
                                + Secrets.maskUrl(dbUrl) + "'");
            }
            String user = env.getProperty(DB_USER, "dataguardian");
            props.put("spring.datasource.url", dbUrl);
            props.put("spring.datasource.username", user);
            props.put("spring.datasource.password", env.getProperty(DB_PASSWORD, ""));
            props.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
            // seconds: refuse to hang on an unreachable host or a server that never answers the login
            props.put("spring.datasource.hikari.data-source-properties.connectTimeout",
                    String.valueOf(DatabaseProbe.CONNECT_TIMEOUT_SECONDS));
            props.put("spring.datasource.hikari.data-source-properties.loginTimeout",
                    String.valueOf(DatabaseProbe.LOGIN_TIMEOUT_SECONDS));
            props.put("spring.datasource.hikari.data-source-properties.ApplicationName", "dataguardian");
            database = "PostgreSQL " + Secrets.maskUrl(dbUrl) + " (user " + user + ")";
            if (env.getProperty("dataguardian.db.startup-check", Boolean.class, true)) {
                log.info("Checking the database connection: " + database);
                DatabaseProbe.check(dbUrl, user, env.getProperty(DB_PASSWORD, ""));
            }
        }

        String redisUrl = setting(env, REDIS_URL);
        String sessionStore;
        if (redisUrl == null) {
            excludes.addAll(REDIS_AUTO_CONFIGURATIONS);
            excludes.add(REDIS_SESSIONS);
            sessionStore = "jdbc";
            rest = "in-process cache, sessions in database";
        } else {
            excludes.add(REDIS_COMMAND_OBSERVATIONS);
            props.put("spring.data.redis.url", redisUrl);
            props.put("spring.data.redis.connect-timeout", "2s");
            props.put("spring.data.redis.timeout", "2s");
            String problem = RedisProbe.ping(redisUrl, REDIS_PROBE_TIMEOUT_MILLIS);
            if (problem == null) {
                excludes.add(JDBC_SESSIONS);
                props.put("spring.session.data.redis.repository-type", "indexed");
                sessionStore = "redis";
                rest = "Redis " + Secrets.maskUrl(redisUrl) + ", sessions in Redis";
            } else {
                excludes.add(REDIS_SESSIONS);
                sessionStore = "jdbc";
                rest = "Redis " + Secrets.maskUrl(redisUrl) + " UNREACHABLE at start-up, sessions in database";
                log.warn("Redis at " + Secrets.maskUrl(redisUrl) + " did not answer at start-up (" + problem
                        + "): sessions are kept in the database until the next restart; health shows redis DOWN");
            }
        }
        String mode = "DataGuardian mode: " + database + ", " + rest;
        props.put(MODE_DESCRIPTION, mode);
        props.put(SESSION_STORE, sessionStore);
        log.info(mode);

        env.getPropertySources().addLast(new MapPropertySource("dataguardianRuntimeMode", props));
        if (!excludes.isEmpty()) {
            List<String> merged = new ArrayList<>(Binder.get(env)
                    .bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
                    .orElse(List.of()));
            merged.addAll(excludes);
            env.getPropertySources().addFirst(new MapPropertySource("dataguardianAutoConfigurationExclusions",
                    Map.of("spring.autoconfigure.exclude", String.join(",", merged))));
        }
    }

    private static String setting(ConfigurableEnvironment env, String name) {
        String value = env.getProperty(name);
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    private static String stripTrailingSlash(String dir) {
        return dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    }
}
