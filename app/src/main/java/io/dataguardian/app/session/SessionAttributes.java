package io.dataguardian.app.session;

/**
 * Our attributes on a session. Small, JSON-friendly values (Long, String, ArrayList of String) so the session stays
 * cheap to store and readable by any node.
 */
public final class SessionAttributes {

    /** Epoch milliseconds of the login: the start of the absolute lifetime. */
    public static final String LOGIN_AT = "dataguardian.loginAt";
    /** Client address at login, truncated (IPv4 /24, IPv6 /48). */
    public static final String CLIENT_ADDRESS = "dataguardian.clientAddress";
    public static final String USER_AGENT = "dataguardian.userAgent";
    /** ArrayList of "instant METHOD /path", newest last. */
    public static final String RECENT_ACTIONS = "dataguardian.recentActions";

    /** Request attributes the login leaves for {@link SessionLimitFilter}. */
    static final String LOGGED_IN_USER = "dataguardian.session.loggedInUser";
    static final String LOGGED_IN_SESSION = "dataguardian.session.loggedInSession";

    private SessionAttributes() {
    }
}
