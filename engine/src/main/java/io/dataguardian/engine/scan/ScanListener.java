package io.dataguardian.engine.scan;

/**
 * Progress of a scan, for progress bars and job status. Called from worker threads: implementations
 * must be thread-safe and quick. Receives paths and counts only, never scanned text.
 */
public interface ScanListener {

    ScanListener NONE = new ScanListener() {
    };

    /** Enumeration done: how many files and bytes will be scanned. */
    default void enumerated(long files, long bytes) {
    }

    default void fileStarted(String path) {
    }

    /**
     * Bytes of files on disk read since the last call (sent about every MiB, and the rest of a file
     * when it is finished, so the sum reaches the enumerated total).
     */
    default void bytesRead(long bytes) {
    }

    /**
     * @param bytes    size of the file on disk
     * @param findings findings the file produced
     */
    default void fileFinished(String path, long bytes, int findings) {
    }
}
