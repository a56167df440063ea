package io.dataguardian.app.monitor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Times a Spring bean method into {@code dataguardian.operation{family,operation,outcome,exception}}
 * (histogram: p50/p95/p99) and {@code dataguardian.operation.allocated{family,operation}} (bytes the
 * calling thread allocated during the call).
 *
 * <p>The value is {@code "family.operation"}, e.g. {@code @Profiled("scan.extract")}: the text before
 * the first dot is the family, switchable with {@code dataguardian.monitor.profiling.<family>.enabled}.
 * On a type, the value is the family and each public method is an operation named after the method.
 * Only calls through the Spring proxy are timed (not {@code this.method()} calls).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Profiled {

    /** {@code "family.operation"} on a method, {@code "family"} on a type. */
    String value();
}
