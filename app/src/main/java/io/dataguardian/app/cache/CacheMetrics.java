package io.dataguardian.app.cache;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Meters per namespace and tier, registered for every configured namespace at start-up:
 * <pre>
 * dataguardian.cache.gets{namespace,tier=l1|l2,result=hit|miss}
 * dataguardian.cache.puts{namespace,tier}
 * dataguardian.cache.evictions{namespace,tier,cause=size-or-expiry|explicit}
 * dataguardian.cache.errors{namespace,tier=l2,kind=any|rejected}
 * dataguardian.cache.loads{namespace}            (FunctionTimer: count and total time of loader calls)
 * dataguardian.cache.size{namespace,tier=l1}      (entries)  dataguardian.cache.weight{namespace,tier=l1} (bytes)
 * dataguardian.cache.hit.ratio{namespace,tier=l1|l2|all}
 * dataguardian.cache.breaker.state               (0 closed, 1 open, 2 half-open)
 * </pre>
 */
final class CacheMetrics {

    private CacheMetrics() {
    }

    static void register(MeterRegistry r, TwoTierCache.Namespace n) {
        NamespaceStats s = n.stats;
        Tags ns = Tags.of("namespace", n.name);
        counter(r, "dataguardian.cache.gets", ns.and("tier", "l1", "result", "hit"), s, NamespaceStats::l1Hits);
        counter(r, "dataguardian.cache.gets", ns.and("tier", "l1", "result", "miss"), s, NamespaceStats::l1Misses);
        counter(r, "dataguardian.cache.gets", ns.and("tier", "l2", "result", "hit"), s, NamespaceStats::l2Hits);
        counter(r, "dataguardian.cache.gets", ns.and("tier", "l2", "result", "miss"), s, NamespaceStats::l2Misses);
        counter(r, "dataguardian.cache.puts", ns.and("tier", "l1"), s, NamespaceStats::l1Puts);
        counter(r, "dataguardian.cache.puts", ns.and("tier", "l2"), s, NamespaceStats::l2Puts);
        counter(r, "dataguardian.cache.admissions.declined", ns.and("tier", "l1"), s, NamespaceStats::l1Declined);
        counter(r, "dataguardian.cache.evictions", ns.and("tier", "l1", "cause", "size-or-expiry"), s,
                NamespaceStats::l1Evictions);
        counter(r, "dataguardian.cache.evictions", ns.and("tier", "l1", "cause", "explicit"), s,
                NamespaceStats::l1Invalidations);
        counter(r, "dataguardian.cache.evictions", ns.and("tier", "l2", "cause", "explicit"), s,
                NamespaceStats::l2Evictions);
        counter(r, "dataguardian.cache.errors", ns.and("tier", "l2", "kind", "any"), s, NamespaceStats::l2Errors);
        counter(r, "dataguardian.cache.errors", ns.and("tier", "l2", "kind", "rejected"), s,
                NamespaceStats::l2Rejected);
        FunctionTimer.builder("dataguardian.cache.loads", s, NamespaceStats::loads,
                        NamespaceStats::loadMillisTotal, TimeUnit.MILLISECONDS)
                .tags(ns).description("loader calls (cache misses in both tiers)").register(r);
        Gauge.builder("dataguardian.cache.size", n, TwoTierCache.Namespace::l1Size)
                .tags(ns.and("tier", "l1")).baseUnit("entries").register(r);
        Gauge.builder("dataguardian.cache.weight", n, TwoTierCache.Namespace::l1WeightBytes)
                .tags(ns.and("tier", "l1")).baseUnit("bytes").register(r);
        Gauge.builder("dataguardian.cache.hit.ratio", s, NamespaceStats::l1HitRate).tags(ns.and("tier", "l1")).register(r);
        Gauge.builder("dataguardian.cache.hit.ratio", s, NamespaceStats::l2HitRate).tags(ns.and("tier", "l2")).register(r);
        Gauge.builder("dataguardian.cache.hit.ratio", s, NamespaceStats::hitRate).tags(ns.and("tier", "all")).register(r);
    }

    static void registerBreaker(MeterRegistry r, RedisCircuitBreaker breaker) {
        Gauge.builder("dataguardian.cache.breaker.state", breaker, b -> b.state().ordinal())
                .description("0 closed, 1 open, 2 half-open").register(r);
        FunctionCounter.builder("dataguardian.cache.breaker.opened", breaker, RedisCircuitBreaker::openedCount)
                .register(r);
    }

    private static void counter(MeterRegistry r, String name, Tags tags, NamespaceStats s,
                                ToDoubleFunction<NamespaceStats> f) {
        FunctionCounter.builder(name, s, f).tags(tags).register(r);
    }
}
