package io.dataguardian.app.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * pgtune's rules for a web / OLTP workload (the reference the issue names), as pure functions of the
 * server's memory, CPUs, storage and connection count. Each recommendation says its rule.
 */
public final class PgTuneRules {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final long GB = 1024 * MB;

    /** The server the settings are for. */
    public record Server(long memoryBytes, int cpus, String storage, int maxConnections) {
    }

    /** One setting: recommended value in postgresql.conf syntax, and the rule that gave it. */
    public record Recommendation(String name, String value, String rule) {
    }

    private PgTuneRules() {
    }

    public static List<Recommendation> recommend(Server s) {
        List<Recommendation> out = new ArrayList<>();
        long ram = s.memoryBytes();
        long sharedBuffers = ram / 4;
        out.add(new Recommendation("max_connections", Integer.toString(s.maxConnections()),
                "all nodes' pools (10 each by default) plus tools; configured as dataguardian.db.tuning.max-connections"));
        out.add(new Recommendation("shared_buffers", size(sharedBuffers), "RAM / 4"));
        out.add(new Recommendation("effective_cache_size", size(ram * 3 / 4), "RAM * 3 / 4"));
        out.add(new Recommendation("maintenance_work_mem", size(Math.min(ram / 16, 2 * GB)), "RAM / 16, at most 2GB"));
        out.add(new Recommendation("checkpoint_completion_target", "0.9", "0.9: spread checkpoint writes"));
        long wal = sharedBuffers * 3 / 100;
        if (wal > 14 * MB) {
            wal = 16 * MB;   // pgtune rounds 14-16MB (and anything above) to the WAL segment size
        }
        wal = Math.max(wal, 32 * KB);
        out.add(new Recommendation("wal_buffers", size(wal), "3% of shared_buffers, between 32kB and 16MB"));
        out.add(new Recommendation("max_wal_size", "4GB", "4GB for a web workload (min_wal_size 1GB)"));
        boolean hdd = "hdd".equals(s.storage().toLowerCase(Locale.ROOT));
        boolean san = "san".equals(s.storage().toLowerCase(Locale.ROOT));
        out.add(new Recommendation("random_page_cost", hdd ? "4" : "1.1", "1.1 on SSD/SAN, 4 on spinning disks"));
        out.add(new Recommendation("effective_io_concurrency", hdd ? "2" : san ? "300" : "200",
                "200 on SSD, 300 on SAN, 2 on spinning disks"));
        int parallelPerGather = Math.max(1, (s.cpus() + 1) / 2);
        long workMem = (ram - sharedBuffers) / ((long) s.maxConnections() * 3) / parallelPerGather;
        out.add(new Recommendation("work_mem", size(Math.max(workMem, 64 * KB)),
                "(RAM - shared_buffers) / (max_connections * 3) / ceil(CPUs / 2), at least 64kB"));
        return out;
    }

    /** Bytes in PostgreSQL's memory unit syntax: whole GB, else MB, else kB. */
    static String size(long bytes) {
        if (bytes >= GB && bytes % GB == 0) {
            return bytes / GB + "GB";
        }
        if (bytes >= MB) {
            return bytes / MB + "MB";
        }
        return Math.max(1, bytes / KB) + "kB";
    }
}
