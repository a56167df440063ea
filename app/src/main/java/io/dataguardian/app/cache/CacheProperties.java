package io.dataguardian.app.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code dataguardian.cache.*}: namespaces with their own TTLs, the L1 budget, and how long the cache
 * may wait for Redis. Redis itself is switched on by {@code dataguardian.redis.url}.
 */
@ConfigurationProperties("dataguardian.cache")
public class CacheProperties {

    /** First segment of every Redis key and of the invalidation channel ({prefix}:invalidate). */
    private String keyPrefix = "dg";

    /** Longest a request waits for one Redis command (Lettuce command and connect timeout). */
    private Duration redisTimeout = Duration.ofMillis(50);

    /** Consecutive Redis errors other than timeouts (connection refused, lost, rejected) that open the breaker at once. */
    private int breakerFailureThreshold = 3;

    /** Redis calls within {@link #breakerWindow} before the breaker looks at their failure rate. */
    private int breakerMinimumCalls = 20;

    /** Share of failed Redis calls (errors and timeouts) within the window that opens the breaker. */
    private double breakerFailureRate = 0.5;

    /** Length of the breaker's sliding window. */
    private Duration breakerWindow = Duration.ofSeconds(2);

    /**
     * Most request-path Redis reads (GET, load lock) in flight at once per node; a read beyond it skips
     * Redis (L1 and the loader serve it) instead of queueing behind the others into the timeout, and is not
     * counted as a Redis failure. Writes and deletes are never skipped. 128 measured best of 16/32/64/128
     * under 200 request threads (docs/cache.md): each step up sent fewer misses to the database, and the
     * extra Redis timeouts stayed far below what opens the breaker.
     */
    private int redisMaxInFlight = 128;

    /** While the breaker is open, how often a background probe PINGs Redis. */
    private Duration breakerProbeInterval = Duration.ofMillis(500);

    /** Cross-node load lock: how long it is held at most (PX) ... */
    private Duration loadLockTtl = Duration.ofSeconds(10);

    /** ... and how long another node waits for the lock holder's value before loading itself. */
    private Duration loadLockWait = Duration.ofSeconds(2);

    /** Namespaces by name; the defaults below are merged with what the configuration adds or changes. */
    private Map<String, Namespace> namespaces = new LinkedHashMap<>(defaults());

    public static Map<String, Namespace> defaults() {
        Map<String, Namespace> d = new LinkedHashMap<>();
        d.put(CacheNamespaces.SCAN_RESULTS, new Namespace(Duration.ofHours(2)));
        d.put(CacheNamespaces.COMPLIANCE_SCORES, new Namespace(Duration.ofHours(1)));
        d.put(CacheNamespaces.DASHBOARD, new Namespace(Duration.ofMinutes(5)));
        Namespace large = new Namespace(Duration.ofHours(4));
        large.setL1MaxSize(DataSize.ofMegabytes(64));
        large.setLockLoads(true);
        d.put(CacheNamespaces.LARGE_DATASETS, large);
        Namespace progress = new Namespace(Duration.ofMinutes(15)); // rewritten by every tick while a scan runs
        progress.setL1MaxSize(DataSize.ofMegabytes(2));
        d.put(CacheNamespaces.SCAN_PROGRESS, progress);
        d.put(CacheNamespaces.DEFAULT, new Namespace(Duration.ofHours(1)));
        return d;
    }

    /** One namespace: TTL in both tiers, L1 weight budget, and whether loads are locked across nodes. */
    public static class Namespace {
        private Duration ttl = Duration.ofHours(1);
        /** Estimated bytes (JSON size plus per-entry overhead) this namespace may hold in each node's heap. */
        private DataSize l1MaxSize = DataSize.ofMegabytes(16);
        /** Expensive loads: take a short Redis lock so one node loads while the others wait for its value. */
        private boolean lockLoads = false;
        /**
         * Whether a full L1 takes a loaded value only once its key was read 3 times recently ({@link AdmissionGate}).
         * Right for skewed workloads whose hot set changes slowly (Zipf 0.99: +1.3 pp over plain Caffeine, +2.6 pp
         * when 10 % of the hot set changes per 100 x entries reads); wrong when the hot set turns over within the
         * gate's memory (all of it every 10 x entries reads: -8.7 pp), where new keys are declined until they are
         * no longer hot. Measured with ZipfCacheHitRate's drift option (docs/cache.md).
         */
        private boolean admissionGate = true;
        /**
         * Type of the values the Spring cache view ({@code @Cacheable}) stores; without it that view keeps
         * values in L1 only, because a Redis entry is only ever decoded to a type the code names.
         */
        private Class<?> valueType;

        public Namespace() {
        }

        public Namespace(Duration ttl) {
            this.ttl = ttl;
        }

        public Duration getTtl() { return ttl; }
        public void setTtl(Duration ttl) { this.ttl = ttl; }
        public DataSize getL1MaxSize() { return l1MaxSize; }
        public void setL1MaxSize(DataSize l1MaxSize) { this.l1MaxSize = l1MaxSize; }
        public boolean isLockLoads() { return lockLoads; }
        public Class<?> getValueType() { return valueType; }
        public void setValueType(Class<?> valueType) { this.valueType = valueType; }
        public void setLockLoads(boolean lockLoads) { this.lockLoads = lockLoads; }
        public boolean isAdmissionGate() { return admissionGate; }
        public void setAdmissionGate(boolean admissionGate) { this.admissionGate = admissionGate; }
    }

    public String getKeyPrefix() { return keyPrefix; }
    public void setKeyPrefix(String keyPrefix) { this.keyPrefix = keyPrefix; }
    public Duration getRedisTimeout() { return redisTimeout; }
    public void setRedisTimeout(Duration redisTimeout) { this.redisTimeout = redisTimeout; }
    public int getBreakerFailureThreshold() { return breakerFailureThreshold; }
    public void setBreakerFailureThreshold(int v) { this.breakerFailureThreshold = v; }
    public int getBreakerMinimumCalls() { return breakerMinimumCalls; }
    public void setBreakerMinimumCalls(int v) { this.breakerMinimumCalls = v; }
    public double getBreakerFailureRate() { return breakerFailureRate; }
    public void setBreakerFailureRate(double v) { this.breakerFailureRate = v; }
    public Duration getBreakerWindow() { return breakerWindow; }
    public void setBreakerWindow(Duration v) { this.breakerWindow = v; }
    public int getRedisMaxInFlight() { return redisMaxInFlight; }
    public void setRedisMaxInFlight(int v) { this.redisMaxInFlight = v; }
    public Duration getBreakerProbeInterval() { return breakerProbeInterval; }
    public void setBreakerProbeInterval(Duration v) { this.breakerProbeInterval = v; }
    public Duration getLoadLockTtl() { return loadLockTtl; }
    public void setLoadLockTtl(Duration loadLockTtl) { this.loadLockTtl = loadLockTtl; }
    public Duration getLoadLockWait() { return loadLockWait; }
    public void setLoadLockWait(Duration loadLockWait) { this.loadLockWait = loadLockWait; }
    public Map<String, Namespace> getNamespaces() { return namespaces; }
    public void setNamespaces(Map<String, Namespace> namespaces) { this.namespaces = namespaces; }
}
