package io.dataguardian.engine.report;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the report writers. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    static JsonGenerator generator(OutputStream out) {
        return MAPPER.createGenerator(out);
    }
}
