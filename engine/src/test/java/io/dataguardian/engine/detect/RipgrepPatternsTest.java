package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ripgrep yardstick of the throughput benchmark ({@code bench/scripts/catalogue-patterns.txt}) stays the whole
 * catalogue: one line per built-in detector, named by a group {@code (?P<id-without-dashes>...)}, and each line
 * matches (overlaps) every positive example of its detector. The special-category lines hold exactly their lexicon
 * class's words. Rust's regex syntax is read here through java.util.regex after two rewrites ({@code (?-u)} dropped,
 * {@code (?P<} to {@code (?<}); the constructs the file uses mean the same in both.
 */
class RipgrepPatternsTest {

    static final Path FILE = Path.of("..", "bench", "scripts", "catalogue-patterns.txt");
    private static final Pattern LINE = Pattern.compile("\\(\\?-u\\)\\(\\?P<([a-z0-9]+)>(.*)\\)");

    static Map<String, String> patterns() throws IOException {
        Map<String, String> byGroup = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("line <%s> is (?-u)(?P<name>...)", line).isTrue();
            assertThat(byGroup.put(m.group(1), m.group(2))).as("group %s named twice", m.group(1)).isNull();
        }
        return byGroup;
    }

    static String group(Detector d) {
        return d.id().replace("-", "");
    }

    static Stream<Arguments> positives() {
        return Detectors.ALL.stream().flatMap(d -> d.positives.stream().map(p -> Arguments.of(d.id(), p)));
    }

    @Test
    void oneLinePerBuiltInDetector() throws IOException {
        assertThat(patterns().keySet())
                .containsExactlyInAnyOrderElementsOf(Detectors.ALL.stream().map(RipgrepPatternsTest::group).toList());
    }

    @ParameterizedTest(name = "{0} line matches {1}")
    @MethodSource("positives")
    void eachLineMatchesItsDetectorsPositives(String id, String example) throws IOException {
        int s = example.indexOf("[[");
        int e = example.indexOf("]]") - 2;
        String text = example.replace("[[", "").replace("]]", "");
        Pattern p = Pattern.compile(patterns().get(id.replace("-", "")));
        Matcher m = p.matcher(text);
        List<String> found = new ArrayList<>();
        boolean overlaps = false;
        while (m.find()) {
            found.add(m.group());
            overlaps |= m.start() < e && m.end() > s;
        }
        assertThat(overlaps).as("%s pattern over <%s> found %s", id, text, found).isTrue();
    }

    @Test
    void specialCategoryLinesHoldTheirLexiconWords() throws IOException {
        Map<String, String> byGroup = patterns();
        Map<Ctx, String> groups = Map.of(Ctx.HEALTH, "specialhealth", Ctx.RELIGION, "specialreligion",
                Ctx.ETHNICITY, "specialethnicity", Ctx.POLITICAL, "specialpoliticalopinion",
                Ctx.UNION, "specialtradeunion", Ctx.SEXUAL, "specialsexualorientation",
                Ctx.BIOMETRIC, "specialbiometric", Ctx.GENETIC, "specialgenetic");
        Map<Ctx, List<String>> lexicon = new LinkedHashMap<>();
        try (var in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                Ctx c = Ctx.valueOf(line.substring(0, colon).strip());
                lexicon.computeIfAbsent(c, k -> new ArrayList<>())
                        .addAll(Arrays.asList(line.substring(colon + 1).strip().toLowerCase(Locale.ROOT).split("\\s+")));
            }
        }
        groups.forEach((ctx, group) -> {
            String body = byGroup.get(group);
            assertThat(body).as(group).startsWith("(?i)\\b(?:").endsWith(")\\b");
            String words = body.substring("(?i)\\b(?:".length(), body.length() - ")\\b".length());
            assertThat(Arrays.stream(words.split("\\|")).collect(Collectors.toSet()))
                    .as(group).isEqualTo(Set.copyOf(lexicon.get(ctx)));
        });
    }
}
