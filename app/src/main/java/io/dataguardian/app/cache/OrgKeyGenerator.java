package io.dataguardian.app.cache;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.cache.interceptor.KeyGenerator;

/**
 * {@code @Cacheable(cacheNames = "compliance-scores", keyGenerator = "orgKeyGenerator")}: the first
 * parameter of the method is the organisation id, the others (joined by ':') make the key, so a
 * {@code @CacheEvict} with the same parameters removes what the {@code @Cacheable} stored.
 */
public class OrgKeyGenerator implements KeyGenerator {

    public static final String BEAN_NAME = "orgKeyGenerator";

    @Override
    public Object generate(Object target, Method method, Object... params) {
        if (params.length == 0 || params[0] == null) {
            throw new IllegalArgumentException(method.getName() + ": the first parameter must be the organisation id");
        }
        String rest = Arrays.stream(params, 1, params.length).map(String::valueOf).collect(Collectors.joining(":"));
        // Not the method name: @Cacheable and @CacheEvict on different methods must produce the same key.
        return OrgKey.of(params[0], rest);
    }
}
