package io.dataguardian.cli;

import io.dataguardian.engine.scan.ScanEngine;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The scan engine, built and {@linkplain ScanEngine#prepare() prepared} on a second thread from the
 * moment the command line starts: the detector classes, word lists and libraries then initialise
 * while the main thread parses the arguments and the configuration instead of after it. That saves
 * wall time when a core is free; the CPU time is the same.
 */
final class PreparedEngine implements Supplier<ScanEngine> {

    private final FutureTask<ScanEngine> task = new FutureTask<>(PreparedEngine::build);

    PreparedEngine() {
        Thread t = new Thread(task, "dataguardian-prepare");
        t.setDaemon(true);
        t.start();
    }

    private static ScanEngine build() {
        ScanEngine engine = new ScanEngine();
        try {
            engine.prepare();
        } catch (RuntimeException e) {
            // only start-up time is lost: the scan initialises the same classes itself and reports its own errors
        }
        return engine;
    }

    @Override
    public ScanEngine get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
