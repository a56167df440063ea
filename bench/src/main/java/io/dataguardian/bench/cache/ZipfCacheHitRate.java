package io.dataguardian.bench.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Hit rate of the L1 policy (Caffeine, W-TinyLFU) on a Zipf read workload, against an LRU of the same
 * size and the optimum (the share of requests that go to the {@code size} most popular keys).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.dataguardian.bench.cache.ZipfCacheHitRate [keys] [size] [skew] [requests]</pre>
 * Defaults: 1,000,000 keys, 10,000 entries (1 %), skew 0.99, 20,000,000 requests after as many for warm-up.
 */
public final class ZipfCacheHitRate {

    public static void main(String[] args) {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        double skew = args.length > 2 ? Double.parseDouble(args[2]) : 0.99;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000_000;

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

        // Same-thread maintenance so the policy sees every access in order (no dropped reads).
        Cache<Integer, Boolean> tinyLfu = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
        Map<Integer, Boolean> lru = new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > size;
            }
        };
        SplittableRandom random = new SplittableRandom(42);
        long tinyHits = 0;
        long lruHits = 0;
        // the key ids are shuffled so popularity is not correlated with hash order
        int[] permutation = permutation(keys, random);
        for (int phase = 0; phase < 2; phase++) {
            tinyHits = 0;
            lruHits = 0;
            for (int r = 0; r < requests; r++) {
                int key = permutation[sample(cdf, random.nextDouble())];
                if (tinyLfu.getIfPresent(key) != null) {
                    tinyHits++;
                } else {
                    tinyLfu.put(key, Boolean.TRUE);
                }
                if (lru.get(key) != null) {
                    lruHits++;
                } else {
                    lru.put(key, Boolean.TRUE);
                }
            }
        }
        System.out.printf("Zipf skew %.2f, %,d keys, cache %,d entries (%.2f%%), %,d requests measured after %,d warm-up%n",
                skew, keys, size, 100.0 * size / keys, requests, requests);
        System.out.printf("  optimum (top %,d keys' share): %6.2f%%%n", size, 100 * top);
        System.out.printf("  Caffeine W-TinyLFU (L1):       %6.2f%%%n", 100.0 * tinyHits / requests);
        System.out.printf("  LRU:                           %6.2f%%%n", 100.0 * lruHits / requests);
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
