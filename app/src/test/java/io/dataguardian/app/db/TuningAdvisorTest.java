package io.dataguardian.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TuningAdvisorTest {

    static Map<String, String> values(List<PgTuneRules.Recommendation> rs) {
        return rs.stream().collect(Collectors.toMap(PgTuneRules.Recommendation::name, PgTuneRules.Recommendation::value));
    }

    @Test
    void pgtuneRulesFor16GbFourCpusSsd() {
        Map<String, String> v = values(PgTuneRules.recommend(new PgTuneRules.Server(16L << 30, 4, "ssd", 100)));
        assertThat(v).containsEntry("shared_buffers", "4GB")
                .containsEntry("effective_cache_size", "12GB")
                .containsEntry("maintenance_work_mem", "1GB")
                .containsEntry("checkpoint_completion_target", "0.9")
                .containsEntry("wal_buffers", "16MB")
                .containsEntry("max_wal_size", "4GB")
                .containsEntry("random_page_cost", "1.1")
                .containsEntry("effective_io_concurrency", "200")
                .containsEntry("max_connections", "100")
                // (16GB - 4GB) / 300 / 2 = 20.48MB
                .containsEntry("work_mem", "20MB");
    }

    @Test
    void smallAndSpinningServersGetTheirOwnValues() {
        Map<String, String> v = values(PgTuneRules.recommend(new PgTuneRules.Server(1L << 30, 1, "hdd", 20)));
        assertThat(v).containsEntry("shared_buffers", "256MB")
                .containsEntry("maintenance_work_mem", "64MB")
                .containsEntry("wal_buffers", "7MB")
                .containsEntry("random_page_cost", "4")
                .containsEntry("effective_io_concurrency", "2");
        Map<String, String> big = values(PgTuneRules.recommend(new PgTuneRules.Server(64L << 30, 16, "san", 200)));
        assertThat(big).containsEntry("maintenance_work_mem", "2GB").containsEntry("effective_io_concurrency", "300");
    }

    @Test
    void unitsCompareByValue() {
        assertThat(TuningAdvisor.normalise("4GB")).isEqualTo(TuningAdvisor.normalise("4096MB"));
        assertThat(TuningAdvisor.normalise("0.9")).isEqualTo(TuningAdvisor.normalise("0.90"));
    }

    @Test
    void readsPgSettingsAndWritesAnAlterSystemScriptWithoutApplyingIt() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        try {
            DatabaseProperties properties = new DatabaseProperties();
            properties.getTuning().setMemory(DataSize.ofGigabytes(8));
            properties.getTuning().setCpus(2);
            TuningAdvisor advisor = new TuningAdvisor(db.dataSource(), properties);
            TuningAdvisor.Report report = advisor.advise();
            assertThat(report.settings()).hasSize(10).allMatch(a -> a.current() != null);
            TuningAdvisor.Advice shared = report.settings().stream()
                    .filter(a -> a.name().equals("shared_buffers")).findFirst().orElseThrow();
            assertThat(shared.recommended()).isEqualTo("2GB");
            assertThat(shared.needsRestart()).isTrue();
            assertThat(report.settings().stream().filter(a -> a.name().equals("work_mem")).findFirst().orElseThrow()
                    .needsRestart()).isFalse();
            assertThat(report.script()).contains("SELECT pg_reload_conf();");
            report.settings().stream().filter(TuningAdvisor.Advice::differs).forEach(a ->
                    assertThat(report.script()).contains("ALTER SYSTEM SET " + a.name() + " = '" + a.recommended() + "'"));

            // applying needs a superuser: an ordinary role is refused before anything changes
            String role = "tune_" + db.schema();
            db.jdbc().sql("create role " + role + " login password '" + role + "'").update();
            try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, role, role)) {
                assertThatThrownBy(() -> advisor.apply(c, report)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("superuser");
            } finally {
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("drop role " + role);
                }
            }
        } finally {
            db.drop();
        }
    }
}
