package io.dataguardian.app.monitor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** Methods annotated {@link Profiled}, and the public methods of a type annotated {@link Profiled}. */
final class ProfiledPointcut extends StaticMethodMatcherPointcut {

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        if (AnnotatedElementUtils.hasAnnotation(specific, Profiled.class)) {
            return true;
        }
        return Modifier.isPublic(specific.getModifiers()) && specific.getDeclaringClass() != Object.class
                && AnnotatedElementUtils.hasAnnotation(targetClass, Profiled.class);
    }
}
