package dev.concbench.client;

/**
 * A connection's requests in flight, oldest first: the intended and actual send time of each, in
 * a ring as deep as the pipeline. Confined to the connection's event loop.
 */
final class InFlight {

    private final long[] intendedNanos;
    private final long[] sentNanos;
    private int head;
    private int size;

    InFlight(int depth) {
        intendedNanos = new long[depth];
        sentNanos = new long[depth];
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == intendedNanos.length;
    }

    /** Adds the newest request. */
    void push(long intended, long sent) {
        int at = (head + size) % intendedNanos.length;
        intendedNanos[at] = intended;
        sentNanos[at] = sent;
        size++;
    }

    long oldestIntendedNanos() {
        return intendedNanos[head];
    }

    long oldestSentNanos() {
        return sentNanos[head];
    }

    /** Removes the oldest request. */
    void pop() {
        head = (head + 1) % intendedNanos.length;
        size--;
    }

    /** The intended send time of the {@code i}-th oldest request. */
    long intendedNanos(int i) {
        return intendedNanos[(head + i) % intendedNanos.length];
    }

    /** Forgets every request. */
    void clear() {
        size = 0;
    }
}
