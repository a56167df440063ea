package io.dataguardian.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataguardian.app.audit.AuditLogRepository;
import io.dataguardian.app.finding.FindingFilter;
import io.dataguardian.app.finding.FindingRepository;
import io.dataguardian.app.scan.FileErrorRepository;
import io.dataguardian.app.scan.ScanComparison;
import io.dataguardian.app.scan.ScanFilter;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanStatus;
import io.dataguardian.engine.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot read queries, exactly as the repositories send them (captured through datasource-proxy with
 * their parameters), are explained on PostgreSQL over a realistic volume: 200,000 findings in 400 scans
 * of 20 organisations (one scan holds a tenth), 4,000 scans and 40,000 audit entries. None may read
 * findings, scans, scan_file_errors or audit_log sequentially. {@code -Ddataguardian.test.plan-findings=1000000}
 * runs it on a million findings (passes; ~90 s on a shared 2-core machine, so not the default).
 */
class QueryPlanTest {

    static final int FINDINGS = Integer.getInteger("dataguardian.test.plan-findings", 200_000);
    static final Set<String> HOT_TABLES = Set.of("findings", "scans", "audit_log", "scan_file_errors");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static TestDatabase db;
    static long org;
    static long bigScan;

    @BeforeAll
    static void seed() {
        db = TestDatabase.postgres();
        var jdbc = db.jdbc();
        jdbc.sql("insert into organisations (name) select 'org-' || g from generate_series(1, 20) g").update();
        long firstOrg = jdbc.sql("select min(id) from organisations").query(Long.class).single();
        jdbc.sql("insert into scans (organisation_id, scan_type, target, status, critical_count, high_count,"
                + " risk_score, compliance_score, created_at, updated_at)"
                + " select " + firstOrg + " + g % 20, case when g % 3 = 0 then 'DATABASE' else 'FILES' end, 'target ' || g,"
                + " case when g % 50 = 0 then 'RUNNING' when g % 97 = 0 then 'FAILED' else 'COMPLETED' end,"
                + " g % 7, g % 11, 50, 70, timestamp with time zone '2025-01-01 00:00:00+00' + g * interval '1 minute',"
                + " now() from generate_series(1, 4000) g").update();
        long firstScan = jdbc.sql("select min(id) from scans").query(Long.class).single();
        bigScan = firstScan;
        org = jdbc.sql("select organisation_id from scans where id = :id").param("id", bigScan).query(Long.class).single();
        // 10% of the findings in one big scan, the rest spread over 399 others
        int big = FINDINGS / 10;
        jdbc.sql("insert into findings (organisation_id, scan_id, detector_id, entity_type, severity, confidence, articles,"
                + " path, section, start_line, start_column, end_line, end_column, char_offset, char_length,"
                + " masked_value, fingerprint, snippet, occurrences, attributes)"
                + " select s.organisation_id, s.id, 'detector.x', (array['EMAIL','IBAN','BSN','PHONE','NAME'])[1 + g % 5],"
                + " (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + g % 4], 0.9, '[\"GDPR Art. 6\"]',"
                + " 'dir' || (g % 100) || '/file' || g || '.csv', null, 1, 1, 1, 10, g, 9, 'j***@e***.nl',"
                + " md5((g % 50000)::text) || md5((g % 50000)::text), 'snippet', 1, '{}'"
                + " from generate_series(1, " + FINDINGS + ") g"
                + " join scans s on s.id = case when g <= " + big + " then " + firstScan
                + " else " + (firstScan + 1) + " + g % 399 end").update();
        // scan 21 re-scans the target of scan 1 (same organisation: g % 20), so it has a previous scan to compare with
        jdbc.sql("update scans set target = 'target 1', scan_type = 'FILES' where id = :id")
                .param("id", firstScan + 20).update();
        jdbc.sql("insert into scan_file_errors (organisation_id, scan_id, path, kind, message)"
                + " select s.organisation_id, s.id, 'f' || g, 'corrupt', 'bad' from generate_series(1, 20000) g"
                + " join scans s on s.id = " + firstScan + " + g % 400").update();
        jdbc.sql("insert into audit_log (organisation_id, actor, action, target, occurred_at, details)"
                + " select " + firstOrg + " + g % 20, 'alice', 'scan.created', 'scan:' || g,"
                + " timestamp with time zone '2025-01-01 00:00:00+00' + g * interval '1 second', '{}'"
                + " from generate_series(1, " + FINDINGS / 5 + ") g").update();
        jdbc.sql("vacuum analyze").update();
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.drop();
        }
    }

    /** Every statement a repository sends through it, with its parameter-setting calls. */
    static final class Recorder implements QueryExecutionListener {
        final List<QueryInfo> queries = new CopyOnWriteArrayList<>();

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            queries.addAll(queryInfoList);
        }
    }

    @Test
    void hotQueriesUseIndexesNotSequentialScans() throws Exception {
        Recorder recorder = new Recorder();
        DataSource recorded = ProxyDataSourceBuilder.create(db.dataSource()).listener(recorder).build();
        ScanRepository scans = new ScanRepository(recorded, Clock.systemUTC());
        FindingRepository findings = new FindingRepository(recorded, JSON);
        FileErrorRepository errors = new FileErrorRepository(recorded);
        AuditLogRepository audit = new AuditLogRepository(recorded, JSON, Clock.systemUTC());

        var first = scans.list(org, ScanFilter.ALL, null, 50);
        scans.list(org, ScanFilter.ALL, first.next(), 50);
        scans.list(org, new ScanFilter(null, ScanStatus.RUNNING, null, null), null, 50);
        scans.findById(org, bigScan);
        scans.statistics(org);
        var page = findings.page(org, bigScan, FindingFilter.ALL, null, 100);
        findings.page(org, bigScan, FindingFilter.ALL, page.next(), 100);
        findings.page(org, bigScan, new FindingFilter(Set.of(Severity.CRITICAL), null, null), null, 100);
        findings.page(org, bigScan, new FindingFilter(Set.of(Severity.HIGH), "IBAN", null), null, 100);
        findings.page(org, bigScan, new FindingFilter(Set.of(), null, "dir7/"), null, 100);
        findings.countBySeverityAndType(org, bigScan);
        findings.findById(org, page.items().get(0).id());
        // the comparison with the previous scan of the same target (fingerprints within two scans)
        ScanComparison comparison = new ScanComparison(recorded);
        comparison.compare(scans.findById(org, bigScan + 20).orElseThrow(), 20);
        comparison.compare(scans.findById(org, bigScan).orElseThrow(), 20);
        errors.page(org, bigScan, null, 100);
        var log = audit.list(org, null, 50);
        audit.list(org, log.next(), 50);
        audit.findById(org, log.items().get(0).id());

        List<String> offenders = new ArrayList<>();
        int explained = 0;
        try (Connection c = db.dataSource().getConnection()) {
            for (QueryInfo q : recorder.queries) {
                if (!q.getQuery().stripLeading().toLowerCase().startsWith("select")) {
                    continue;
                }
                for (List<ParameterSetOperation> params : q.getParametersList().isEmpty()
                        ? List.<List<ParameterSetOperation>>of(List.of()) : q.getParametersList()) {
                    JsonNode plan = explain(c, q.getQuery(), params);
                    explained++;
                    List<String> seq = new ArrayList<>();
                    seqScans(plan, seq);
                    if (!seq.isEmpty()) {
                        offenders.add(seq + " in: " + q.getQuery() + "\n" + plan);
                    }
                }
            }
        }
        assertThat(explained).isGreaterThanOrEqualTo(18);
        assertThat(offenders).isEmpty();
        assertThat(page.items()).hasSize(100);
        assertThat(first.items()).hasSize(50);
    }

    static JsonNode explain(Connection c, String sql, List<ParameterSetOperation> params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("explain (format json) " + sql)) {
            for (ParameterSetOperation op : params) {
                Object[] args = op.getArgs();
                ps.setObject((Integer) args[0], args[1]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1));
            }
        }
    }

    static void seqScans(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> seqScans(n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if ("Seq Scan".equals(node.path("Node Type").asString(""))
                && HOT_TABLES.contains(node.path("Relation Name").asString(""))) {
            out.add("Seq Scan on " + node.path("Relation Name").asString(""));
        }
        node.forEach(child -> seqScans(child, out));
    }
}
