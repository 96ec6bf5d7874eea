package dev.concbench.client;

import java.util.concurrent.TimeUnit;

/**
 * A connection's failures in a row, and how long it waits before trying again: 1 ms, doubling up
 * to 100 ms, until it gives up after {@code limit} failures in a row. An answer resets the count.
 * Confined to the connection's event loop.
 */
final class Retries {

    /** What {@link #failed()} returns when the connection should give up. */
    static final long GIVE_UP = -1;

    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final int limit;
    private int inARow;

    Retries(int limit) {
        this.limit = limit;
    }

    /** An answer came: the failures are no longer in a row. */
    void answered() {
        inARow = 0;
    }

    /** One more failure: the wait before the next try in nanoseconds, or {@link #GIVE_UP}. */
    long failed() {
        inARow++;
        if (inARow >= limit) {
            return GIVE_UP;
        }
        return Math.min(MAX_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(1L << Math.min(inARow - 1, 20)));
    }
}
