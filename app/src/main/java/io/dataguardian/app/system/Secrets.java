package io.dataguardian.app.system;

import java.util.regex.Pattern;

/** Removes credentials from connection URLs before they are logged or shown. */
public final class Secrets {

    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/@:]*):[^/@]*@");
    private static final Pattern QUERY_PASSWORD =
            Pattern.compile("(?i)([?&;](?:password|pass|pwd|sslpassword)=)[^&;]*");

    private Secrets() {
    }

    /** {@code redis://:pw@host:6379} becomes {@code redis://host:6379}; {@code ?password=x} becomes {@code ?password=***}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1@");
        masked = masked.replace("//@", "//");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }
}
