package io.dataguardian.app.job;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the nodes of a multi-node test share, as production nodes do: one PostgreSQL schema and one Redis, under a
 * session namespace and a cache key prefix of the test's own.
 */
final class SharedStores {

    final String schema;
    final String namespace = "dataguardian:test:" + UUID.randomUUID();
    final String cachePrefix = "dgtest-" + UUID.randomUUID().toString().substring(0, 8);

    SharedStores(String schemaPrefix) {
        schema = TestInfrastructure.createSchema(schemaPrefix);
    }

    /** A node on the shared stores: scans admitted whatever the free memory, db-scheduler polling every second. */
    Map<String, String> nodeSettings(String schedulerName) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dataguardian.db.url", TestInfrastructure.urlFor(schema));
        s.put("dataguardian.db.user", TestInfrastructure.PG_USER);
        s.put("dataguardian.db.password", TestInfrastructure.PG_PASSWORD);
        s.put("dataguardian.redis.url", TestInfrastructure.REDIS_URL);
        s.put("spring.session.data.redis.namespace", namespace);
        s.put("dataguardian.cache.key-prefix", cachePrefix);
        s.put("dataguardian.scan.secret", "multi-node-test-secret-0123456789");
        s.put("dataguardian.scan.min-headroom", "0");
        s.put("db-scheduler.scheduler-name", schedulerName);
        s.put("db-scheduler.polling-interval", "1s");
        return s;
    }

    /** Deletes the test's Redis keys through each node still running and stops it; then drops the schema. */
    void close(RunningApp... nodes) {
        for (RunningApp node : nodes) {
            if (node != null && node.context().isActive()) {
                TestInfrastructure.deleteRedisKeys(node.context().getBean(StringRedisTemplate.class), namespace,
                        cachePrefix);
                node.close();
            }
        }
        TestInfrastructure.dropSchema(schema);
    }
}
