package io.dataguardian.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The monitor endpoints behind the application's real security rules (the foundation's
 * SecurityConfiguration, found by name) with only the monitor's beans: only ADMIN gets through, and the
 * export validates against docs/monitor-export-schema.json.
 */
@SpringJUnitWebConfig(MonitorEndpointsTest.Web.class)
@TestPropertySource(properties = {"dataguardian.monitor.sample-interval=1h", "dataguardian.monitor.alerts.consecutive=1"})
class MonitorEndpointsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableWebSecurity
    @Import({MonitorConfiguration.class, MonitorController.class})
    @ComponentScan(basePackages = "io.dataguardian.app.web", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.SecurityConfiguration"))
    static class Web {
        @Bean
        MeterRegistry meterRegistry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    MonitorService monitor;
    @Autowired
    Profiler profiler;
    @Autowired
    MeterRegistry registry;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        // pages redirect to the login form; /api/** answers 401 (account hardening, docs/security.md)
        mvc.perform(get("/admin/monitor/profile.json")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/api/admin/monitor/profile")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIEWER", "ANALYST"})
    void nonAdministratorsAreForbidden(String role) throws Exception {
        var user = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("someone").roles(role);
        for (String url : new String[] {"/api/admin/monitor/profile", "/admin/monitor/profile.json",
                "/api/admin/monitor/operations", "/api/admin/monitor/alerts", "/api/admin/monitor/jfr",
                "/admin/monitor/jfr/recording.jfr"}) {
            mvc.perform(get(url).with(user)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/admin/monitor/jfr").param("seconds", "1").with(user).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void exportValidatesAgainstItsSchema() throws Exception {
        for (int i = 0; i < 20; i++) {
            profiler.time("scan", "extract", () -> new byte[4096]);
        }
        Timer.builder(OperationsView.DB_QUERY).tag("query", "select findings").publishPercentileHistogram()
                .register(registry).record(900, TimeUnit.MILLISECONDS);
        for (int i = 0; i < 5; i++) {
            Timer.builder(OperationsView.DB_QUERY).tag("query", "select findings").register(registry)
                    .record(900, TimeUnit.MILLISECONDS);
        }
        monitor.tick();
        monitor.tick(); // a slow query over 0.5 s: a bottleneck, an alert, a recommendation

        MvcResult result = mvc.perform(get("/api/admin/monitor/profile")).andExpect(status().isOk()).andReturn();
        String json = result.getResponse().getContentAsString();
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("../docs/monitor-export-schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
        assertThat(json).contains("\"schemaVersion\":\"1\"", "\"scan.extract\"", "\"slow-query\"", "\"FIRING\"");
        assertThat(monitor.profile().resources().series()).hasSizeGreaterThanOrEqualTo(2);

        mvc.perform(get("/admin/monitor/profile.json")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment; filename=\"dataguardian-profile-")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void oneJfrRecordingAtATimeDownloadedOnce() throws Exception {
        mvc.perform(get("/admin/monitor/jfr/recording.jfr")).andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/monitor/jfr").param("seconds", "0").with(csrf())).andExpect(status().isBadRequest());
        // a recording long enough that the second request always finds it running, then ended early
        mvc.perform(post("/api/admin/monitor/jfr").param("seconds", "60").with(csrf())).andExpect(status().isAccepted());
        mvc.perform(post("/api/admin/monitor/jfr").param("seconds", "1").with(csrf())).andExpect(status().isConflict());
        JfrRecorder jfr = context.getBean(JfrRecorder.class);
        jfr.stop();
        for (int i = 0; i < 600 && !"FINISHED".equals(jfr.status().state()); i++) {
            Thread.sleep(100); // waits for the recording to end; asserts nothing about how long it took
        }
        assertThat(jfr.status().state()).isEqualTo("FINISHED");
        MvcResult download = mvc.perform(get("/admin/monitor/jfr/recording.jfr")).andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(download))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".jfr")));
        byte[] body = download.getResponse().getContentAsByteArray();
        assertThat(new String(body, 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("FLR");
        mvc.perform(get("/admin/monitor/jfr/recording.jfr")).andExpect(status().isNotFound());
        assertThat(jfr.status().state()).isEqualTo("IDLE");
    }
}
