package dev.concbench.bench.suite;

import java.time.Duration;
import java.util.Objects;

/**
 * JMH's iteration settings for one benchmark: forks, warm-up and measurement iterations.
 * Every iteration is one window of load of its length.
 *
 * @param forks                 JMH forks, at least 1: each a fresh benchmark JVM and a fresh server
 * @param warmupIterations      warm-up iterations per fork, 0 or more
 * @param warmupTime            length of a warm-up iteration
 * @param measurementIterations measurement iterations per fork, at least 1
 * @param measurementTime       length of a measurement iteration
 */
public record Timing(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                     Duration measurementTime) {

    public Timing {
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(measurementTime, "measurementTime");
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
    }

    /** {@code forks}, {@code warmups} x {@code warmupSeconds} s, {@code measurements} x {@code measurementSeconds} s. */
    public static Timing of(int forks, int warmups, double warmupSeconds, int measurements, double measurementSeconds) {
        return new Timing(forks, warmups, Duration.ofMillis(Math.round(warmupSeconds * 1000)), measurements,
                Duration.ofMillis(Math.round(measurementSeconds * 1000)));
    }

    /** The load time of one benchmark with these settings: every window of every fork. */
    public Duration loadTime() {
        return warmupTime.multipliedBy((long) forks * warmupIterations)
                .plus(measurementTime.multipliedBy((long) forks * measurementIterations));
    }
}
