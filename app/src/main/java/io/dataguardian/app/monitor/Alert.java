package io.dataguardian.app.monitor;

import io.dataguardian.engine.Severity;

/** A firing alert: a check over its threshold for several consecutive evaluations. */
public record Alert(String key, String category, String subject, Severity severity, long since, double value,
                    double threshold, String unit, String advice) {
}
