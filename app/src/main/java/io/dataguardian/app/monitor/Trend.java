package io.dataguardian.app.monitor;

/**
 * Direction of one resource series: mean of the newest third of the last samples against the oldest third.
 *
 * @param change relative change (0.25 = +25%); null when the older mean is 0
 */
public record Trend(String metric, String direction, Double change, Double latest) {

    public static final String RISING = "rising";
    public static final String FALLING = "falling";
    public static final String STABLE = "stable";
}
