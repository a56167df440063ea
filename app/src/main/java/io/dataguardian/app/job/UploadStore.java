package io.dataguardian.app.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.FileSystemUtils;

/**
 * Uploaded files, kept where whichever node claims the scan can read them: in the shared database
 * ({@code scan_uploads}, 1 MiB chunks; the default), or, with {@code dataguardian.scan.upload-dir}, in a directory
 * every node mounts ({@code <upload-dir>/scan-<id>/}), which the scan then reads in place. Written and read as
 * streams: at most one chunk is in memory at a time. A scan whose directory is missing falls back to the database,
 * so nodes may switch between the two without losing queued uploads.
 */
@Repository
public class UploadStore {

    static final int CHUNK = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);

    private final JdbcClient jdbc;
    private final Path sharedDir;

    /** Where a scan's upload is to be read, and whether it is a private copy to delete after the scan. */
    public record Prepared(Path dir, boolean temporary) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    public UploadStore(DataSource dataSource, ScanJobProperties properties) {
        this(dataSource, properties.uploadDir());
    }

    /** {@code sharedDir} null: uploads in the database. */
    public UploadStore(DataSource dataSource, Path sharedDir) {
        this.jdbc = JdbcClient.create(dataSource);
        this.sharedDir = sharedDir == null ? null : sharedDir.toAbsolutePath().normalize();
        if (this.sharedDir != null) {
            try {
                Files.createDirectories(this.sharedDir);
            } catch (IOException e) {
                throw new IllegalStateException("dataguardian.scan.upload-dir cannot be created: " + this.sharedDir, e);
            }
            if (!Files.isWritable(this.sharedDir)) {
                throw new IllegalStateException("dataguardian.scan.upload-dir is not writable: " + this.sharedDir);
            }
        }
    }

    /** The shared upload directory, or null when uploads go to the database. */
    public Path sharedDir() {
        return sharedDir;
    }

    /** Stores one file of the scan's upload; returns its size in bytes. */
    public long store(long scanId, int fileNo, String fileName, InputStream in) throws IOException {
        if (sharedDir != null) {
            return storeInDirectory(scanId, fileNo, fileName, in);
        }
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

    private long storeInDirectory(long scanId, int fileNo, String fileName, InputStream in) throws IOException {
        Path dir = scanDir(scanId);
        Files.createDirectories(dir);
        Path target = dir.resolve(uniqueName(dir, fileName, fileNo));
        Path part = dir.resolve(".part-" + fileNo);
        long size = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        return size;
    }

    /**
     * The directory to scan for this upload: the shared directory itself when the upload is there, otherwise a
     * new temporary directory the database chunks are written to (the caller deletes it after the scan).
     */
    public Prepared open(long scanId) throws IOException {
        if (sharedDir != null && Files.isDirectory(scanDir(scanId))) {
            return new Prepared(scanDir(scanId), false);
        }
        Path temp = Files.createTempDirectory("dataguardian-scan-" + scanId + "-");
        materialise(scanId, temp);
        return new Prepared(temp, true);
    }

    /** Deletes the scan's upload wherever it is. */
    public int delete(long scanId) {
        int rows = jdbc.sql("delete from scan_uploads where scan_id = :scan").param("scan", scanId).update();
        if (sharedDir != null && Files.exists(scanDir(scanId))) {
            try {
                FileSystemUtils.deleteRecursively(scanDir(scanId));
            } catch (IOException e) {
                log.warn("the upload of scan {} could not be deleted from the upload directory: {}", scanId, e.toString());
            }
        }
        return rows;
    }

    public long bytes(long scanId) {
        long inDb = jdbc.sql("select coalesce(sum(length(data)), 0) from scan_uploads where scan_id = :scan")
                .param("scan", scanId).query(Long.class).single();
        if (sharedDir == null || !Files.isDirectory(scanDir(scanId))) {
            return inDb;
        }
        try (Stream<Path> files = Files.list(scanDir(scanId))) {
            return inDb + files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return inDb;
        }
    }

    /**
     * Upload directories left behind (a node that died while receiving an upload, a failed delete): every
     * {@code scan-<id>} directory whose scan is not {@code stillNeeded} is deleted. Returns how many.
     */
    public int sweep(LongPredicate stillNeeded) {
        if (sharedDir == null) {
            return 0;
        }
        int swept = 0;
        try (Stream<Path> dirs = Files.list(sharedDir)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.matches("scan-\\d{1,18}") || !Files.isDirectory(d)) {
                    continue;
                }
                long scanId = Long.parseLong(name.substring(5));
                if (!stillNeeded.test(scanId)) {
                    FileSystemUtils.deleteRecursively(d);
                    swept++;
                }
            }
        } catch (IOException e) {
            log.warn("the upload directory could not be swept: {}", e.toString());
        }
        return swept;
    }

    private Path scanDir(long scanId) {
        return sharedDir.resolve("scan-" + scanId);
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
