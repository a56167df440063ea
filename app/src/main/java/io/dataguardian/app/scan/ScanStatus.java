package io.dataguardian.app.scan;

/** Life cycle of a scan. QUEUED -> RUNNING -> one of the three final states. */
public enum ScanStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
