package io.dataguardian.engine.db;

import java.util.regex.Pattern;

/** Makes JDBC URLs and driver messages safe to show: no passwords, ever. */
public final class JdbcUrls {

    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|sslpassword|accesstoken|clientsecret|keystorepassword"
                    + "|truststorepassword|sslkeypassword)\\s*=\\s*)([^;&,)\\s]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:;?\\s]*):([^/@\\s]*)@");

    private JdbcUrls() {
    }

    /**
     * The URL with every password-like parameter ({@code password=}, {@code pwd=}, ...) and the
     * password of a {@code user:pass@host} replaced by {@code ***}.
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String s = SECRET_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("$1:***@");
    }

    /** A driver message made safe: URL secrets redacted and the password itself blanked if echoed. */
    static String sanitize(String message, String password) {
        if (message == null) {
            return "";
        }
        String s = redact(message);
        if (password != null && password.length() >= 3) {
            s = s.replace(password, "***");
        }
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
