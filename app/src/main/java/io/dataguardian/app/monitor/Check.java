package io.dataguardian.app.monitor;

import io.dataguardian.engine.Severity;
import java.util.Map;

/**
 * One rule's verdict on one subject at one evaluation. Over threshold when {@code value > threshold}
 * (rules where lower is worse, like cache hit rate, check the complement: miss rate).
 *
 * @param key       stable identity of the alert: category + subject
 * @param category  rule family, the recommendations' de-duplication key with the subject
 * @param evidence  the numbers behind the verdict, as shown to the administrator
 * @param advice    what to do, with the numbers in it
 */
public record Check(String key, String category, String subject, Severity severity, double value,
                    double threshold, String unit, Map<String, Object> evidence, String advice) {

    public boolean over() {
        return value > threshold;
    }
}
