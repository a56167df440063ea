package io.dataguardian.app.account;

import java.util.Locale;

/** What an API token may do. Tokens reach only {@code /api/scans/**} (scans, findings, reports, errors). */
public enum TokenScope {
    /** GET: list and read scans, findings, file errors and reports. */
    SCANS_READ("scans:read"),
    /** POST/PUT/PATCH/DELETE: submit and cancel scans (the user's role must allow it too). */
    SCANS_WRITE("scans:write");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static TokenScope parse(String value) {
        for (TokenScope s : values()) {
            if (s.value.equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + value + "' (known: scans:read, scans:write)");
    }
}
