package io.dataguardian.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Faults the local PostgreSQL (trust authentication) cannot produce: a refused password. The
 * exception is the one the PostgreSQL driver throws (SQLState 28P01).
 */
class StartupFailureAnalyzerTest {

    private final StartupFailureAnalyzer analyzer = new StartupFailureAnalyzer();

    @Test
    void refusedPasswordNamesThePasswordSetting() {
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"dg\"", "28P01");
        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("Unable to obtain connection", refused));
        assertThat(analysis.getDescription()).startsWith("DATAGUARDIAN_DB_PASSWORD (or DATAGUARDIAN_DB_USER): the database refused the password");
    }

    @Test
    void unrelatedFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
    }

    @Test
    void credentialsInUrlsAreMasked() {
        assertThat(Secrets.maskUrl("redis://:hunter2@cache:6379")).isEqualTo("redis://cache:6379");
        assertThat(Secrets.maskUrl("redis://app:hunter2@cache:6379/0")).isEqualTo("redis://app@cache:6379/0");
        assertThat(Secrets.maskUrl("jdbc:postgresql://db/x?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
    }
}
