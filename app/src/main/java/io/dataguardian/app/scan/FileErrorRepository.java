package io.dataguardian.app.scan;

import io.dataguardian.app.db.Page;
import io.dataguardian.engine.finding.FileError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scan_file_errors} table: files a scan could not read completely. Scoped by organisation. */
@Repository
public class FileErrorRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public FileErrorRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
    }

    /** Stores errors of one scan; {@link IllegalArgumentException} when the scan is not the organisation's. */
    public int insertAll(long orgId, long scanId, Collection<FileError> errors) {
        if (errors.isEmpty()) {
            return 0;
        }
        boolean exists = jdbc.sql("select count(*) from scans where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", scanId).query(Long.class).single() > 0;
        if (!exists) {
            throw new IllegalArgumentException("no scan " + scanId + " in this organisation");
        }
        List<Object[]> rows = new ArrayList<>(errors.size());
        for (FileError e : errors) {
            rows.add(new Object[] {orgId, scanId, ScanRepository.truncate(e.path(), 4000),
                    ScanRepository.truncate(e.kind(), 64), ScanRepository.truncate(e.message(), 2000)});
        }
        int[][] counts = template.batchUpdate(
                "insert into scan_file_errors (organisation_id, scan_id, path, kind, message) values (?, ?, ?, ?, ?)",
                rows, 1_000, (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        return rows.size() - (int) java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream)
                .filter(c -> c == 0).count();
    }

    public Optional<ScanFileError> findById(long orgId, long id) {
        return jdbc.sql("select id, organisation_id, scan_id, path, kind, message from scan_file_errors"
                        + " where organisation_id = :org and id = :id")
                .param("org", orgId).param("id", id).query(FileErrorRepository::map).optional();
    }

    /** A page of a scan's errors in id order; empty when the scan is not the organisation's. */
    public Page<ScanFileError, Long> page(long orgId, long scanId, Long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        List<ScanFileError> rows = jdbc.sql("select id, organisation_id, scan_id, path, kind, message from scan_file_errors"
                        + " where scan_id = :scan and organisation_id = :org and id > :after order by id limit :limit")
                .param("scan", scanId).param("org", orgId).param("after", afterId == null ? 0L : afterId)
                .param("limit", size + 1)
                .query(FileErrorRepository::map).list();
        return Page.of(rows, size, ScanFileError::id);
    }

    private static ScanFileError map(ResultSet rs, int row) throws SQLException {
        return new ScanFileError(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("scan_id"),
                new FileError(rs.getString("path"), rs.getString("kind"), rs.getString("message")));
    }
}
