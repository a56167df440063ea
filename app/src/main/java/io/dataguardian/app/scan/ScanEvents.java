package io.dataguardian.app.scan;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent progress of scans. Every stream reads its scan's row from the database every
 * {@link #POLL} (progress is stored there by whichever node runs the scan, so any node can serve any
 * stream) and sends a {@code progress} event when the row changed; when the scan has ended it sends an
 * {@code end} event with the final state and completes. One small thread serves every stream of the node.
 */
@Component
public class ScanEvents implements DisposableBean {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration MAX_STREAM = Duration.ofHours(2);

    private final ScanRepository scans;
    private final ScanService service;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dataguardian-scan-events");
        t.setDaemon(true);
        return t;
    });
    private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();

    public ScanEvents(ScanRepository scans, ScanService service) {
        this.scans = scans;
        this.service = service;
        ticker.scheduleWithFixedDelay(this::tick, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static final class Stream {
        final long orgId;
        final long scanId;
        Instant lastUpdate;

        Stream(long orgId, long scanId) {
            this.orgId = orgId;
            this.scanId = scanId;
        }
    }

    /** Opens a stream for a scan already checked to be the organisation's. */
    public SseEmitter open(Scan scan) {
        SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
        Stream stream = new Stream(scan.orgId(), scan.id());
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> streams.remove(emitter));
        emitter.onError(e -> streams.remove(emitter));
        streams.put(emitter, stream);
        ticker.execute(() -> send(emitter, stream, scan));
        return emitter;
    }

    public int openStreams() {
        return streams.size();
    }

    private void tick() {
        streams.forEach((emitter, stream) -> {
            try {
                scans.findById(stream.orgId, stream.scanId).ifPresentOrElse(
                        scan -> send(emitter, stream, scan), emitter::complete);
            } catch (RuntimeException e) {
                // database briefly away: try again on the next tick
            }
        });
    }

    private void send(SseEmitter emitter, Stream stream, Scan scan) {
        try {
            if (stream.lastUpdate == null || !stream.lastUpdate.equals(scan.updatedAt())) {
                stream.lastUpdate = scan.updatedAt();
                emitter.send(SseEmitter.event().name("progress").id(Long.toString(scan.updatedAt().toEpochMilli()))
                        .data(service.view(scan)));
            }
            if (scan.status().isFinal()) {
                emitter.send(SseEmitter.event().name("end").data(service.view(scan)));
                streams.remove(emitter);
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            streams.remove(emitter); // the client went away
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        streams.keySet().forEach(SseEmitter::complete);
    }
}
