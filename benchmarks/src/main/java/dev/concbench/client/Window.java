package dev.concbench.client;

/**
 * A run's clock: when its connections started, and its measurement window
 * {@code [measureStartNanos, measureEndNanos)} ({@code System.nanoTime()} values). It says what
 * counts: a request counts if it ended within the window (a timed run, as wrk counts, whenever it
 * was issued) or if it was issued within it (a counted run, whose window has no end: it is one of
 * the run's N); a counted request of a timed run that ended after the window is unfinished.
 * Immutable.
 *
 * @param counted whether the run measures a number of requests rather than a time
 */
record Window(long startNanos, long measureStartNanos, long measureEndNanos, boolean counted) {

    /** Before the run's clock starts: nothing is in the measurement. */
    static Window beforeStart(boolean counted) {
        return new Window(0, 0, 0, counted);
    }

    boolean inMeasurement(long nanos) {
        return nanos >= measureStartNanos && nanos < measureEndNanos;
    }

    /** Whether a request intended at {@code intendedNanos} that ended at {@code endedNanos} counts. */
    boolean counts(long intendedNanos, long endedNanos) {
        return counted ? intendedNanos >= measureStartNanos : endedNanos >= measureStartNanos;
    }

    /** Whether a request that counts but ended at {@code endedNanos} is unfinished: it ended after the window. */
    boolean unfinished(long endedNanos) {
        return endedNanos >= measureEndNanos;
    }

    /** The part of a wait from {@code intendedNanos} to {@code nowNanos} inside the window, possibly negative. */
    long waitWithin(long intendedNanos, long nowNanos) {
        return Math.min(nowNanos, measureEndNanos) - Math.max(intendedNanos, measureStartNanos);
    }
}
