package io.dataguardian.app.cache;

/**
 * Published on {@code {prefix}:invalidate} by the node that changed or deleted an entry; every other
 * node drops its L1 copy. {@code org} and {@code key} null: the whole namespace.
 */
public record Invalidation(String node, String ns, String org, String key) {

    boolean wholeNamespace() {
        return key == null;
    }

    Invalidation withoutNode() {
        return new Invalidation(null, ns, org, key);
    }
}
