package io.dataguardian.cli;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.scan.DecodingWarmUp;
import io.dataguardian.engine.scan.ScanEngine;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The start-up work of a scan, done on a second thread while the main one parses and checks the arguments:
 * building the engine (its extractors, found by ServiceLoader, and the detector catalogue), then one streamed
 * scan of a short text, so the detectors' one-time class initialisation (phone-number metadata, the lexicon, the
 * JCE behind the fingerprint MAC) is done before the real scan's threads need it instead of on them. Once the
 * engine is handed over, the thread goes on with {@link DecodingWarmUp}'s text, at the same time as the real
 * scan: its calls and loop turns count towards the JIT's thresholds of the same methods, so a large file's scan
 * leaves the interpreter sooner; a short scan ends first, and the daemon thread with it. The classes that part
 * uses are initialised before the hand-over.
 */
final class EngineWarmUp {

    private static final FindingSink NOWHERE = new FindingSink() {
        @Override
        public void finding(Finding finding) {
        }

        @Override
        public void error(FileError error) {
        }
    };

    private final FutureTask<ScanEngine> engine = new FutureTask<>(this::build);
    /** The warm-up's scanner, once built (a throwaway key: the findings of its texts go nowhere). */
    private TextScanner scanner;

    private EngineWarmUp() {
    }

    static EngineWarmUp start() {
        EngineWarmUp warmUp = new EngineWarmUp();
        Thread t = new Thread(() -> {
            warmUp.engine.run();
            warmUp.decode();
        }, "dataguardian-warm-up");
        t.setDaemon(true); // never keeps the JVM alive, e.g. after a usage error
        t.start();
        return warmUp;
    }

    /** Waits until the warm-up is done; a failure is left to {@link #engine}, where the scan asks for the engine. */
    void await() {
        try {
            engine.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // rethrown by engine()
        }
    }

    /** The engine, as {@code new ScanEngine()} would make it, or its exception. */
    ScanEngine engine() {
        try {
            return engine.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the scan engine was being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** After the hand-over: the rest of the decoding warm-up, on this thread, while the scan runs. */
    private void decode() {
        if (scanner == null) {
            return;
        }
        try {
            DecodingWarmUp.scan(scanner, NOWHERE, DecodingWarmUp.BYTES);
        } catch (IOException | RuntimeException e) {
            // only a head start
        }
    }

    private ScanEngine build() {
        ScanEngine built = new ScanEngine();
        try {
            // a throwaway key: the findings of the texts go nowhere
            DetectionSettings settings = new DetectionSettings(new byte[32], Set.of(), List.of(), Set.of());
            TextScanner s = Catalogue.standard().newScanner(settings);
            // the text's first lines (its cue words send them through the candidate finder's cue paths): the
            // detectors' and the decoder's classes initialised before the hand-over
            DecodingWarmUp.scan(s, NOWHERE, 0);
            scanner = s;
        } catch (IOException | RuntimeException e) {
            // only a head start: a real problem surfaces again in the scan itself
        }
        return built;
    }
}
