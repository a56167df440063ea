package io.dataguardian.bench.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dataguardian.app.cache.CacheCodec;
import io.dataguardian.app.cache.CacheProperties;
import io.dataguardian.app.cache.TwoTierCache;
import org.springframework.util.unit.DataSize;

/**
 * Hit rate of the L1 policy (Caffeine, W-TinyLFU) on a Zipf read workload, against an LRU of the same
 * size and the optimum (the share of requests that go to the {@code size} most popular keys). All
 * policies see the same request stream.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.dataguardian.bench.cache.ZipfCacheHitRate [keys] [size] [skew] [requests] [seed] [variants] [drift P:S]</pre>
 * Defaults: 1,000,000 keys, 10,000 entries (1 %), skew 0.99, 20,000,000 requests after as many for
 * warm-up, seed 42, variants {@code size,lru} (comma-separated; {@code all} for the main ones; {@code name*N}
 * runs N independent copies of one, to see the run-to-run spread on one stream); with {@code drift P:S} the
 * popularity ranks move S places every P requests, so the hot set changes while the policies learn it:
 * <ul>
 * <li>{@code size}: Caffeine {@code maximumSize(size)}, maintenance on the calling thread (the reference);</li>
 * <li>{@code weight1}: {@code maximumWeight(size)} with every entry weighing 1, same thread;</li>
 * <li>{@code weight}: {@code maximumWeight} with the L1's own estimate of each entry (96 B + key chars
 *     x 2 + JSON envelope bytes), budget = size x the mean estimate, same thread;</li>
 * <li>{@code weightQ}: as {@code weight} with every estimate rounded up to a multiple of 64 B;</li>
 * <li>{@code weightSketch}: as {@code weight} with the frequency sketch sized (by reflection, a diagnostic
 *     only) as Caffeine sizes it for {@code maximumSize(size)} instead of from the entry count;</li>
 * <li>{@code weightPlaceholder}: as {@code weight}, but an AsyncCache used with the L1's former miss pattern
 *     (see {@code asyncPlaceholder}): the old L1's mechanism without the rest of its code;</li>
 * <li>{@code weightExpiry}: as {@code weight} plus the L1's variable expiry (4 h, never reached here);</li>
 * <li>{@code weightKey}: as {@code weight} with the L1's key shape (org, "k" + id) and its hash;</li>
 * <li>{@code sizeAsync}: {@code maximumSize(size)} with Caffeine's default executor;</li>
 * <li>{@code l1}: the real {@link TwoTierCache} L1 (no Redis): its builder (weigher, variable expiry,
 *     same-thread maintenance) and its get path, budget as {@code weight}; {@code l1NoGate}: the same with
 *     {@code admission-gate: false};</li>
 * <li>{@code asyncPlaceholder}: an AsyncCache ({@code maximumSize}, same thread) used as the L1 used it on a
 *     miss until it kept loads in progress beside the cache: {@code putIfAbsent} of an incomplete future,
 *     completed after the load (the completion counts as a second access);</li>
 * <li>{@code lru}: an LRU (LinkedHashMap in access order).</li>
 * </ul>
 */
public final class ZipfCacheHitRate {

    interface Policy {
        /** @return whether the key was present; a miss inserts it */
        boolean access(int key);
    }

    public static void main(String[] args) {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        double skew = args.length > 2 ? Double.parseDouble(args[2]) : 0.99;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000_000;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        String variants = args.length > 5 ? args[5] : "size,lru";
        // "P:S": every P requests the popularity ranks move S places towards the hot end, so S of the hottest keys
        // drop to the coldest ranks and S cold keys join the hot set (a drifting workload); none by default
        int driftPeriod = args.length > 6 ? Integer.parseInt(args[6].split(":")[0]) : 0;
        int driftStep = args.length > 6 ? Integer.parseInt(args[6].split(":")[1]) : 0;
        if (variants.equals("all")) {
            variants = "size,weight1,weight,sizeAsync,l1,lru";
        }

        double[] cdf = new double[keys];
        double sum = 0;
        for (int i = 0; i < keys; i++) {
            sum += 1.0 / Math.pow(i + 1, skew);
            cdf[i] = sum;
        }
        double top = cdf[size - 1] / sum;
        for (int i = 0; i < keys; i++) {
            cdf[i] /= sum;
        }

        CacheCodec codec = new CacheCodec();
        int envelope = codec.encode(Boolean.TRUE, System.currentTimeMillis() + 3_600_000).length;
        // the L1's estimate (TwoTierCache.weight): 96 + 2 * (org + key chars) + JSON bytes; org "o", key "k<id>"
        long totalWeight = 0;
        for (int i = 0; i < keys; i++) {
            totalWeight += weight(i, envelope);
        }
        long budget = Math.round(size * (totalWeight / (double) keys));

        Map<String, Policy> policies = new LinkedHashMap<>();
        for (String token : variants.split(",")) {
            // "name*N": N independent copies (Caffeine admits some contested candidates at random and its
            // hill climber follows, so copies on the same stream differ; their spread is the noise)
            String v = token.contains("*") ? token.substring(0, token.indexOf('*')) : token;
            int copies = token.contains("*") ? Integer.parseInt(token.substring(token.indexOf('*') + 1)) : 1;
            for (int copy = 1; copy <= copies; copy++) {
                Map.Entry<String, Policy> one = variant(v, size, keys, envelope, budget);
                policies.put(copies > 1 ? one.getKey() + " #" + copy : one.getKey(), one.getValue());
            }
        }

        SplittableRandom random = new SplittableRandom(seed);
        // the key ids are shuffled so popularity is not correlated with hash order
        int[] permutation = permutation(keys, random);
        List<Policy> list = new ArrayList<>(policies.values());
        long[] hits = new long[list.size()];
        long shift = 0;
        for (int phase = 0; phase < 2; phase++) {
            java.util.Arrays.fill(hits, 0);
            for (int r = 0; r < requests; r++) {
                if (driftPeriod > 0 && r % driftPeriod == 0 && (phase > 0 || r > 0)) {
                    shift = (shift + driftStep) % keys;
                }
                int key = permutation[(int) ((sample(cdf, random.nextDouble()) + shift) % keys)];
                for (int p = 0; p < hits.length; p++) {
                    if (list.get(p).access(key)) {
                        hits[p]++;
                    }
                }
            }
        }
        System.out.printf("Zipf skew %.2f, %,d keys, cache %,d entries (%.2f%%), %,d requests measured after %,d warm-up, seed %d%n",
                skew, keys, size, 100.0 * size / keys, requests, requests, seed);
        if (driftPeriod > 0) {
            System.out.printf("  drift: every %,d requests %,d of the hottest keys turn cold and %,d cold keys hot "
                    + "(the optimum below assumes a fixed hot set: an upper bound)%n", driftPeriod, driftStep, driftStep);
        }
        System.out.printf("  %-40s %6.2f%%%n", "optimum (top " + size + " keys' share)", 100 * top);
        int i = 0;
        Map<String, List<Double>> copies = new LinkedHashMap<>();
        for (String name : policies.keySet()) {
            double rate = 100.0 * hits[i++] / requests;
            System.out.printf("  %-40s %6.2f%%  (%.2f pp below optimum)%n", name, rate, 100 * top - rate);
            if (name.matches(".* #\\d+")) {
                copies.computeIfAbsent(name.substring(0, name.lastIndexOf(" #")), k -> new ArrayList<>()).add(rate);
            }
        }
        copies.forEach((name, rates) -> {
            double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            System.out.printf("  mean of %d x %-31s %6.2f%%  (%.2f pp below optimum; %.2f-%.2f %%)%n", rates.size(), name,
                    mean, 100 * top - mean, rates.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    rates.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        });
        if (policies.keySet().stream().anyMatch(n -> n.contains("weigher") || n.contains("L1"))) {
            System.out.printf("  weighted budget %,d B = %,d x mean estimate %.1f B%n", budget, size, totalWeight / (double) keys);
        }
    }

    private static Map.Entry<String, Policy> variant(String v, int size, int keys, int envelope, long budget) {
        return switch (v) {
            case "size" -> Map.entry("Caffeine maximumSize, same-thread", caffeine(
                    Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build()));
            case "weight1" -> Map.entry("Caffeine maximumWeight, weight 1", caffeine(
                    Caffeine.newBuilder().maximumWeight(size).<Integer, Boolean>weigher((k, b) -> 1)
                            .executor(Runnable::run).build()));
            case "weight" -> Map.entry("Caffeine maximumWeight, L1 weigher", caffeine(
                    Caffeine.newBuilder().maximumWeight(budget).<Integer, Boolean>weigher((k, b) -> weight(k, envelope))
                            .executor(Runnable::run).build()));
            case "weightQ" -> Map.entry("Caffeine maximumWeight, weigher / 64 B", caffeine(
                    Caffeine.newBuilder().maximumWeight(quantisedBudget(size, keys, envelope))
                            .<Integer, Boolean>weigher((k, b) -> quantised(weight(k, envelope)))
                            .executor(Runnable::run).build()));
            case "weightSketch" -> Map.entry("Caffeine maximumWeight, sketch pre-sized (reflection)", caffeine(
                    presizeSketch(Caffeine.newBuilder().maximumWeight(budget)
                            .<Integer, Boolean>weigher((k, b) -> weight(k, envelope))
                            .executor(Runnable::run).build(), size)));
            case "weightPlaceholder" -> Map.entry("AsyncCache maximumWeight, L1 weigher, placeholder on a miss",
                    asyncPlaceholder(Caffeine.newBuilder().maximumWeight(budget)
                            .<Integer, Boolean>weigher((k, b) -> weight(k, envelope))
                            .executor(Runnable::run).buildAsync()));
            case "weightExpiry" -> Map.entry("Caffeine maximumWeight, L1 weigher + L1's variable expiry", caffeine(
                    Caffeine.newBuilder().maximumWeight(budget).<Integer, Boolean>weigher((k, b) -> weight(k, envelope))
                            .expireAfter(fixedExpiry(Duration.ofHours(4))).executor(Runnable::run).build()));
            case "weightKey" -> Map.entry("Caffeine maximumWeight, L1 weigher, L1's key (org, \"k\" + id)", keyed(
                    Caffeine.newBuilder().maximumWeight(budget).<L1LikeKey, Boolean>weigher((k, b) -> weight(k.id(), envelope))
                            .executor(Runnable::run).build()));
            case "sizeAsync" -> Map.entry("Caffeine maximumSize, default executor", caffeine(
                    Caffeine.newBuilder().maximumSize(size).build()));
            case "l1" -> Map.entry("TwoTierCache L1 (real, no Redis)", twoTierL1(budget, true));
            case "l1NoGate" -> Map.entry("TwoTierCache L1, admission-gate: false", twoTierL1(budget, false));
            case "asyncPlaceholder" -> Map.entry("AsyncCache maximumSize, L1's miss pattern, same-thread",
                    asyncPlaceholder(Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).buildAsync()));
            case "lru" -> Map.entry("LRU", lru(size));
            default -> gateOrSketch(v, size, envelope, budget);
        };
    }

    /**
     * Diagnostics for issue #6 (admission), parameters after ':' in the variant name:
     * {@code weightBigSketch:N} (sketch enlarged to N by reflection; Caffeine then also ages only every 10 x N
     * samples), {@code weightBigSketchAge:N} (enlarged to N but aged every 10 x size samples, as for size),
     * {@code weightAge:M} (sketch sized for size, as {@code weightSketch}, but aged every M x size samples),
     * {@code weightGate:T:P[:W]} / {@code sizeGate:T:P[:W]} (the weighted / maximumSize cache behind our own
     * {@link Gate}: threshold T, halving every P x size requests, W counters per row, default 2^20).
     */
    private static Map.Entry<String, Policy> gateOrSketch(String v, int size, int envelope, long budget) {
        String[] a = v.split(":");
        switch (a[0]) {
            case "weightBigSketch", "weightBigSketchAge" -> {
                long n = Long.parseLong(a[1]);
                Cache<Integer, Boolean> c = presizeSketch(Caffeine.newBuilder().maximumWeight(budget)
                        .<Integer, Boolean>weigher((k, b) -> weight(k, envelope)).executor(Runnable::run).build(), n);
                if (a[0].equals("weightBigSketchAge")) {
                    setSketchSampleSize(c, 10L * size);
                }
                return Map.entry(v + " (reflection)", caffeine(c));
            }
            case "weightAge" -> {
                // the sketch at Caffeine's size for maximumSize(size), but aged every M x size samples (default 10)
                Cache<Integer, Boolean> c = presizeSketch(Caffeine.newBuilder().maximumWeight(budget)
                        .<Integer, Boolean>weigher((k, b) -> weight(k, envelope)).executor(Runnable::run).build(), size);
                setSketchSampleSize(c, Long.parseLong(a[1]) * size);
                return Map.entry(v + " (reflection)", caffeine(c));
            }
            case "weightGate", "sizeGate" -> {
                int threshold = Integer.parseInt(a[1]);
                long period = Long.parseLong(a[2]) * size;
                int width = a.length > 3 ? Integer.parseInt(a[3]) : 1 << 20;
                Cache<Integer, Boolean> c = a[0].equals("sizeGate")
                        ? Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build()
                        : Caffeine.newBuilder().maximumWeight(budget)
                                .<Integer, Boolean>weigher((k, b) -> weight(k, envelope)).executor(Runnable::run).build();
                return Map.entry(v, gated(c, new Gate(width, period), threshold));
            }
            default -> throw new IllegalArgumentException("unknown variant " + v);
        }
    }

    /**
     * A count-min sketch (4 rows, saturating 4-bit counts kept in bytes: a packed version would take half)
     * counting every request, hit or miss; all counts halve every {@code period} increments.
     */
    static final class Gate {
        private final byte[][] rows = new byte[4][];
        private final int mask;
        private final long period;
        private long samples;

        Gate(int width, long period) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new byte[width];
            }
            this.mask = width - 1;
            this.period = period;
        }

        /** Counts one request for the key and returns the key's estimate after it. */
        int increment(int key) {
            int min = Integer.MAX_VALUE;
            long h = key * 0x9E3779B97F4A7C15L;
            for (int i = 0; i < rows.length; i++) {
                h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + i;
                int idx = (int) (h >>> 40) & mask;
                int c = rows[i][idx];
                if (c < 15) {
                    rows[i][idx] = (byte) ++c;
                }
                min = Math.min(min, c);
            }
            if (++samples >= period) {
                samples = 0;
                for (byte[] row : rows) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (byte) (row[j] >>> 1);
                    }
                }
            }
            return min;
        }
    }

    /** Every request counts in the gate; a miss is put into the cache only if its estimate reaches the threshold. */
    private static Policy gated(Cache<Integer, Boolean> cache, Gate gate, int threshold) {
        return key -> {
            int estimate = gate.increment(key);
            if (cache.getIfPresent(key) != null) {
                return true;
            }
            if (estimate >= threshold) {
                cache.put(key, Boolean.TRUE);
            }
            return false;
        };
    }

    /** Diagnostic only: set the aging period (samples between halvings) of Caffeine's sketch. */
    static void setSketchSampleSize(Cache<?, ?> cache, long samples) {
        try {
            java.lang.reflect.Field f = cache.getClass().getDeclaredField("cache");
            f.setAccessible(true);
            java.lang.reflect.Method m = Class.forName("com.github.benmanes.caffeine.cache.BoundedLocalCache")
                    .getDeclaredMethod("frequencySketch");
            m.setAccessible(true);
            Object sketch = m.invoke(f.get(cache));
            java.lang.reflect.Field s = sketch.getClass().getDeclaredField("sampleSize");
            s.setAccessible(true);
            s.setInt(sketch, (int) samples);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static int weight(int key, int envelope) {
        return 96 + 2 * (1 + 1 + digits(key)) + envelope;
    }

    static int quantised(int weight) {
        return (weight + 63) & ~63;
    }

    static long quantisedBudget(int size, int keys, int envelope) {
        long total = 0;
        for (int i = 0; i < keys; i++) {
            total += quantised(weight(i, envelope));
        }
        return Math.round(size * (total / (double) keys));
    }

    /** Diagnostic only: what Caffeine's own sizing of the sketch for maximumSize(size) would give. */
    static <K, V> Cache<K, V> presizeSketch(Cache<K, V> cache, long entries) {
        try {
            java.lang.reflect.Field f = cache.getClass().getDeclaredField("cache");
            f.setAccessible(true);
            Object bounded = f.get(cache);
            java.lang.reflect.Method m = Class.forName("com.github.benmanes.caffeine.cache.BoundedLocalCache")
                    .getDeclaredMethod("frequencySketch");
            m.setAccessible(true);
            Object sketch = m.invoke(bounded);
            java.lang.reflect.Method ensure = sketch.getClass().getDeclaredMethod("ensureCapacity", long.class);
            ensure.setAccessible(true);
            ensure.invoke(sketch, entries);
            return cache;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int digits(int n) {
        return n < 10 ? 1 : 1 + digits(n / 10);
    }

    /** The L1's key: organisation and key text (the id rides along for the weigher only). */
    record L1LikeKey(String org, String key, int id) {
        @Override
        public boolean equals(Object o) {
            return o instanceof L1LikeKey k && k.org.equals(org) && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return 31 * org.hashCode() + key.hashCode();
        }
    }

    private static Policy keyed(Cache<L1LikeKey, Boolean> cache) {
        return id -> {
            L1LikeKey key = new L1LikeKey("o", "k" + id, id);
            if (cache.getIfPresent(key) != null) {
                return true;
            }
            cache.put(key, Boolean.TRUE);
            return false;
        };
    }

    private static <K, V> com.github.benmanes.caffeine.cache.Expiry<K, V> fixedExpiry(Duration ttl) {
        long nanos = ttl.toNanos();
        return new com.github.benmanes.caffeine.cache.Expiry<>() {
            @Override
            public long expireAfterCreate(K k, V v, long now) {
                return nanos;
            }

            @Override
            public long expireAfterUpdate(K k, V v, long now, long current) {
                return nanos;
            }

            @Override
            public long expireAfterRead(K k, V v, long now, long current) {
                return current;
            }
        };
    }

    private static Policy caffeine(Cache<Integer, Boolean> cache) {
        return key -> {
            if (cache.getIfPresent(key) != null) {
                return true;
            }
            cache.put(key, Boolean.TRUE);
            return false;
        };
    }

    /** The L1's miss path without the rest: getIfPresent, putIfAbsent of an incomplete future, complete it. */
    private static Policy asyncPlaceholder(com.github.benmanes.caffeine.cache.AsyncCache<Integer, Boolean> cache) {
        return key -> {
            if (cache.getIfPresent(key) != null) {
                return true;
            }
            java.util.concurrent.CompletableFuture<Boolean> mine = new java.util.concurrent.CompletableFuture<>();
            cache.asMap().putIfAbsent(key, mine);
            mine.complete(Boolean.TRUE);
            return false;
        };
    }

    private static Policy lru(int size) {
        Map<Integer, Boolean> lru = new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > size;
            }
        };
        return key -> {
            if (lru.get(key) != null) {
                return true;
            }
            lru.put(key, Boolean.TRUE);
            return false;
        };
    }

    private static Policy twoTierL1(long budget, boolean gate) {
        CacheProperties props = new CacheProperties();
        CacheProperties.Namespace ns = new CacheProperties.Namespace(Duration.ofHours(4));
        ns.setL1MaxSize(DataSize.ofBytes(budget));
        ns.setAdmissionGate(gate);
        props.getNamespaces().put("zipf", ns);
        TwoTierCache cache = new TwoTierCache(props, new CacheCodec(), null);
        boolean[] loaded = new boolean[1];
        return key -> {
            loaded[0] = false;
            cache.get("zipf", "o", "k" + key, Boolean.class, () -> {
                loaded[0] = true;
                return Boolean.TRUE;
            });
            return !loaded[0];
        };
    }

    private static int sample(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
