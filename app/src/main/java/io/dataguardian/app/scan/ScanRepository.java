package io.dataguardian.app.scan;

import io.dataguardian.app.db.Page;
import io.dataguardian.app.db.Timestamps;
import io.dataguardian.app.finding.FindingRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.Caching;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code scans} table. Every method takes the organisation and every statement filters on it,
 * so a scan id of another organisation behaves exactly like an id that does not exist.
 *
 * <p>The list, a scan's summary and the dashboard aggregates are cached (keys in {@link ScanCacheKeys},
 * always with the organisation); each state transition, final count and delete evicts what it changes
 * once it has returned, so the writer's next read is fresh. Progress ticks of a running scan do not
 * evict: they replace the scan's {@link ScanCacheKeys.LiveProgress} entry, which {@link #list} and
 * {@link #summary} lay over the RUNNING rows they return. Calls from inside this class (the state checks
 * of {@code complete}/{@code finish}) bypass the cache and read the database.
 */
@Repository
@io.dataguardian.app.monitor.Profiled("repository.scans")   // monitor (issue 8): every public call timed
public class ScanRepository {

    /** Bytes of completed scans ({@code dataguardian.scan.bytes}; the dashboard's scan throughput), when metrics are on. */
    public static final String SCAN_BYTES = "dataguardian.scan.bytes";

    private volatile io.micrometer.core.instrument.Counter scannedBytes;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setMeterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
        this.scannedBytes = io.micrometer.core.instrument.Counter.builder(SCAN_BYTES).baseUnit("bytes")
                .description("Bytes read by completed scans").register(registry);
    }

    static final int MAX_PAGE = 500;

    private static final String COLUMNS = "id, organisation_id, owner_id, scan_type, target, status, files_total, files_done,"
            + " bytes_total, bytes_done, findings_count, current_item, critical_count, high_count, medium_count,"
            + " low_count, file_error_count, risk_score, compliance_score, created_at, updated_at, started_at,"
            + " finished_at, duration_ms, error_message";

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Null when constructed outside Spring: nothing is cached then. */
    private volatile ScanCacheKeys cacheKeys;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCacheKeys(ScanCacheKeys cacheKeys) {
        this.cacheKeys = cacheKeys;
    }

    @org.springframework.beans.factory.annotation.Autowired // the constructor Spring uses (two exist)
    public ScanRepository(DataSource dataSource, ObjectProvider<Clock> clock) {
        this(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    public ScanRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    @Caching(evict = {
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.scanListVersion(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.DASHBOARD, key = "@scanCacheKeys.dashboard(#orgId)")})
    public Scan create(long orgId, Long ownerId, ScanType type, String target) {
        Instant now = Timestamps.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into scans (organisation_id, owner_id, scan_type, target, status, created_at, updated_at)"
                        + " values (:org, :owner, :type, :target, 'QUEUED', :now, :now)")
                .param("org", orgId)
                .param("owner", ownerId)
                .param("type", type.name())
                .param("target", truncate(target, 1000))
                .param("now", Timestamps.toDb(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return findById(orgId, id).orElseThrow();
    }

    /** QUEUED -> RUNNING. False when the scan is not this organisation's or not queued. */
    @Caching(evict = {
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.summary(#orgId, #scanId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.scanListVersion(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.DASHBOARD, key = "@scanCacheKeys.dashboard(#orgId)")})
    public boolean start(long orgId, long scanId) {
        Instant now = Timestamps.now(clock);
        return jdbc.sql("update scans set status = 'RUNNING', started_at = :now, updated_at = :now"
                        + " where organisation_id = :org and id = :id and status = 'QUEUED'")
                .param("now", Timestamps.toDb(now)).param("org", orgId).param("id", scanId)
                .update() == 1;
    }

    /**
     * Progress of a running scan (the list shows it; the dashboard does not). False when the scan is not
     * this organisation's or not running. Evicts nothing: the cached lists and summary keep their rows and
     * get this progress laid over them from the scan's live-progress entry, replaced here.
     */
    public boolean updateProgress(long orgId, long scanId, Scan.Progress progress) {
        Instant now = Timestamps.now(clock);
        Scan.Progress stored = new Scan.Progress(progress.filesDone(), progress.filesTotal(), progress.bytesDone(),
                progress.bytesTotal(), progress.findings(), truncate(progress.currentItem(), 1000));
        boolean updated = jdbc.sql("update scans set files_done = :fd, files_total = :ft, bytes_done = :bd, bytes_total = :bt,"
                        + " findings_count = :fc, current_item = :item, updated_at = :now"
                        + " where organisation_id = :org and id = :id and status = 'RUNNING'")
                .param("fd", progress.filesDone()).param("ft", progress.filesTotal())
                .param("bd", progress.bytesDone()).param("bt", progress.bytesTotal())
                .param("fc", progress.findings()).param("item", stored.currentItem())
                .param("now", Timestamps.toDb(now))
                .param("org", orgId).param("id", scanId)
                .update() == 1;
        ScanCacheKeys keys = cacheKeys;
        if (updated && keys != null) {
            keys.put(ScanCacheKeys.PROGRESS, keys.progress(orgId, scanId),
                    new ScanCacheKeys.LiveProgress(ScanStatus.RUNNING, stored, now));
        }
        return updated;
    }

    /** RUNNING -> COMPLETED with the final counts and scores. */
    @Caching(evict = {
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.summary(#orgId, #scanId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.scanListVersion(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.DASHBOARD, key = "@scanCacheKeys.dashboard(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.PROGRESS, key = "@scanCacheKeys.progress(#orgId, #scanId)")})
    public boolean complete(long orgId, long scanId, Scan.SeverityCounts counts, long fileErrors,
                            double riskScore, double complianceScore) {
        Optional<Scan> scan = findById(orgId, scanId);
        if (scan.isEmpty() || scan.get().status() != ScanStatus.RUNNING) {
            return false;
        }
        Instant now = Timestamps.now(clock);
        boolean done = jdbc.sql("update scans set status = 'COMPLETED', critical_count = :c, high_count = :h,"
                        + " medium_count = :m, low_count = :l, findings_count = :total, file_error_count = :fe,"
                        + " risk_score = :risk, compliance_score = :compliance, current_item = null,"
                        + " finished_at = :now, updated_at = :now, duration_ms = :ms"
                        + " where organisation_id = :org and id = :id and status = 'RUNNING'")
                .param("c", counts.critical()).param("h", counts.high()).param("m", counts.medium())
                .param("l", counts.low()).param("total", counts.total()).param("fe", fileErrors)
                .param("risk", riskScore).param("compliance", complianceScore)
                .param("now", Timestamps.toDb(now)).param("ms", durationMs(scan.get(), now))
                .param("org", orgId).param("id", scanId)
                .update() == 1;
        if (done && scannedBytes != null) {
            scannedBytes.increment(scan.get().progress().bytesDone());
        }
        return done;
    }

    /** Any non-final state -> FAILED, with a message for a person (never a credential or raw value). */
    @Caching(evict = {
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.summary(#orgId, #scanId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.scanListVersion(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.DASHBOARD, key = "@scanCacheKeys.dashboard(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.PROGRESS, key = "@scanCacheKeys.progress(#orgId, #scanId)")})
    public boolean fail(long orgId, long scanId, String message) {
        return finish(orgId, scanId, ScanStatus.FAILED, message);
    }

    /** Any non-final state -> CANCELLED. */
    @Caching(evict = {
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.summary(#orgId, #scanId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.SCANS, key = "@scanCacheKeys.scanListVersion(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.DASHBOARD, key = "@scanCacheKeys.dashboard(#orgId)"),
            @CacheEvict(cacheNames = ScanCacheKeys.PROGRESS, key = "@scanCacheKeys.progress(#orgId, #scanId)")})
    public boolean cancel(long orgId, long scanId) {
        return finish(orgId, scanId, ScanStatus.CANCELLED, null);
    }

    private boolean finish(long orgId, long scanId, ScanStatus status, String message) {
        Optional<Scan> scan = findById(orgId, scanId);
        if (scan.isEmpty() || scan.get().status().isFinal()) {
            return false;
        }
        Instant now = Timestamps.now(clock);
        return jdbc.sql("update scans set status = :status, error_message = :msg, current_item = null,"
                        + " finished_at = :now, updated_at = :now, duration_ms = :ms"
                        + " where organisation_id = :org and id = :id and status in ('QUEUED', 'RUNNING')")
                .param("status", status.name()).param("msg", truncate(message, 2000))
                .param("now", Timestamps.toDb(now)).param("ms", durationMs(scan.get(), now))
                .param("org", orgId).param("id", scanId)
                .update() == 1;
    }

    public Optional<Scan> findById(long orgId, long scanId) {
        return jdbc.sql("select " + COLUMNS + " from scans where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", scanId)
                .query(ScanRepository::map).optional();
    }

    /**
     * A page of the organisation's scans, newest first. Keyset on (created_at, id), served by
     * {@code ix_scans_org_created}; {@code after} is the previous page's {@link ScanPage#next()} or null.
     * Cached (the page without its running scans' latest progress, which is laid over it on every read).
     */
    public ScanPage list(long orgId, ScanFilter filter, Scan.Cursor after, int limit) {
        ScanCacheKeys keys = cacheKeys;
        if (keys == null) {
            return loadList(orgId, filter, after, limit);
        }
        ScanPage page = keys.cached(ScanCacheKeys.SCANS, keys.scanList(orgId, filter, after, limit),
                () -> loadList(orgId, filter, after, limit));
        if (page.items().stream().noneMatch(s -> s.status() == ScanStatus.RUNNING)) {
            return page;
        }
        return new ScanPage(page.items().stream().map(s -> withLiveProgress(keys, s)).toList(), page.next());
    }

    private ScanPage loadList(long orgId, ScanFilter filter, Scan.Cursor after, int limit) {
        int size = pageSize(limit);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from scans where organisation_id = :org");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", orgId);
        if (filter.type() != null) {
            sql.append(" and scan_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.createdFrom() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", Timestamps.toDb(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            sql.append(" and created_at < :to");
            params.put("to", Timestamps.toDb(filter.createdTo()));
        }
        if (after != null) {
            // the redundant "created_at <= " bounds the index range; the OR only breaks ties
            sql.append(" and created_at <= :afterAt and (created_at < :afterAt or id < :afterId)");
            params.put("afterAt", Timestamps.toDb(after.createdAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", size + 1);
        List<Scan> rows = jdbc.sql(sql.toString()).params(params).query(ScanRepository::map).list();
        return ScanPage.of(Page.of(rows, size, Scan::cursor));
    }

    static int pageSize(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }

    /**
     * The scan and its findings counted by severity and type; empty when it is not the organisation's.
     * Cached like {@link #list}, with a running scan's latest progress laid over it.
     */
    public Optional<ScanSummary> summary(long orgId, long scanId) {
        ScanCacheKeys keys = cacheKeys;
        if (keys == null) {
            return Optional.ofNullable(loadSummary(orgId, scanId));
        }
        ScanSummary summary = keys.cached(ScanCacheKeys.SCANS, keys.summary(orgId, scanId), () -> loadSummary(orgId, scanId));
        if (summary == null || summary.scan().status() != ScanStatus.RUNNING) {
            return Optional.ofNullable(summary);
        }
        return Optional.of(new ScanSummary(withLiveProgress(keys, summary.scan()), summary.counts()));
    }

    private ScanSummary loadSummary(long orgId, long scanId) {
        return findById(orgId, scanId).map(scan ->
                new ScanSummary(scan, FindingRepository.countBySeverityAndType(jdbc, orgId, scanId))).orElse(null);
    }

    /**
     * A running scan with the progress of its live entry (loaded from the row on a miss) when that is at
     * least as new as the row's own; any other scan unchanged.
     */
    private Scan withLiveProgress(ScanCacheKeys keys, Scan scan) {
        if (scan.status() != ScanStatus.RUNNING) {
            return scan;
        }
        ScanCacheKeys.LiveProgress live = keys.cached(ScanCacheKeys.PROGRESS, keys.progress(scan.orgId(), scan.id()),
                () -> loadProgress(scan.orgId(), scan.id()));
        if (live == null || live.status() != ScanStatus.RUNNING || live.updatedAt() == null
                || (scan.updatedAt() != null && live.updatedAt().isBefore(scan.updatedAt()))) {
            return scan;
        }
        return new Scan(scan.id(), scan.orgId(), scan.ownerId(), scan.type(), scan.target(), scan.status(),
                live.progress(), scan.counts(), scan.fileErrorCount(), scan.riskScore(), scan.complianceScore(),
                scan.createdAt(), live.updatedAt(), scan.startedAt(), scan.finishedAt(), scan.durationMs(),
                scan.errorMessage());
    }

    private ScanCacheKeys.LiveProgress loadProgress(long orgId, long scanId) {
        return jdbc.sql("select status, files_done, files_total, bytes_done, bytes_total, findings_count, current_item,"
                        + " updated_at from scans where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", scanId)
                .query((rs, row) -> new ScanCacheKeys.LiveProgress(ScanStatus.valueOf(rs.getString("status")),
                        new Scan.Progress(rs.getLong("files_done"), rs.getLong("files_total"), rs.getLong("bytes_done"),
                                rs.getLong("bytes_total"), rs.getLong("findings_count"), rs.getString("current_item")),
                        Timestamps.fromDb(rs, "updated_at")))
                .optional().orElse(null);
    }

    /** Dashboard aggregates of the organisation. */
    @Cacheable(cacheNames = ScanCacheKeys.DASHBOARD, key = "@scanCacheKeys.dashboard(#orgId)")
    public ScanStatistics statistics(long orgId) {
        Map<ScanStatus, Long> byStatus = new EnumMap<>(ScanStatus.class);
        for (ScanStatus s : ScanStatus.values()) {
            byStatus.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from scans where organisation_id = :org group by status")
                .param("org", orgId)
                .query(rs -> {
                    byStatus.put(ScanStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        List<ScanStatistics> result = new ArrayList<>(1);
        jdbc.sql("select coalesce(sum(critical_count), 0) as c, coalesce(sum(high_count), 0) as h,"
                        + " coalesce(sum(medium_count), 0) as m, coalesce(sum(low_count), 0) as l,"
                        + " avg(risk_score) as risk, avg(compliance_score) as compliance"
                        + " from scans where organisation_id = :org and status = 'COMPLETED'")
                .param("org", orgId)
                .query(rs -> {
                    result.add(new ScanStatistics(byStatus,
                            new Scan.SeverityCounts(rs.getLong("c"), rs.getLong("h"), rs.getLong("m"), rs.getLong("l")),
                            nullableDouble(rs, "risk"), nullableDouble(rs, "compliance")));
                });
        return result.get(0);
    }

    static Scan map(ResultSet rs, int row) throws SQLException {
        return new Scan(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                nullableLong(rs, "owner_id"),
                ScanType.valueOf(rs.getString("scan_type")),
                rs.getString("target"),
                ScanStatus.valueOf(rs.getString("status")),
                new Scan.Progress(rs.getLong("files_done"), rs.getLong("files_total"), rs.getLong("bytes_done"),
                        rs.getLong("bytes_total"), rs.getLong("findings_count"), rs.getString("current_item")),
                new Scan.SeverityCounts(rs.getLong("critical_count"), rs.getLong("high_count"),
                        rs.getLong("medium_count"), rs.getLong("low_count")),
                rs.getLong("file_error_count"),
                nullableDouble(rs, "risk_score"),
                nullableDouble(rs, "compliance_score"),
                Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "updated_at"),
                Timestamps.fromDb(rs, "started_at"),
                Timestamps.fromDb(rs, "finished_at"),
                nullableLong(rs, "duration_ms"),
                rs.getString("error_message"));
    }

    private static Long durationMs(Scan scan, Instant now) {
        return scan.startedAt() == null ? null : Duration.between(scan.startedAt(), now).toMillis();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
