package io.dataguardian.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.CustomRule;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final String FULL = """
            version: 1
            include: ["**/*.java", "**/*.csv"]
            exclude:
              - target/
            maxFileSize: 20MB
            gitignore: true
            disabledRules: [ip-address]
            allow:
              fingerprints: [ABCDEF0123456789abcdef0123456789]
              paths: ["test/fixtures/**"]
            rules:
              - id: employee-id
                regex: 'EMP-\\d{6}'
                severity: high
                entityType: EMPLOYEE_ID
                articles: ["GDPR Art. 6"]
                contextWords: [employee, medewerker]
                description: Internal employee number
              - id: project-code
                regex: 'PRJ-[0-9]{4}'
            """;

    static ProjectConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(new StringReader(yaml), ".dataguardian.yml");
    }

    @Test
    void readsEverySetting() throws ConfigException {
        ProjectConfig c = parse(FULL);
        assertThat(c.include()).containsExactly("**/*.java", "**/*.csv");
        assertThat(c.exclude()).containsExactly("target/");
        assertThat(c.maxFileSize()).isEqualTo(20L << 20);
        assertThat(c.gitignore()).isTrue();
        assertThat(c.disabledRules()).containsExactly("ip-address");
        assertThat(c.allowFingerprints()).containsExactly("abcdef0123456789abcdef0123456789");
        assertThat(c.allowPaths()).containsExactly("test/fixtures/**");
        assertThat(c.rules()).containsExactly(
                new CustomRule("employee-id", "EMPLOYEE_ID", "EMP-\\d{6}", Severity.HIGH, List.of("GDPR Art. 6"),
                        List.of("employee", "medewerker"), "Internal employee number"),
                new CustomRule("project-code", "CUSTOM_PROJECT_CODE", "PRJ-[0-9]{4}", Severity.MEDIUM, List.of(),
                        List.of(), "Project rule project-code"));
    }

    @Test
    void anEmptyFileIsAnEmptyConfig() throws ConfigException {
        assertThat(parse("")).isEqualTo(ProjectConfig.EMPTY);
        assertThat(parse("# nothing\n")).isEqualTo(ProjectConfig.EMPTY);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("version: 1\nexclude: [a]\nexlcude: [b]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".dataguardian.yml:3: unknown key 'exlcude'")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> parse("rules:\n  - id: a\n    regex: 'x+'\n    sevrity: LOW\n"))
                .hasMessageStartingWith(".dataguardian.yml:4: unknown key 'sevrity' in a rule");
    }

    @Test
    void aBadRegexIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("rules:\n  - id: a\n    severity: LOW\n    regex: 'EMP-(\\d+'\n"))
                .hasMessageStartingWith(".dataguardian.yml:4: rule 'a': bad regex");
    }

    @Test
    void aBadSeverityIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("rules:\n  - id: a\n    regex: 'x+'\n    severity: URGENT\n"))
                .hasMessageStartingWith(".dataguardian.yml:4: rule 'a': unknown severity 'URGENT'");
    }

    @Test
    void otherMistakesAreNamedWithTheirLine() {
        assertThatThrownBy(() -> parse("version: 1\nmaxFileSize: lots\n")).hasMessageStartingWith(".dataguardian.yml:2: maxFileSize");
        assertThatThrownBy(() -> parse("\n\ninclude: ['src/[a']\n")).hasMessageStartingWith(".dataguardian.yml:3: bad glob");
        assertThatThrownBy(() -> parse("rules:\n  - id: a\n    regex: 'x'\n  - id: a\n    regex: 'y'\n"))
                .hasMessageStartingWith(".dataguardian.yml:4: duplicate rule id 'a'");
        assertThatThrownBy(() -> parse("rules:\n  - regex: 'x'\n")).hasMessageStartingWith(".dataguardian.yml:2: a rule needs an 'id'");
        assertThatThrownBy(() -> parse("exclude: [a\ninclude: b\n")).hasMessageContaining("invalid YAML")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isPositive());
        assertThatThrownBy(() -> parse("rules:\n  - id: a\n    regex: 'x*'\n")).hasMessageContaining("matches the empty string");
    }

    @Test
    void loadsFromAFileAndNamesTheFile(@TempDir Path dir) throws Exception {
        assertThat(ConfigLoader.findIn(dir)).isEqualTo(ProjectConfig.EMPTY);
        Path f = dir.resolve(".dataguardian.yml");
        Files.writeString(f, "gitignore: maybe\n");
        assertThatThrownBy(() -> ConfigLoader.findIn(dir)).hasMessage(f + ":1: gitignore must be true or false");
        Files.writeString(f, FULL);
        assertThat(ConfigLoader.load(f).rules()).hasSize(2);
    }
}
