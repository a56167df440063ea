package io.dataguardian.app.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-demand JFR recordings for administrators, one at a time, with the JDK's "default" settings (under 2%
 * overhead). The file goes to a private temporary directory and is deleted after its download or after
 * {@code retention}, whichever comes first.
 */
public class JfrRecorder {

    private static final Logger log = LoggerFactory.getLogger(JfrRecorder.class);

    /** What an administrator sees. {@code state}: IDLE, RUNNING, FINISHED. */
    public record Status(String state, String startedAt, long seconds, String finishedAt, Long sizeBytes) {
    }

    /** A recording is already running. */
    public static final class BusyException extends RuntimeException {
        BusyException() {
            super("a JFR recording is already running");
        }
    }

    private final Duration maxDuration;
    private final Duration retention;
    private Recording recording;
    private Path file;
    private Instant startedAt;
    private long seconds;

    public JfrRecorder(Duration maxDuration, Duration retention) {
        this.maxDuration = maxDuration;
        this.retention = retention;
    }

    public synchronized Status start(long seconds) {
        if (seconds < 1 || seconds > maxDuration.toSeconds()) {
            throw new IllegalArgumentException("seconds must be between 1 and " + maxDuration.toSeconds());
        }
        if (recording != null && recording.getState() == RecordingState.RUNNING
                || recording != null && recording.getState() == RecordingState.DELAYED) {
            throw new BusyException();
        }
        discard();
        try {
            Path dir = Files.createTempDirectory("dataguardian-jfr");
            Recording r = new Recording(Configuration.getConfiguration("default"));
            r.setName("dataguardian-on-demand");
            r.setToDisk(true);
            r.setDuration(Duration.ofSeconds(seconds));
            r.setDestination(dir.resolve("dataguardian-" + Instant.now().toString().replace(':', '-') + ".jfr"));
            r.start();
            this.recording = r;
            this.file = r.getDestination();
            this.startedAt = Instant.now();
            this.seconds = seconds;
            log.info("JFR recording started for {} s into {}", seconds, file);
            return status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("JFR default settings unreadable", e);
        }
    }

    public synchronized Status status() {
        if (recording == null) {
            return new Status("IDLE", null, 0, null, null);
        }
        RecordingState state = recording.getState();
        boolean finished = state == RecordingState.STOPPED || state == RecordingState.CLOSED;
        Long size = null;
        if (finished && file != null && Files.exists(file)) {
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = null;
            }
        }
        Instant stop = recording.getStopTime();
        return new Status(finished ? "FINISHED" : "RUNNING", startedAt.toString(), seconds,
                finished && stop != null ? stop.toString() : null, size);
    }

    /**
     * The finished recording's file, handed over to the caller, who deletes it after sending it
     * (see {@link #delete(Path)}); null when none is ready.
     */
    public synchronized Path takeFinished() {
        if (recording == null || !"FINISHED".equals(status().state()) || file == null || !Files.exists(file)) {
            return null;
        }
        Path f = file;
        recording.close();
        recording = null;
        file = null;
        return f;
    }

    public static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
            Files.deleteIfExists(f.getParent());
        } catch (IOException e) {
            log.debug("Could not delete {}", f, e);
        }
    }

    /** Deletes a finished recording nobody downloaded within the retention. Called by the sampler thread. */
    public synchronized void expire() {
        if (recording == null) {
            return;
        }
        Instant stop = recording.getStopTime();
        if ("FINISHED".equals(status().state()) && stop != null && stop.plus(retention).isBefore(Instant.now())) {
            log.info("JFR recording {} not downloaded within {}: deleted", file, retention);
            discard();
        }
    }

    /** Ends a running recording before its duration is up; the file is then ready for download. */
    public synchronized Status stop() {
        if (recording != null && recording.getState() == RecordingState.RUNNING) {
            recording.stop();
        }
        return status();
    }

    public synchronized void close() {
        if (recording != null && recording.getState() == RecordingState.RUNNING) {
            recording.stop();
        }
        discard();
    }

    private void discard() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
        if (file != null) {
            delete(file);
            file = null;
        }
    }
}
