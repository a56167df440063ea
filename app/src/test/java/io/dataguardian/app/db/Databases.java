package io.dataguardian.app.db;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The arguments of {@link OnEachDatabase}: each database is made once per test class, on first use, and kept in
 * the class's extension store, which drops it after the class's last test.
 */
final class Databases implements ArgumentsProvider, AnnotationConsumer<OnEachDatabase> {

    private DatabaseKind[] kinds;

    @Override
    public void accept(OnEachDatabase annotation) {
        kinds = annotation.value();
    }

    @Override
    public Stream<Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        ExtensionContext testClass = context;
        while (testClass.getTestMethod().isPresent()) {
            testClass = testClass.getParent().orElseThrow();
        }
        Made made = testClass.getStore(ExtensionContext.Namespace.create(Databases.class))
                .computeIfAbsent(Made.class, k -> new Made(), Made.class);
        return Arrays.stream(kinds).map(made::get).map(Arguments::of);
    }

    /** The store closes its AutoCloseable values when its test class is done. */
    private static final class Made implements AutoCloseable {
        private final Map<DatabaseKind, TestDatabase> byKind = new EnumMap<>(DatabaseKind.class);

        synchronized TestDatabase get(DatabaseKind kind) {
            return byKind.computeIfAbsent(kind, TestDatabase::of);
        }

        @Override
        public synchronized void close() {
            byKind.values().forEach(TestDatabase::drop);
            byKind.clear();
        }
    }
}
