package io.dataguardian.engine.scan;

/** Lets another thread cancel a running scan. The scan then returns a result marked cancelled. */
public final class ScanControl {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
