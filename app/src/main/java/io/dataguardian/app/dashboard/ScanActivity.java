package io.dataguardian.app.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's live scan figures for the whole installation (every node's scans): scans running and queued, and
 * files and bytes scanned per second, from the progress the job runners store in each scan's row every 500 ms. So
 * the throughput moves while scans run, not only when one completes.
 *
 * <p>Each sample reads the queued and running scans plus any scan created since the previous sample (index on
 * {@code (status, created_at, id)} and the primary key), and looks up by primary key the scans that left that set
 * since (completed, failed, cancelled), so their last progress still counts. The rate is the sum, per scan, of the
 * growth of {@code files_done} / {@code bytes_done} since the previous sample; a scan first seen counts from 0 and a
 * scan whose progress was reset (handed back to the queue) never makes a negative rate. Only ids, statuses and
 * counters are read: no organisation's data leaves this class. Called by the one dashboard sampling thread.
 */
public class ScanActivity {

    /** One sample: counts of scans now, rates since the previous sample (null on the first sample or on failure). */
    public record Sample(Long running, Long queued, Double filesPerSecond, Double bytesPerSecond) {
        static final Sample NONE = new Sample(null, null, null, null);
    }

    private record Progress(long files, long bytes) {
    }

    private final JdbcClient jdbc;
    private final LongSupplier nanoClock;

    private Map<Long, Progress> tracked;
    private long maxId;
    private long lastNanos;

    public ScanActivity(JdbcClient jdbc) {
        this(jdbc, System::nanoTime);
    }

    ScanActivity(JdbcClient jdbc, LongSupplier nanoClock) {
        this.jdbc = jdbc;
        this.nanoClock = nanoClock;
    }

    /** The figures now; a database failure gives {@link Sample#NONE} and keeps the previous baseline. */
    public synchronized Sample sample() {
        try {
            return read();
        } catch (RuntimeException e) {
            return Sample.NONE; // database down: "n/a" on the dashboard rather than a wrong figure
        }
    }

    private Sample read() {
        long now = nanoClock.getAsLong();
        boolean first = tracked == null;
        long since = first
                ? jdbc.sql("select coalesce(max(id), 0) from scans").query(Long.class).single()
                : maxId;
        Map<Long, Progress> current = new HashMap<>();
        long[] counts = new long[2]; // running, queued
        long[] newMax = {since};
        jdbc.sql("select id, status, files_done, bytes_done from scans"
                        + " where status in ('QUEUED', 'RUNNING') or id > :since")
                .param("since", since)
                .query(rs -> {
                    long id = rs.getLong(1);
                    String status = rs.getString(2);
                    current.put(id, new Progress(rs.getLong(3), rs.getLong(4)));
                    if ("RUNNING".equals(status)) {
                        counts[0]++;
                    } else if ("QUEUED".equals(status)) {
                        counts[1]++;
                    }
                    newMax[0] = Math.max(newMax[0], id);
                });
        Double filesRate = null;
        Double bytesRate = null;
        if (!first) {
            List<Long> gone = new ArrayList<>();
            for (Long id : tracked.keySet()) {
                if (!current.containsKey(id)) {
                    gone.add(id);
                }
            }
            Map<Long, Progress> finished = new HashMap<>();
            if (!gone.isEmpty()) {
                jdbc.sql("select id, files_done, bytes_done from scans where id in (:ids)").param("ids", gone)
                        .query(rs -> {
                            finished.put(rs.getLong(1), new Progress(rs.getLong(2), rs.getLong(3)));
                        });
            }
            long files = growth(tracked, current, true) + growth(tracked, finished, true);
            long bytes = growth(tracked, current, false) + growth(tracked, finished, false);
            double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
            filesRate = files / seconds;
            bytesRate = bytes / seconds;
        }
        tracked = current;
        maxId = newMax[0];
        lastNanos = now;
        return new Sample(counts[0], counts[1], filesRate, bytesRate);
    }

    /** Sum over the scans of {@code now} of what they did since {@code before} (from 0 for a scan not seen before). */
    private static long growth(Map<Long, Progress> before, Map<Long, Progress> now, boolean files) {
        long total = 0;
        for (Map.Entry<Long, Progress> e : now.entrySet()) {
            Progress was = before.get(e.getKey());
            long then = was == null ? 0 : files ? was.files() : was.bytes();
            long value = files ? e.getValue().files() : e.getValue().bytes();
            total += Math.max(0, value - then);
        }
        return total;
    }
}
