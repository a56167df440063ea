package io.dataguardian.app.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared tier: Redis through Spring Data Redis and Lettuce, with its own connection factory so its
 * short timeouts never apply to sessions. Every request-path call goes through the circuit breaker and
 * never throws: a failure counts, and the caller carries on with L1 and the loader.
 */
public final class RedisTier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisTier.class);
    private static final int MAX_PENDING = 10_000;
    private static final DefaultRedisScript<Long> UNLOCK = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final String prefix;
    private final String channel;
    private final String nodeId;
    private final RedisURI uri;
    private final ClientResources resources;
    private final LettuceConnectionFactory factory;
    private final RedisTemplate<String, byte[]> template;
    private final RedisCircuitBreaker breaker;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService probe;
    /** Deletes this node could not send while Redis was unreachable; replayed before the breaker closes. */
    private final Set<Invalidation> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingNamespaces = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    /** Connection losses so far (any connection of this tier's client, the subscription included). */
    private final java.util.concurrent.atomic.AtomicLong disconnects = new java.util.concurrent.atomic.AtomicLong();
    /** {@link #disconnects} when the breaker last closed: unchanged means no invalidation can have been missed. */
    private volatile long disconnectsAtLastClose;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile Consumer<Invalidation> invalidationHandler = i -> { };
    private volatile Runnable l1Flush = () -> { };
    /** Bulkhead for request-path reads: beyond it, a read skips Redis instead of queueing into the timeout. */
    private final Semaphore readPermits;
    private final int maxInFlight;
    private final java.util.concurrent.atomic.LongAdder saturatedSkips = new java.util.concurrent.atomic.LongAdder();

    public RedisTier(String url, CacheProperties props, String nodeId) {
        this.prefix = props.getKeyPrefix();
        this.channel = prefix + ":invalidate";
        this.nodeId = nodeId;
        this.breaker = new RedisCircuitBreaker(props.getBreakerFailureThreshold(), props.getBreakerMinimumCalls(), props.getBreakerFailureRate(),
                props.getBreakerWindow());
        this.maxInFlight = Math.max(1, props.getRedisMaxInFlight());
        this.readPermits = new Semaphore(maxInFlight);
        Duration timeout = props.getRedisTimeout();
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        // Reconnect quickly: the breaker, not Lettuce's 30 s backoff, decides when Redis is used again.
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        ClientOptions options = ClientOptions.builder()
                .autoReconnect(true)
                // While disconnected, fail at once instead of queueing until the timeout.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build();
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(timeout).clientResources(resources).clientOptions(options)
                .clientName("dataguardian-cache");
        if (uri.isSsl()) {
            client.useSsl();
        }
        RedisConfiguration config = LettuceConnectionFactory.createRedisConfiguration(uri);
        this.factory = new LettuceConnectionFactory((RedisStandaloneConfiguration) config, client.build());
        factory.setEagerInitialization(false);
        factory.setValidateConnection(false);
        factory.afterPropertiesSet();
        factory.start();
        ((RedisClient) factory.getNativeClient()).addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                disconnects.incrementAndGet();
                disconnected.set(true);
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, java.net.SocketAddress address) {
                // Invalidations published while we were away are lost: drop what L1 may hold stale.
                if (disconnected.getAndSet(false)) {
                    log.info("Redis connection re-established; clearing L1");
                    l1Flush.run();
                }
            }
        });
        this.template = new RedisTemplate<>();
        template.setConnectionFactory(factory);
        template.setEnableDefaultSerializer(false);
        template.setKeySerializer(StringRedisSerializer.UTF_8);
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        breaker.onClose(this::replayPending);
        breaker.onClose(this::flushL1IfInvalidationsMayBeLost);
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dg-cache-redis-probe");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, props.getBreakerProbeInterval().toMillis());
        probe.scheduleWithFixedDelay(this::probeOnce, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * On breaker close: drop L1 only if a connection was lost (or the subscription is not up) since the
     * breaker last closed. A breaker opened by slow commands on a connection that stayed up has missed
     * no invalidation (the subscription kept delivering them, and this node's own unsent deletes are
     * replayed first), and flushing then would empty L1 on every open/close cycle under load.
     */
    private void flushL1IfInvalidationsMayBeLost() {
        long now = disconnects.get();
        if (now != disconnectsAtLastClose || !subscribed()) {
            l1Flush.run();
        }
        disconnectsAtLastClose = now;
    }

    void onInvalidation(Consumer<Invalidation> handler) {
        this.invalidationHandler = handler;
    }

    void onL1Flush(Runnable flush) {
        this.l1Flush = flush;
    }

    public String nodeId() {
        return nodeId;
    }

    public RedisCircuitBreaker breaker() {
        return breaker;
    }

    public boolean available() {
        return breaker.allowsRequests();
    }

    String key(String ns, String org, String key) {
        return prefix + ":" + ns + ":" + org + ":" + key;
    }

    String lockKey(String ns, String org, String key) {
        return prefix + ":_lock:" + ns + ":" + org + ":" + key;
    }

    // ---- request path: guarded, never throws ----

    /**
     * The raw value, or null on a miss or when Redis is unavailable ({@code unavailable[0]} tells which):
     * the breaker is open, the read bulkhead is full, or a delete of this key (or its namespace) could not
     * be sent yet, so Redis may still hold the old value.
     */
    byte[] get(String ns, String org, String k, NamespaceStats stats, boolean[] unavailable) {
        if (deletePending(ns, org, k)) {
            unavailable[0] = true;
            return null;
        }
        String key = key(ns, org, k);
        Object r = guarded(() -> {
            byte[] v = template.opsForValue().get(key);
            return v == null ? MISS : v;
        }, stats, true);
        unavailable[0] = r == null;
        return r instanceof byte[] b ? b : null;
    }

    /** A write the caller relies on (a put): never skipped by the bulkhead. */
    boolean set(String key, byte[] value, Duration ttl, NamespaceStats stats) {
        return guarded(() -> {
            template.opsForValue().set(key, value, ttl);
            return Boolean.TRUE;
        }, stats, false) != null;
    }

    /** Fills L2 with a freshly loaded value: optional, skipped when the bulkhead is full. */
    boolean fill(String key, byte[] value, Duration ttl, NamespaceStats stats) {
        return guarded(() -> {
            template.opsForValue().set(key, value, ttl);
            return Boolean.TRUE;
        }, stats, true) != null;
    }

    private boolean deletePending(String ns, String org, String k) {
        return (!pendingNamespaces.isEmpty() && pendingNamespaces.contains(ns))
                || (!pending.isEmpty() && pending.contains(new Invalidation(null, ns, org, k)));
    }

    /** Optional calls (request-path reads and L2 fills) that skipped Redis because {@code redis-max-in-flight} were in flight. */
    public long saturatedSkips() {
        return saturatedSkips.sum();
    }

    /** Optional Redis calls (reads, fills) waiting for Redis right now. */
    int readsInFlight() {
        return maxInFlight - readPermits.availablePermits();
    }

    boolean delete(String key, NamespaceStats stats) {
        return guarded(() -> {
            template.unlink(key);
            return Boolean.TRUE;
        }, stats, false) != null;
    }

    /** Tells the other nodes; if Redis cannot be reached, remembers it for when it can. */
    void publish(Invalidation inv, NamespaceStats stats) {
        boolean sent = guarded(() -> {
            template.convertAndSend(channel, json.writeValueAsBytes(inv));
            return Boolean.TRUE;
        }, stats, false) != null;
        if (!sent) {
            remember(inv.withoutNode());
        }
    }

    /** Delete plus broadcast, remembered as a whole if Redis is unreachable. */
    void evict(String ns, String org, String k, NamespaceStats stats) {
        Invalidation inv = new Invalidation(nodeId, ns, org, k);
        if (delete(key(ns, org, k), stats)) {
            publish(inv, stats);
        } else {
            remember(inv.withoutNode());
        }
    }

    private void remember(Invalidation inv) {
        if (inv.wholeNamespace() || pending.size() >= MAX_PENDING) {
            pendingNamespaces.add(inv.ns());
        } else {
            pending.add(inv);
        }
    }

    /** TRUE: this node holds the lock; FALSE: another does; null: Redis unavailable. */
    Boolean tryLock(String lockKey, String token, Duration ttl, NamespaceStats stats) {
        Object r = guarded(() -> template.opsForValue()
                .setIfAbsent(lockKey, token.getBytes(StandardCharsets.UTF_8), ttl), stats, true);
        return r instanceof Boolean b ? b : null;
    }

    void unlock(String lockKey, String token, NamespaceStats stats) {
        guarded(() -> template.execute(UNLOCK, List.of(lockKey), (Object) token.getBytes(StandardCharsets.UTF_8)), stats, false);
    }

    private static final Object MISS = new Object();

    /**
     * @param optional a read or cache fill the caller can do without: skipped (null, not a failure) when
     *                 {@code redis-max-in-flight} optional calls are already waiting for Redis
     */
    private Object guarded(Supplier<Object> op, NamespaceStats stats, boolean optional) {
        if (!breaker.allowsRequests()) {
            return null;
        }
        if (optional && !readPermits.tryAcquire()) {
            saturatedSkips.increment();
            return null;
        }
        try {
            Object r = op.get();
            breaker.recordSuccess();
            return r == null ? Boolean.FALSE : r;
        } catch (RuntimeException e) {
            if (isTimeout(e)) {
                breaker.recordTimeout();
            } else {
                breaker.recordError();
            }
            stats.l2Errors.increment();
            log.debug("Redis call failed ({}{}); continuing without L2", isTimeout(e) ? "timeout: " : "", e.toString());
            return null;
        } finally {
            if (optional) {
                readPermits.release();
            }
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.lettuce.core.RedisCommandTimeoutException
                    || t instanceof org.springframework.dao.QueryTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    // ---- admin path: throws when Redis is unavailable ----

    /** SCAN (never KEYS) and UNLINK every key of a namespace; returns how many were deleted. */
    long clearNamespace(String ns) {
        requireAvailable();
        return scanUnlink(prefix + ":" + ns + ":*");
    }

    private long scanUnlink(String pattern) {
        long deleted = 0;
        List<String> batch = new ArrayList<>(500);
        try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().match(pattern).count(500).build())) {
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == 500) {
                    deleted += unlinkAll(batch);
                }
            }
        }
        return deleted + unlinkAll(batch);
    }

    private long unlinkAll(List<String> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Long n = template.unlink(batch);
        batch.clear();
        return n == null ? 0 : n;
    }

    void publishNamespaceCleared(String ns) {
        template.convertAndSend(channel, json.writeValueAsBytes(new Invalidation(nodeId, ns, null, null)));
    }

    Properties infoMemory() {
        requireAvailable();
        Properties p = template.execute((RedisCallback<Properties>) c -> c.serverCommands().info("memory"));
        return p == null ? new Properties() : p;
    }

    private void requireAvailable() {
        if (!breaker.allowsRequests()) {
            throw new IllegalStateException("Redis is unavailable (circuit breaker " + breaker.state() + ")");
        }
    }

    // ---- background: subscription and probe ----

    private void probeOnce() {
        try {
            ensureSubscribed();
            if (breaker.beginProbe()) {
                try {
                    template.execute((RedisCallback<String>) c -> c.ping());
                    breaker.probeSucceeded();
                    if (breaker.allowsRequests()) {
                        log.info("Redis is back; cache circuit breaker closed");
                    }
                } catch (RuntimeException e) {
                    breaker.probeFailed();
                }
            } else if (breaker.allowsRequests() && pendingInvalidations() > 0) {
                // Deletes remembered by requests that raced with the breaker closing.
                try {
                    replayPending();
                } catch (RuntimeException e) {
                    breaker.recordError();
                }
            }
        } catch (Throwable t) {
            log.debug("cache probe failed: {}", t.toString());
        }
    }

    private void ensureSubscribed() {
        if (pubSub != null) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> c =
                    ((RedisClient) factory.getNativeClient()).connectPubSub(StringCodec.UTF8, uri);
            c.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    receive(message);
                }
            });
            c.sync().subscribe(channel);
            try {
                // Entries cached before we listened may have missed invalidations. Flushed before subscribed()
                // says yes, so a caller that saw it subscribed sees no later flush for it.
                l1Flush.run();
            } finally {
                pubSub = c;
            }
        } catch (RuntimeException e) {
            log.debug("cannot subscribe to {} yet: {}", channel, e.toString());
        }
    }

    /** Whether this node currently listens for other nodes' invalidations. */
    public boolean subscribed() {
        return pubSub != null && pubSub.isOpen();
    }

    private void receive(String message) {
        Invalidation inv;
        try {
            inv = json.readValue(message, Invalidation.class);
        } catch (RuntimeException e) {
            log.warn("ignoring malformed cache invalidation message");
            return;
        }
        if (!nodeId.equals(inv.node()) && inv.ns() != null) {
            invalidationHandler.accept(inv);
        }
    }

    private void replayPending() {
        for (String ns : List.copyOf(pendingNamespaces)) {
            scanUnlink(prefix + ":" + ns + ":*");
            publishNamespaceCleared(ns);
            pendingNamespaces.remove(ns);
        }
        for (Invalidation inv : List.copyOf(pending)) {
            template.unlink(key(inv.ns(), inv.org(), inv.key()));
            template.convertAndSend(channel,
                    json.writeValueAsBytes(new Invalidation(nodeId, inv.ns(), inv.org(), inv.key())));
            pending.remove(inv);
        }
    }

    int pendingInvalidations() {
        return pending.size() + pendingNamespaces.size();
    }

    Set<String> pendingNamespaces() {
        return Collections.unmodifiableSet(pendingNamespaces);
    }

    @Override
    public void close() {
        probe.shutdownNow();
        StatefulRedisPubSubConnection<String, String> c = pubSub;
        if (c != null) {
            c.closeAsync();
        }
        factory.destroy();
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
