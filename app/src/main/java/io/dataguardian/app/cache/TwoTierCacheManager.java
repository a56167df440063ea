package io.dataguardian.app.cache;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import tools.jackson.databind.JavaType;

/**
 * Spring's view of {@link TwoTierCache}: one {@link Cache} per namespace, so {@code @Cacheable} and
 * {@code @CacheEvict} work. Keys must be {@link OrgKey}s (see {@link OrgKeyGenerator}). Values go to
 * Redis only for namespaces with a declared {@code value-type}; the others stay in L1, with deletes
 * still broadcast to every node.
 */
public class TwoTierCacheManager implements CacheManager {

    private final TwoTierCache cache;
    private final CacheCodec codec;
    private final Map<String, JavaType> valueTypes = new ConcurrentHashMap<>();
    private final Map<String, TwoTierSpringCache> views = new ConcurrentHashMap<>();

    public TwoTierCacheManager(TwoTierCache cache, CacheCodec codec, CacheProperties props) {
        this.cache = cache;
        this.codec = codec;
        props.getNamespaces().forEach((name, ns) -> {
            if (ns.getValueType() != null) {
                valueTypes.put(name, codec.type(ns.getValueType()));
            }
        });
    }

    /** Declares the type of a namespace's values so the Spring view can read them back from Redis. */
    public TwoTierCacheManager valueType(String namespace, Class<?> type) {
        valueTypes.put(namespace, codec.type(type));
        views.remove(namespace);
        return this;
    }

    @Override
    public Cache getCache(String name) {
        return views.computeIfAbsent(name, n -> {
            cache.namespace(n);
            return new TwoTierSpringCache(n, cache, valueTypes.get(n));
        });
    }

    @Override
    public Collection<String> getCacheNames() {
        return cache.namespaceNames();
    }
}
