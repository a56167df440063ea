package io.dataguardian.cli;

import io.dataguardian.engine.scan.ScanListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on stderr: on a terminal a bar redrawn in place ten times a second (files done/total,
 * MB/s, ETA); otherwise a plain line every few seconds. Shows counts and sizes only, never a path's
 * content.
 */
final class ProgressReporter implements ScanListener, AutoCloseable {

    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final AtomicLong totalFiles = new AtomicLong(-1);
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong findings = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile int lastWidth;

    ProgressReporter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dataguardian-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 100 : 5000;
        timer.scheduleAtFixedRate(this::render, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void enumerated(long files, long bytes) {
        totalFiles.set(files);
        totalBytes.set(bytes);
    }

    @Override
    public void bytesRead(long bytes) {
        bytesDone.addAndGet(bytes);
    }

    @Override
    public void fileFinished(String path, long bytes, int found) {
        filesDone.incrementAndGet();
        findings.addAndGet(found);
    }

    private synchronized void render() {
        long total = totalFiles.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (total < 0) {
            if (terminal) {
                draw(String.format(Locale.ROOT, "listing files... %.0fs", seconds));
            }
            return;
        }
        long done = filesDone.get();
        long bytes = bytesDone.get();
        double mbps = seconds > 0 ? bytes / 1e6 / seconds : 0;
        long remaining = Math.max(0, totalBytes.get() - bytes);
        String eta = mbps > 0 && done < total ? formatDuration(remaining / 1e6 / mbps) : "--";
        if (terminal) {
            int width = 24;
            double fraction = totalBytes.get() > 0 ? (double) bytes / totalBytes.get() : (total > 0 ? (double) done / total : 1);
            int filled = (int) Math.round(Math.min(1, fraction) * width);
            draw(String.format(Locale.ROOT, "[%s%s] %d/%d files  %.1f MB/s  ETA %s  %d findings",
                    "#".repeat(filled), ".".repeat(width - filled), done, total, mbps, eta, findings.get()));
        } else {
            err.printf(Locale.ROOT, "dataguardian: %d/%d files, %.1f MB, %.1f MB/s, %d findings, ETA %s%n", done,
                    total, bytes / 1e6, mbps, findings.get(), eta);
        }
    }

    private void draw(String line) {
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastWidth = line.length();
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }
}
