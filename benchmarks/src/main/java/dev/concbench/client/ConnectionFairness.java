package dev.concbench.client;

/**
 * One connection's share of the run, for {@link Fairness}: the responses it received within the
 * measurement, the longest it waited for an answer there, and whether it gave up. Confined to its
 * connection's event loop.
 */
final class ConnectionFairness {

    private long answers;
    private long longestWaitNanos;
    private boolean gaveUp;

    /** A response arrived at {@code nowNanos}; it is one of the connection's if within the measurement. */
    void answered(Window window, long nowNanos) {
        if (window.inMeasurement(nowNanos)) {
            answers++;
        }
    }

    /**
     * A request intended at {@code intendedNanos} ended at {@code nowNanos} (answered, failed or
     * left unfinished); its wait within the measurement may be the longest.
     */
    void waited(Window window, long intendedNanos, long nowNanos) {
        long wait = window.waitWithin(intendedNanos, nowNanos);
        if (wait > longestWaitNanos) {
            longestWaitNanos = wait;
        }
    }

    /** The connection stopped trying after too many failures in a row. */
    void gaveUp() {
        gaveUp = true;
    }

    long answers() {
        return answers;
    }

    long longestWaitNanos() {
        return longestWaitNanos;
    }

    boolean hasGivenUp() {
        return gaveUp;
    }
}
