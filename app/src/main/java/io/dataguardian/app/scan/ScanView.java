package io.dataguardian.app.scan;

import java.time.Duration;
import java.time.Instant;

/**
 * A scan as the API returns it: status, progress (with percentage and an estimate of the time left while
 * running), counts, scores, and the queue position while queued (1 = next to start).
 */
public record ScanView(long id, String type, String target, String status, ProgressView progress, CountsView counts,
                       long fileErrors, Double riskScore, Double complianceScore, Long queuePosition,
                       Instant createdAt, Instant startedAt, Instant finishedAt, Long durationMs, String error) {

    /** Progress; {@code etaSeconds} is null until enough is done to estimate it. */
    public record ProgressView(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long findings,
                               String currentItem, Integer percent, Long etaSeconds) {
    }

    public record CountsView(long critical, long high, long medium, long low, long total) {
    }

    public static ScanView of(Scan s, Long queuePosition, Instant now) {
        Scan.Progress p = s.progress();
        Integer percent = null;
        Long eta = null;
        if (s.status() == ScanStatus.COMPLETED) {
            percent = 100;
        } else if (p.bytesTotal() > 0) {
            double done = Math.min(1.0, (double) p.bytesDone() / p.bytesTotal());
            percent = (int) Math.floor(done * 100);
            if (s.status() == ScanStatus.RUNNING && s.startedAt() != null && done >= 0.02) {
                long elapsed = Duration.between(s.startedAt(), now).toSeconds();
                eta = Math.max(0, Math.round(elapsed / done - elapsed));
            }
        }
        Scan.SeverityCounts c = s.counts();
        return new ScanView(s.id(), s.type().name(), s.target(), s.status().name(),
                new ProgressView(p.filesDone(), p.filesTotal(), p.bytesDone(), p.bytesTotal(), p.findings(),
                        p.currentItem(), percent, eta),
                new CountsView(c.critical(), c.high(), c.medium(), c.low(), c.total()), s.fileErrorCount(),
                s.riskScore(), s.complianceScore(), queuePosition, s.createdAt(), s.startedAt(), s.finishedAt(),
                s.durationMs(), s.errorMessage());
    }
}
