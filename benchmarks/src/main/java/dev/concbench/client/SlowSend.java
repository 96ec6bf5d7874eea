package dev.concbench.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The slow-client mode: every request is sent in {@code pieces} parts of (nearly) equal size,
 * {@code gap} apart, each flushed on its own. One piece is the normal, fast client.
 *
 * @param pieces how many parts, at least 1 and at most the request's length
 * @param gap    the pause between two parts
 */
public record SlowSend(int pieces, Duration gap) {

    /** The whole request in one write. */
    public static final SlowSend NONE = new SlowSend(1, Duration.ZERO);

    public SlowSend {
        Objects.requireNonNull(gap, "gap");
        if (pieces < 1) {
            throw new IllegalArgumentException("pieces must be at least 1, was " + pieces);
        }
        if (gap.isNegative()) {
            throw new IllegalArgumentException("gap must not be negative, was " + gap);
        }
    }

    public boolean isSlow() {
        return pieces > 1;
    }

    /** How long sending one request takes, from the first part to the last. */
    public Duration sendTime() {
        return gap.multipliedBy(pieces - 1L);
    }
}
