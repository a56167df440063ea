package io.dataguardian.app.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded buffer with one writer (the sampler thread) and any number of readers, without locks:
 * the writer stores the element, then publishes the new count (volatile); a reader copies what the
 * count covers. A reader racing the writer may see one slot overwritten by a newer element, never a
 * torn or missing one, and never blocks the writer.
 */
public final class RingBuffer<T> {

    private final AtomicReferenceArray<T> slots;
    private volatile long written;

    public RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** Single writer only. */
    public void add(T element) {
        long n = written;
        slots.set((int) (n % slots.length()), element);
        written = n + 1;
    }

    public int capacity() {
        return slots.length();
    }

    public int size() {
        return (int) Math.min(written, slots.length());
    }

    /** Oldest first. */
    public List<T> snapshot() {
        long n = written;
        int size = (int) Math.min(n, slots.length());
        List<T> out = new ArrayList<>(size);
        for (long i = n - size; i < n; i++) {
            T element = slots.get((int) (i % slots.length()));
            if (element != null) {
                out.add(element);
            }
        }
        return out;
    }

    /** The newest {@code count} elements, oldest first. */
    public List<T> latest(int count) {
        List<T> all = snapshot();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    public T last() {
        long n = written;
        return n == 0 ? null : slots.get((int) ((n - 1) % slots.length()));
    }
}
