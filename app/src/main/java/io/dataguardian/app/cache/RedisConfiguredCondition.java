package io.dataguardian.app.cache;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code dataguardian.redis.url} is set and not blank (an empty default means embedded mode). */
class RedisConfiguredCondition implements Condition {

    static final String URL_PROPERTY = "dataguardian.redis.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
    }
}
