package io.dataguardian.app.finding;

import io.dataguardian.app.db.DatabaseKind;
import io.dataguardian.app.db.Page;
import io.dataguardian.app.scan.ScanCacheKeys;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.Caching;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code findings} table. Writes go in batches: on PostgreSQL through binary {@code COPY ... FROM STDIN}
 * (one round trip per batch), elsewhere through a JDBC batch. Reads are scoped by organisation in SQL.
 * Findings pages are cached in {@code large-datasets} under a per-scan version that every insert retires
 * (see {@link ScanCacheKeys}); an insert also evicts the scan's summary, which counts them.
 */
@Repository
public class FindingRepository {

    static final int MAX_PAGE = 500;
    private static final int JDBC_BATCH = 1_000;
    /** Binary COPY signature: "PGCOPY\n\377\r\n\0". */
    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final SQLExceptionTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();

    private static final String INSERT_COLUMNS = "organisation_id, scan_id, detector_id, entity_type, severity, confidence,"
            + " articles, path, section, start_line, start_column, end_line, end_column, char_offset, char_length,"
            + " masked_value, fingerprint, snippet, occurrences, attributes";
    private static final String COLUMNS = "id, " + INSERT_COLUMNS;
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile DatabaseKind kind;

    public FindingRepository(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    /**
     * Stores findings of one scan of the organisation. Throws {@link IllegalArgumentException} when the
     * scan is not the organisation's; the composite foreign key (organisation_id, scan_id) backs this up.
     *
     * @return how many rows were written
     */
    @Caching(evict = {
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.findingsVersion(#orgId, #scanId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.summary(#orgId, #scanId)")})
    public long insertAll(long orgId, long scanId, Collection<Finding> findings) {
        if (findings.isEmpty()) {
            return 0;
        }
        requireScan(orgId, scanId);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (kind(connection) == DatabaseKind.POSTGRESQL) {
                return copy(connection, orgId, scanId, findings);
            }
            return batch(connection, orgId, scanId, findings);
        } catch (SQLException e) {
            // a refused row (constraint) stays an integrity error; only a lost connection reads as an outage
            DataAccessException translated = TRANSLATOR.translate("store findings of scan " + scanId, null, e);
            throw translated != null ? translated
                    : new DataAccessResourceFailureException("could not store findings of scan " + scanId, e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("could not store " + findings.size()
                    + " findings of scan " + scanId + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long copy(Connection connection, long orgId, long scanId, Collection<Finding> findings)
            throws SQLException, IOException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String sql = "copy findings (" + INSERT_COLUMNS + ") from stdin with (format binary)";
        PGCopyOutputStream out = new PGCopyOutputStream(pg, sql, 1 << 16);
        boolean done = false;
        try {
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            d.write(BINARY_SIGNATURE);
            d.writeInt(0); // flags: no OIDs
            d.writeInt(0); // no header extension
            for (Finding f : findings) {
                Location l = f.location();
                d.writeShort(20); // fields, in INSERT_COLUMNS order and with exactly the columns' types
                int8(d, orgId);
                int8(d, scanId);
                text(d, f.detectorId());
                text(d, f.entityType());
                text(d, f.severity().name());
                d.writeInt(8);
                d.writeDouble(f.confidence());
                text(d, json.writeValueAsString(f.articles()));
                text(d, l.path());
                text(d, l.section());
                int4(d, l.line());
                int4(d, l.column());
                int4(d, l.endLine());
                int4(d, l.endColumn());
                int8(d, l.offset());
                int4(d, l.length());
                text(d, f.maskedValue());
                text(d, f.fingerprint());
                text(d, truncate(f.snippet(), 4000));
                int4(d, f.occurrences());
                text(d, json.writeValueAsString(f.attributes()));
            }
            d.writeShort(-1); // trailer
            d.flush();
            long rows = out.endCopy();
            done = true;
            return rows;
        } finally {
            if (!done && out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    private static void int8(DataOutputStream d, long v) throws IOException {
        d.writeInt(8);
        d.writeLong(v);
    }

    private static void int4(DataOutputStream d, int v) throws IOException {
        d.writeInt(4);
        d.writeInt(v);
    }

    /**
     * A varchar field of binary COPY: its UTF-8 bytes (no quoting or escaping exists in this format), length -1
     * for NULL. PostgreSQL text cannot hold NUL (a snippet of a binary file can): it becomes U+FFFD rather than
     * failing the whole scan's store.
     */
    static void text(DataOutputStream d, String value) throws IOException {
        if (value == null) {
            d.writeInt(-1);
            return;
        }
        String v = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        d.writeInt(bytes.length);
        d.write(bytes);
    }

    private long batch(Connection connection, long orgId, long scanId, Collection<Finding> findings)
            throws SQLException {
        String sql = "insert into findings (" + INSERT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)";
        long written = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Finding f : findings) {
                Location l = f.location();
                ps.setLong(1, orgId);
                ps.setLong(2, scanId);
                ps.setString(3, f.detectorId());
                ps.setString(4, f.entityType());
                ps.setString(5, f.severity().name());
                ps.setDouble(6, f.confidence());
                ps.setString(7, json.writeValueAsString(f.articles()));
                ps.setString(8, l.path());
                ps.setString(9, l.section());
                ps.setInt(10, l.line());
                ps.setInt(11, l.column());
                ps.setInt(12, l.endLine());
                ps.setInt(13, l.endColumn());
                ps.setLong(14, l.offset());
                ps.setInt(15, l.length());
                ps.setString(16, f.maskedValue());
                ps.setString(17, f.fingerprint());
                ps.setString(18, truncate(f.snippet(), 4000));
                ps.setInt(19, f.occurrences());
                ps.setString(20, json.writeValueAsString(f.attributes()));
                ps.addBatch();
                if (++pending == JDBC_BATCH) {
                    written += sum(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                written += sum(ps.executeBatch());
            }
        }
        return written;
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) {
            n += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : c;
        }
        return n;
    }

    public Optional<StoredFinding> findById(long orgId, long findingId) {
        return jdbc.sql("select " + COLUMNS + " from findings where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", findingId)
                .query(this::map).optional();
    }

    /**
     * A page of a scan's findings in id order (keyset on (scan_id, id), served by {@code ix_findings_scan_id};
     * with a severity filter also by {@code ix_findings_scan_severity_type}). {@code afterId} is the previous
     * page's {@link FindingPage#next()} or null. Empty when the scan is not the organisation's.
     */
    @Cacheable(cacheNames = ScanCacheKeys.FINDINGS,
            key = "@scanCacheKeys.findings(#orgId, #scanId, #filter, #afterId, #limit, " + MAX_PAGE + ")")
    public FindingPage page(long orgId, long scanId, FindingFilter filter, Long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
                .append(" from findings where scan_id = :scan and organisation_id = :org");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scan", scanId);
        params.put("org", orgId);
        if (!filter.severities().isEmpty()) {
            sql.append(" and severity in (:severities)");
            params.put("severities", filter.severities().stream().map(Severity::name).sorted().toList());
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            sql.append(" and entity_type = :type");
            params.put("type", filter.entityType());
        }
        if (filter.pathPrefix() != null && !filter.pathPrefix().isEmpty()) {
            sql.append(" and path like :path escape '!'");
            params.put("path", escapeLike(filter.pathPrefix()) + "%");
        }
        if (afterId != null) {
            sql.append(" and id > :after");
            params.put("after", afterId);
        }
        sql.append(" order by id limit :limit");
        params.put("limit", size + 1);
        List<StoredFinding> rows = jdbc.sql(sql.toString()).params(params).query(this::map).list();
        return FindingPage.of(Page.of(rows, size, StoredFinding::id));
    }

    /**
     * Counts by severity and entity type of one scan; empty when the scan is not the organisation's.
     * The organisation is checked once against {@code scans}, so the count itself is index-only on
     * {@code ix_findings_scan_severity_type}.
     */
    public List<FindingCount> countBySeverityAndType(long orgId, long scanId) {
        return countBySeverityAndType(jdbc, orgId, scanId);
    }

    /** The same count for a scan's summary ({@code ScanRepository.summary}). */
    public static List<FindingCount> countBySeverityAndType(JdbcClient jdbc, long orgId, long scanId) {
        return jdbc.sql("select severity, entity_type, count(*) as n, sum(occurrences) as occ from findings"
                        + " where scan_id = :scan"
                        + " and exists (select 1 from scans s where s.id = :scan and s.organisation_id = :org)"
                        + " group by severity, entity_type order by severity, entity_type")
                .param("scan", scanId).param("org", orgId)
                .query((rs, i) -> new FindingCount(Severity.valueOf(rs.getString("severity")),
                        rs.getString("entity_type"), rs.getLong("n"), rs.getLong("occ")))
                .list();
    }

    private void requireScan(long orgId, long scanId) {
        boolean exists = jdbc.sql("select count(*) from scans where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", scanId).query(Long.class).single() > 0;
        if (!exists) {
            throw new IllegalArgumentException("no scan " + scanId + " in this organisation");
        }
    }

    private DatabaseKind kind(Connection connection) throws SQLException {
        DatabaseKind k = kind;
        if (k == null) {
            k = DatabaseKind.of(connection);
            kind = k;
        }
        return k;
    }

    private StoredFinding map(ResultSet rs, int row) throws SQLException {
        Location location = new Location(rs.getString("path"), rs.getString("section"), rs.getInt("start_line"),
                rs.getInt("start_column"), rs.getInt("end_line"), rs.getInt("end_column"), rs.getLong("char_offset"),
                rs.getInt("char_length"));
        Finding finding = new Finding(rs.getString("detector_id"), rs.getString("entity_type"),
                Severity.valueOf(rs.getString("severity")), rs.getDouble("confidence"),
                json.readValue(rs.getString("articles"), STRING_LIST), location, rs.getString("masked_value"),
                rs.getString("fingerprint"), rs.getString("snippet"), rs.getInt("occurrences"),
                json.readValue(rs.getString("attributes"), STRING_MAP));
        return new StoredFinding(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("scan_id"), finding);
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }

}
