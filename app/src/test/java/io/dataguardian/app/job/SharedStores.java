package io.dataguardian.app.job;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the nodes of a multi-node test share, as production nodes do: one PostgreSQL schema and one Redis, under a
 * namespace of the test's own (sessions and cache keys).
 */
final class SharedStores {

    final String schema;
    final String namespace = "dataguardian:test:" + UUID.randomUUID();

    SharedStores(String schemaPrefix) {
        schema = TestInfrastructure.createSchema(schemaPrefix);
    }

    /** A node on the shared stores: scans admitted whatever the free memory, db-scheduler polling every second. */
    Map<String, String> nodeSettings(String schedulerName) {
        Map<String, String> s = TestInfrastructure.productionSettings(schema, namespace);
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
                TestInfrastructure.deleteRedisKeys(node.context().getBean(StringRedisTemplate.class), namespace);
                node.close();
            }
        }
        TestInfrastructure.dropSchema(schema);
    }
}
