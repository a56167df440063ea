package io.dataguardian.app.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Counts the round trips a client makes through a {@link RedisConnectionFactory}: a command sent outside a pipeline
 * is one, a whole pipeline is one (its commands go out together and are answered together). Opening a connection is
 * not counted.
 */
final class RedisRoundTrips {

    /** Connection methods that send nothing by themselves. */
    private static final Set<String> NOT_COMMANDS = Set.of("isPipelined", "openPipeline", "closePipeline", "close",
            "isClosed", "getNativeConnection", "isQueueing", "isSubscribed", "getSubscription", "getSentinelConnection",
            "toString", "hashCode", "equals");

    private final List<String> trips = new ArrayList<>();
    private int queued;

    synchronized List<String> trips() {
        return List.copyOf(trips);
    }

    synchronized void reset() {
        trips.clear();
    }

    RedisConnectionFactory counting(RedisConnectionFactory factory) {
        return proxy(RedisConnectionFactory.class, (method, args) -> {
            Object result = call(factory, method, args);
            return result instanceof RedisConnection c && method.getName().equals("getConnection") ? counting(c) : result;
        });
    }

    private RedisConnection counting(RedisConnection connection) {
        return proxy(RedisConnection.class, (method, args) -> {
            boolean pipelined = connection.isPipelined();
            Object result = call(connection, method, args);
            String name = method.getName();
            synchronized (this) {
                if (name.equals("closePipeline")) {
                    trips.add("pipeline of " + queued);
                    queued = 0;
                } else if (!NOT_COMMANDS.contains(name) && !name.endsWith("Commands")) {
                    if (pipelined) {
                        queued++;
                    } else {
                        trips.add(name);
                    }
                }
            }
            return result;
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(RedisRoundTrips.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> handler.handle(method, args)));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
