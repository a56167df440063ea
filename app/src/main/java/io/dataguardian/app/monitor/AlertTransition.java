package io.dataguardian.app.monitor;

import io.dataguardian.engine.Severity;

/** An alert firing or resolving. {@code state} is FIRING or RESOLVED; time in epoch milliseconds. */
public record AlertTransition(long time, String key, String state, Severity severity, double value,
                              double threshold, String unit) {
}
