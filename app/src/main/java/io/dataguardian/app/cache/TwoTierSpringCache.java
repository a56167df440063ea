package io.dataguardian.app.cache;

import java.util.concurrent.Callable;

import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import tools.jackson.databind.JavaType;

/** One namespace as a Spring {@link Cache}; null values are not cached. */
final class TwoTierSpringCache implements Cache {

    private final String name;
    private final TwoTierCache cache;
    private final JavaType valueType;

    TwoTierSpringCache(String name, TwoTierCache cache, JavaType valueType) {
        this.name = name;
        this.cache = cache;
        this.valueType = valueType;
    }

    private static OrgKey orgKey(Object key) {
        if (key instanceof OrgKey k) {
            return k;
        }
        throw new IllegalArgumentException("cache keys must carry the organisation: use OrgKey or keyGenerator = \""
                + OrgKeyGenerator.BEAN_NAME + "\"");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getNativeCache() {
        return cache;
    }

    @Override
    public ValueWrapper get(Object key) {
        OrgKey k = orgKey(key);
        Object v = cache.get(name, k.org(), k.key(), valueType, () -> null);
        return v == null ? null : new SimpleValueWrapper(v);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Class<T> type) {
        OrgKey k = orgKey(key);
        Object v = cache.get(name, k.org(), k.key(), valueType, () -> null);
        if (v != null && type != null && !type.isInstance(v)) {
            throw new IllegalStateException("cached value is not a " + type.getName());
        }
        return (T) v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Callable<T> valueLoader) {
        OrgKey k = orgKey(key);
        return (T) cache.get(name, k.org(), k.key(), valueType, () -> {
            try {
                return valueLoader.call();
            } catch (Exception e) {
                throw new ValueRetrievalException(key, valueLoader, e);
            }
        });
    }

    @Override
    public void put(Object key, Object value) {
        OrgKey k = orgKey(key);
        cache.put(name, k.org(), k.key(), value, valueType != null);
    }

    @Override
    public void evict(Object key) {
        OrgKey k = orgKey(key);
        cache.evict(name, k.org(), k.key());
    }

    @Override
    public void clear() {
        cache.clearNamespace(name);
    }
}
