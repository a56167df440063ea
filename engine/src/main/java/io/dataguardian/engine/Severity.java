package io.dataguardian.engine;

/**
 * The one severity vocabulary of the product. Ordered from most to least severe, so
 * {@code a.compareTo(b) < 0} means {@code a} is worse than {@code b}.
 */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown severity '" + text + "' (expected one of CRITICAL, HIGH, MEDIUM, LOW)");
        }
    }
}
