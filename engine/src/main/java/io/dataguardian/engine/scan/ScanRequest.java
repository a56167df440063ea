package io.dataguardian.engine.scan;

import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.source.ScanLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and how. Build with {@link #builder(DetectionSettings)}.
 *
 * @param roots          files and directories to scan
 * @param includes       when non-empty, only files matching one of these globs are scanned
 * @param excludes       files and directories matching one of these globs are skipped
 * @param allowPaths     path allow-list: findings whose location path matches are suppressed
 *                       (files on disk that match are not read at all)
 * @param gitignore      respect {@code .gitignore} files (and skip {@code .git/})
 * @param followSymlinks follow symbolic links (loops and directories seen twice are skipped)
 * @param maxFileBytes   larger files are skipped with a {@code too-large} error
 * @param threads        worker threads (at least 1)
 * @param limits         limits for archives and documents
 * @param settings       detection settings (fingerprint key, custom rules, suppressions)
 * @param aggregateColumns fold the matches of one CSV column / JSON path into one finding per detector
 *                       (occurrences, share of rows); off: one finding per occurrence with its exact
 *                       position (default off)
 * @param findingsInMemory findings held in memory before sorted runs are spilled to temporary files
 *                       (default {@link FindingStore#DEFAULT_IN_MEMORY})
 * @param spillDirectory where the private spill directory is created, or null for java.io.tmpdir
 */
public record ScanRequest(List<Path> roots, List<String> includes, List<String> excludes, List<String> allowPaths,
                          boolean gitignore, boolean followSymlinks, long maxFileBytes, int threads,
                          ScanLimits limits, DetectionSettings settings, boolean aggregateColumns,
                          int findingsInMemory, Path spillDirectory) {

    public ScanRequest {
        roots = List.copyOf(roots);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("nothing to scan: give at least one file or directory");
        }
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        allowPaths = List.copyOf(allowPaths);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(settings, "settings");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (findingsInMemory < 1) {
            throw new IllegalArgumentException("findingsInMemory must be at least 1");
        }
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("max file size must be positive");
        }
    }

    public static Builder builder(DetectionSettings settings) {
        return new Builder(settings);
    }

    public static final class Builder {
        private final DetectionSettings settings;
        private final List<Path> roots = new ArrayList<>();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final List<String> allowPaths = new ArrayList<>();
        private boolean gitignore;
        private boolean followSymlinks = true;
        private Long maxFileBytes;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ScanLimits limits = ScanLimits.defaults();
        private boolean aggregateColumns;
        private int findingsInMemory = FindingStore.DEFAULT_IN_MEMORY;
        private Path spillDirectory;

        private Builder(DetectionSettings settings) {
            this.settings = settings;
        }

        public Builder root(Path root) {
            roots.add(root);
            return this;
        }

        public Builder roots(List<Path> paths) {
            roots.addAll(paths);
            return this;
        }

        public Builder include(List<String> globs) {
            includes.addAll(globs);
            return this;
        }

        public Builder exclude(List<String> globs) {
            excludes.addAll(globs);
            return this;
        }

        public Builder allowPaths(List<String> globs) {
            allowPaths.addAll(globs);
            return this;
        }

        public Builder gitignore(boolean on) {
            gitignore = on;
            return this;
        }

        public Builder followSymlinks(boolean on) {
            followSymlinks = on;
            return this;
        }

        public Builder maxFileBytes(long bytes) {
            maxFileBytes = bytes;
            return this;
        }

        public Builder threads(int n) {
            threads = n;
            return this;
        }

        public Builder limits(ScanLimits l) {
            limits = l;
            return this;
        }

        /** One finding per CSV column / JSON path and detector (on) or one per occurrence (off, the default). */
        public Builder aggregateColumns(boolean on) {
            aggregateColumns = on;
            return this;
        }

        /** Findings held in memory before sorted runs are spilled to disk. */
        public Builder findingsInMemory(int n) {
            findingsInMemory = n;
            return this;
        }

        /** Parent of the private spill directory (default: java.io.tmpdir). */
        public Builder spillDirectory(Path dir) {
            spillDirectory = dir;
            return this;
        }

        public ScanRequest build() {
            long max = maxFileBytes != null ? Math.min(maxFileBytes, limits.maxFileBytes()) : limits.maxFileBytes();
            return new ScanRequest(roots, includes, excludes, allowPaths, gitignore, followSymlinks, max,
                    threads, limits, settings, aggregateColumns, findingsInMemory, spillDirectory);
        }
    }
}
