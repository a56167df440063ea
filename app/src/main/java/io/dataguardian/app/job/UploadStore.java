package io.dataguardian.app.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploaded files kept in the shared database ({@code scan_uploads}, 1 MiB chunks), so whichever node claims
 * the scan can read them. Written and read as streams: at most one chunk is in memory at a time.
 */
@Repository
public class UploadStore {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;

    public UploadStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Stores one file of the scan's upload; returns its size in bytes. */
    public long store(long scanId, int fileNo, String fileName, InputStream in) throws IOException {
        long total = 0;
        int chunkNo = 0;
        byte[] buffer = new byte[CHUNK];
        while (true) {
            int n = in.readNBytes(buffer, 0, CHUNK);
            if (n <= 0 && chunkNo > 0) {
                break;
            }
            byte[] data = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, Math.max(n, 0));
            jdbc.sql("insert into scan_uploads (scan_id, file_no, chunk_no, file_name, data)"
                            + " values (:scan, :file, :chunk, :name, :data)")
                    .param("scan", scanId).param("file", fileNo).param("chunk", chunkNo++).param("name", fileName)
                    .param("data", data).update();
            total += Math.max(n, 0);
            if (n < CHUNK) {
                break;
            }
        }
        return total;
    }

    /** Writes the scan's uploaded files into {@code dir} under their (sanitised) names; returns the files. */
    public List<Path> materialise(long scanId, Path dir) throws IOException {
        List<Object[]> files = jdbc.sql("select distinct file_no, file_name from scan_uploads where scan_id = :scan"
                        + " and chunk_no = 0 order by file_no")
                .param("scan", scanId).query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
        List<Path> written = new ArrayList<>();
        for (Object[] f : files) {
            int fileNo = (Integer) f[0];
            Path target = dir.resolve(uniqueName(dir, (String) f[1], fileNo));
            try (OutputStream out = Files.newOutputStream(target)) {
                int chunkNo = 0;
                while (true) {
                    byte[] data = jdbc.sql("select data from scan_uploads where scan_id = :scan and file_no = :file"
                                    + " and chunk_no = :chunk")
                            .param("scan", scanId).param("file", fileNo).param("chunk", chunkNo++)
                            .query(byte[].class).optional().orElse(null);
                    if (data == null) {
                        break;
                    }
                    out.write(data);
                }
            }
            written.add(target);
        }
        return written;
    }

    public int delete(long scanId) {
        return jdbc.sql("delete from scan_uploads where scan_id = :scan").param("scan", scanId).update();
    }

    public long bytes(long scanId) {
        return jdbc.sql("select coalesce(sum(length(data)), 0) from scan_uploads where scan_id = :scan")
                .param("scan", scanId).query(Long.class).single();
    }

    /** A file name safe on any file system: no directories, no leading dots, no control characters. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").replaceAll("^\\.+", "");
        if (base.isBlank()) {
            base = "upload";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String uniqueName(Path dir, String name, int fileNo) {
        String safe = safeName(name);
        return Files.exists(dir.resolve(safe)) ? fileNo + "-" + safe : safe;
    }
}
