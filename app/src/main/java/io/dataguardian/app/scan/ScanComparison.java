package io.dataguardian.app.scan;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A scan against the previous completed scan of the same target (same organisation, type and target):
 * findings matched by fingerprint (the keyed HMAC of the value) and entity type. New: only in this scan;
 * fixed: only in the previous one; unchanged: in both.
 */
@Component
public class ScanComparison {

    /** Counts, plus up to {@code limit} examples of new and fixed findings (masked). */
    public record Result(long scanId, Long previousScanId, long newCount, long fixedCount, long unchangedCount,
                         List<Item> newFindings, List<Item> fixedFindings) {
    }

    /** One side of a difference: masked only. */
    public record Item(String entityType, String severity, String path, String maskedValue, String fingerprint) {
    }

    private final JdbcClient jdbc;

    public ScanComparison(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Result compare(Scan scan, int limit) {
        Long previous = jdbc.sql("select id from scans where organisation_id = :org and scan_type = :type"
                        + " and target = :target and status = 'COMPLETED' and id <> :id"
                        + " and (created_at < :at or (created_at = :at and id < :id))"
                        + " order by created_at desc, id desc limit 1")
                .param("org", scan.orgId()).param("type", scan.type().name()).param("target", scan.target())
                .param("id", scan.id()).param("at", io.dataguardian.app.db.Timestamps.toDb(scan.createdAt()))
                .query(Long.class).optional().orElse(null);
        if (previous == null) {
            long all = count("select count(distinct fingerprint || ':' || entity_type) from findings"
                    + " where organisation_id = :org and scan_id = :a", scan.orgId(), scan.id(), 0);
            return new Result(scan.id(), null, all, 0, 0, examples(scan.orgId(), scan.id(), null, limit), List.of());
        }
        long onlyNew = count(ONLY_IN, scan.orgId(), scan.id(), previous);
        long fixed = count(ONLY_IN, scan.orgId(), previous, scan.id());
        long both = count("select count(*) from (select distinct fingerprint, entity_type from findings a"
                + " where a.organisation_id = :org and a.scan_id = :a and exists (select 1 from findings b"
                + " where b.organisation_id = :org and b.scan_id = :b and b.fingerprint = a.fingerprint"
                + " and b.entity_type = a.entity_type)) x", scan.orgId(), scan.id(), previous);
        return new Result(scan.id(), previous, onlyNew, fixed, both, examples(scan.orgId(), scan.id(), previous, limit),
                examples(scan.orgId(), previous, scan.id(), limit));
    }

    private static final String ONLY_IN = "select count(*) from (select distinct fingerprint, entity_type from findings a"
            + " where a.organisation_id = :org and a.scan_id = :a and not exists (select 1 from findings b"
            + " where b.organisation_id = :org and b.scan_id = :b and b.fingerprint = a.fingerprint"
            + " and b.entity_type = a.entity_type)) x";

    private long count(String sql, long org, long a, long b) {
        return jdbc.sql(sql).param("org", org).param("a", a).param("b", b).query(Long.class).single();
    }

    private List<Item> examples(long org, long a, Long b, int limit) {
        return jdbc.sql("select entity_type, severity, path, masked_value, fingerprint from findings a"
                        + " where a.organisation_id = :org and a.scan_id = :a and not exists (select 1 from findings b"
                        + " where b.organisation_id = :org and b.scan_id = :b and b.fingerprint = a.fingerprint"
                        + " and b.entity_type = a.entity_type) order by a.id limit :limit")
                .param("org", org).param("a", a).param("b", b == null ? -1L : b).param("limit", Math.max(1, limit))
                .query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
