package dev.concbench.bench.suite;

import java.time.Duration;
import java.util.Objects;

/**
 * JMH's iteration settings for one benchmark: forks, warm-up and measurement iterations.
 * Every iteration is one window of load of its length, preceded by the lead-in.
 *
 * @param forks                 JMH forks, at least 1: each a fresh benchmark JVM and a fresh server
 * @param warmupIterations      warm-up iterations per fork, 0 or more
 * @param warmupTime            length of a warm-up iteration
 * @param measurementIterations measurement iterations per fork, at least 1
 * @param measurementTime       length of a measurement iteration
 * @param leadIn                load applied at the start of every iteration, on the window's own
 *                              connections, before its window is counted: each window then measures
 *                              the model's steady state, not the cold start of fresh connections
 *                              (a model that starts a JVM per connection answers its first requests
 *                              only after a second or more); zero for none
 * @param sides                 servers loaded in each iteration, one window each: 1, or 2 in an
 *                              A/B run (each iteration is then a pair of windows)
 */
public record Timing(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                     Duration measurementTime, Duration leadIn, int sides) {

    public Timing {
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(measurementTime, "measurementTime");
        Objects.requireNonNull(leadIn, "leadIn");
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1 (a benchmark never shares a JVM), was " + forks);
        }
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmupIterations must not be negative, was " + warmupIterations);
        }
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurementIterations must be at least 1, was " + measurementIterations);
        }
        if (warmupTime.isNegative() || warmupTime.isZero() || measurementTime.isNegative() || measurementTime.isZero()) {
            throw new IllegalArgumentException("iteration times must be positive");
        }
        if (leadIn.isNegative()) {
            throw new IllegalArgumentException("leadIn must not be negative, was " + leadIn);
        }
        if (sides != 1 && sides != 2) {
            throw new IllegalArgumentException("sides must be 1, or 2 for an A/B run, was " + sides);
        }
    }

    /**
     * {@code forks}, {@code warmups} x {@code warmupSeconds} s, {@code measurements} x
     * {@code measurementSeconds} s, no lead-in.
     */
    public static Timing of(int forks, int warmups, double warmupSeconds, int measurements, double measurementSeconds) {
        return new Timing(forks, warmups, seconds(warmupSeconds), measurements, seconds(measurementSeconds),
                Duration.ZERO, 1);
    }

    /** The same with {@code leadInSeconds} of lead-in before every window. */
    public Timing withLeadIn(double leadInSeconds) {
        return new Timing(forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                seconds(leadInSeconds), sides);
    }

    /**
     * The same windows in an A/B run with this many measured pairs per fork: each iteration loads
     * both servers, one window each, warm-up iterations included.
     */
    public Timing inPairs(int pairs) {
        return new Timing(forks, warmupIterations, warmupTime, pairs, measurementTime, leadIn, 2);
    }

    /** The load time of one benchmark with these settings: every window of every fork and side, with its lead-in. */
    public Duration loadTime() {
        return warmupTime.plus(leadIn).multipliedBy((long) forks * warmupIterations * sides)
                .plus(measurementTime.plus(leadIn).multipliedBy((long) forks * measurementIterations * sides));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
