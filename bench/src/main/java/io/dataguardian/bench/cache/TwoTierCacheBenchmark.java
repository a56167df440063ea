package io.dataguardian.bench.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Latency of the cache's two read paths, built from the same parts and calls as
 * {@code io.dataguardian.app.cache.TwoTierCache} (the app module is a Boot jar, so it is not on this
 * class path): an L1 hit (Caffeine AsyncCache lookup of a completed entry) and an L2 hit (Spring Data
 * Redis GET through Lettuce plus strict Jackson 3 decoding of the typed envelope).
 *
 * <pre>java -jar bench/target/benchmarks.jar TwoTierCache -f 1 -wi 2 -i 3</pre>
 * Needs Redis at {@code -Dredis.url} (default redis://127.0.0.1:6379) for the L2 benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TwoTierCacheBenchmark {

    public record Envelope<T>(long exp, T v) {
    }

    public record ScoreView(String scanId, int score, List<String> maskedSamples) {
    }

    record Key(String org, String key) {
    }

    private AsyncCache<Key, Object> l1;
    private Key hot;
    private LettuceConnectionFactory factory;
    private RedisTemplate<String, byte[]> template;
    private JsonMapper mapper;
    private JavaType envelopeType;
    private String redisKey;

    @Setup(Level.Trial)
    public void setUp() {
        l1 = Caffeine.newBuilder().maximumWeight(16L << 20).weigher((Key k, Object v) -> 200).buildAsync();
        ScoreView value = new ScoreView("scan-42", 82, List.of("j***@example.com", "+31 6 ****5678", "NL** **** 1234"));
        for (int i = 0; i < 10_000; i++) {
            l1.put(new Key("org1", "k" + i), CompletableFuture.completedFuture(value));
        }
        hot = new Key("org1", "k4242");

        mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        envelopeType = mapper.getTypeFactory().constructParametricType(Envelope.class, ScoreView.class);
        String url = System.getProperty("redis.url", "redis://127.0.0.1:6379");
        // a generous timeout here: this measures latency, the app's 50 ms budget is not under test
        factory = new LettuceConnectionFactory(
                (RedisStandaloneConfiguration) LettuceConnectionFactory.createRedisConfiguration(url),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        factory.afterPropertiesSet();
        factory.start();
        template = new RedisTemplate<>();
        template.setConnectionFactory(factory);
        template.setEnableDefaultSerializer(false);
        template.setKeySerializer(StringRedisSerializer.UTF_8);
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        redisKey = "dgbench:compliance-scores:org1:scan-42";
        template.opsForValue().set(redisKey,
                mapper.writeValueAsBytes(new Envelope<>(System.currentTimeMillis() + 3_600_000, value)),
                Duration.ofHours(1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        template.delete(redisKey);
        factory.destroy();
    }

    @Benchmark
    public Object l1Hit() {
        CompletableFuture<Object> f = l1.getIfPresent(hot);
        return f.getNow(null);
    }

    @Benchmark
    public Object l2Hit() {
        byte[] bytes = template.opsForValue().get(redisKey);
        Envelope<?> e = mapper.readValue(bytes, envelopeType);
        return e.v();
    }
}
