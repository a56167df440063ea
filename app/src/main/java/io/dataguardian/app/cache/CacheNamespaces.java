package io.dataguardian.app.cache;

import java.util.regex.Pattern;

/** The namespaces the product uses; each has its TTL in {@link CacheProperties}. */
public final class CacheNamespaces {

    public static final String SCAN_RESULTS = "scan-results";
    public static final String COMPLIANCE_SCORES = "compliance-scores";
    public static final String DASHBOARD = "dashboard";
    public static final String LARGE_DATASETS = "large-datasets";
    /** Live progress of running scans, kept apart so progress ticks do not invalidate cached lists. */
    public static final String SCAN_PROGRESS = "scan-progress";
    public static final String DEFAULT = "default";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private CacheNamespaces() {
    }

    static String requireValidName(String namespace) {
        if (namespace == null || !NAME.matcher(namespace).matches()) {
            throw new IllegalArgumentException("cache namespace must match " + NAME + ": " + namespace);
        }
        return namespace;
    }

    /** Organisation ids end up between colons in Redis keys, so a colon would let two tenants collide. */
    static String requireValidOrg(String org) {
        if (org == null || org.isBlank() || org.indexOf(':') >= 0 || org.indexOf('*') >= 0) {
            throw new IllegalArgumentException("organisation id must be non-blank and contain no ':' or '*'");
        }
        return org;
    }
}
