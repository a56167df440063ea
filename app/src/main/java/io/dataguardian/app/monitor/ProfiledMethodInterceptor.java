package io.dataguardian.app.monitor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Times {@link Profiled} methods through the {@link Profiler}. The profiler is looked up on first use, so
 * declaring this advisor does not create the meter registry early (before Boot has configured it).
 */
final class ProfiledMethodInterceptor implements MethodInterceptor {

    private record Operation(String family, String name) {
    }

    private final ObjectProvider<Profiler> profilerProvider;
    private final Map<Method, Operation> operations = new ConcurrentHashMap<>();
    private volatile Profiler profiler;

    ProfiledMethodInterceptor(ObjectProvider<Profiler> profilerProvider) {
        this.profilerProvider = profilerProvider;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Profiler p = profiler;
        if (p == null) {
            p = profiler = profilerProvider.getObject();
        }
        Operation op = operations.computeIfAbsent(invocation.getMethod(),
                m -> operationOf(m, invocation.getThis() == null ? m.getDeclaringClass() : invocation.getThis().getClass()));
        if (op == null || !p.isEnabled(op.family())) {
            return invocation.proceed();
        }
        Profiler.Call call = p.start(op.family(), op.name());
        try {
            Object result = invocation.proceed();
            call.success();
            return result;
        } catch (Throwable e) {
            call.failure(e);
            throw e;
        }
    }

    private static Operation operationOf(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        Profiled onMethod = AnnotatedElementUtils.findMergedAnnotation(specific, Profiled.class);
        if (onMethod != null) {
            return split(onMethod.value(), specific.getName());
        }
        Profiled onType = AnnotatedElementUtils.findMergedAnnotation(targetClass, Profiled.class);
        return onType == null ? null : split(onType.value(), specific.getName());
    }

    /** "scan.extract" is family scan, operation extract; "scan" alone takes the method name. */
    static Operation split(String value, String methodName) {
        int dot = value.indexOf('.');
        return dot < 0 ? new Operation(value, methodName)
                : new Operation(value.substring(0, dot), value.substring(dot + 1));
    }
}
