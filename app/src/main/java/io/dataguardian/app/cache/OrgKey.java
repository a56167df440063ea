package io.dataguardian.app.cache;

import java.util.Objects;

/**
 * A cache key that always carries the organisation, so the Spring cache view can build
 * {@code dg:{namespace}:{org}:{key}} and one organisation never reads another's entry.
 */
public record OrgKey(String org, String key) {

    public OrgKey {
        CacheNamespaces.requireValidOrg(org);
        Objects.requireNonNull(key, "key");
    }

    public static OrgKey of(Object org, Object key) {
        return new OrgKey(String.valueOf(org), String.valueOf(key));
    }
}
