package io.dataguardian.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The jackson-core generators write exactly what databind's mapper (INDENT_OUTPUT on and off) wrote before. */
class JsonTest {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static String write(Function<ByteArrayOutputStream, JsonGenerator> generator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = generator.apply(out)) {
            g.writeStartObject();
            g.writeStringProperty("version", "1.0 \"quoted\" / é \u2028 \u0001");
            g.writeNumberProperty("count", 42);
            g.writeNumberProperty("confidence", 0.85);
            g.writeBooleanProperty("cancelled", false);
            g.writeNullProperty("none");
            g.writeArrayPropertyStart("findings");
            g.writeStartObject();
            g.writeObjectPropertyStart("location");
            g.writeNumberProperty("line", 3);
            g.writeEndObject();
            g.writeArrayPropertyStart("articles");
            g.writeString("GDPR Art. 6");
            g.writeString("UAVG Art. 46");
            g.writeEndArray();
            g.writeArrayPropertyStart("empty");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectPropertyStart("nothing");
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void indentedAsDatabindsIndentOutput() {
        assertThat(write(Json::generator)).isEqualTo(write(MAPPER::createGenerator)).contains("\n  \"count\" : 42");
    }

    @Test
    void compactAsDatabindWithoutIndentation() {
        assertThat(write(Json::compactGenerator))
                .isEqualTo(write(out -> MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).createGenerator(out)))
                .doesNotContain("\n");
    }
}
