package io.dataguardian.app.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A test run once on each database, by default the real PostgreSQL and H2 in the embedded default's mode: the
 * method takes a {@link TestDatabase}. Each database is made once for the test class and dropped after it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@ArgumentsSource(Databases.class)
public @interface OnEachDatabase {

    /** The databases to run on. */
    DatabaseKind[] value() default {DatabaseKind.POSTGRESQL, DatabaseKind.H2};
}
