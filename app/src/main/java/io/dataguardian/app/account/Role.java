package io.dataguardian.app.account;

/** What a member may do in an organisation; stored in {@code memberships.role}. */
public enum Role {
    /** Manages users, settings and every scan of the organisation; sees the performance pages. */
    ADMIN,
    /** Runs scans and works on findings. */
    ANALYST,
    /** Reads findings and reports. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
