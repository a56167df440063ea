package io.dataguardian.engine.scan;

import java.util.concurrent.BlockingQueue;

/**
 * Waits that an interrupt does not cut short: the interrupt is remembered and set again on the thread when the wait
 * is over. For hand-offs between a caller and its helper thread ({@link ReadAhead}, the report's write-behind stream)
 * whose caller must not lose data or leave the helper running because it was interrupted.
 */
public final class Uninterruptibles {

    private Uninterruptibles() {
    }

    /** The queue's next element, waiting as long as it takes. */
    public static <T> T take(BlockingQueue<T> queue) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns when the thread has ended. */
    public static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
