package io.dataguardian.engine.scan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints byte sizes: {@code 1048576}, {@code 10MB}, {@code 10 MiB}, {@code 2g}. Units are binary (1 KB = 1024). */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?\\s*");

    private Sizes() {
    }

    /** @throws IllegalArgumentException when the text is not a size */
    public static long parse(String text) {
        Matcher m = text == null ? null : SIZE.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("invalid size '" + text + "' (examples: 1048576, 512KB, 10MB, 2GB)");
        }
        double n = Double.parseDouble(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        double bytes = n * (1L << shift);
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("size out of range '" + text + "'");
        }
        return (long) bytes;
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return oneDecimal(v) + " " + units[u];
    }

    /**
     * {@code String.format(Locale.ROOT, "%.1f", v)} (half up, from the double's shortest decimal form) without a
     * Formatter: the CLI prints its summary line once per run, and the first Formatter with a decimal loads the
     * locale data behind DecimalFormatSymbols, ~10 ms on the start-up path.
     */
    public static String oneDecimal(double v) {
        if (!(v >= 0) || Double.isInfinite(v) || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
            // NaN, infinities and negative values (-0.0 and -0.04 print as "-0.0") are left to the Formatter
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
