package dev.concbench.client;

import java.time.Duration;
import java.util.Objects;

/** When the measurement ends (it starts after the warm-up). */
public sealed interface RunLength {

    /**
     * Measure for a fixed time: every request that ends within it counts, whenever it was issued
     * (as wrk counts). Requests still unanswered when it ends are unfinished, neither success nor
     * error.
     */
    record Timed(Duration duration) implements RunLength {
        public Timed {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive, was " + duration);
            }
        }
    }

    /**
     * Measure exactly this many requests: issue them after the warm-up, then wait until each has
     * ended in a response or an error (the request timeout bounds the wait). Requests issued
     * during the warm-up do not count, whenever they end.
     */
    record Counted(long requests) implements RunLength {
        public Counted {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be at least 1, was " + requests);
            }
        }
    }

    static RunLength of(Duration duration) {
        return new Timed(duration);
    }

    static RunLength requests(long requests) {
        return new Counted(requests);
    }
}
