package io.dataguardian.engine.report;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The JSON generators of the report writers, straight from jackson-core: the writers only stream tokens, and building
 * a databind mapper (type factory, date formats, locales) cost a short scan ~0.1-0.4 s of start-up.
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What databind's INDENT_OUTPUT writes with: a fresh {@link DefaultPrettyPrinter} per generator. */
    private static final ObjectWriteContext INDENTED = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private Json() {
    }

    static JsonGenerator generator(OutputStream out) {
        return FACTORY.createGenerator(INDENTED, out);
    }

    /**
     * Without indentation, for reports read by machines (SARIF): on finding-dense scans the pretty
     * printer wrote ~40% of the bytes and cost ~8% of the command's CPU.
     */
    static JsonGenerator compactGenerator(OutputStream out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }
}
