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

    /**
     * Without indentation, for reports read by machines (SARIF): on finding-dense scans the pretty
     * printer wrote ~40% of the bytes and cost ~8% of the command's CPU.
     */
    static JsonGenerator compactGenerator(OutputStream out) {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).createGenerator(out);
    }
}
