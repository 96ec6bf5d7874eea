package dev.concbench.bench.suite;

import java.time.Duration;

/** One thing a suite runs: a JMH benchmark or a rate sweep. */
sealed interface SuiteCase permits BenchmarkCase, SweepCase {

    /** E.g. {@code hello model=pool connections=64}. */
    String describe();

    /** The load time expected, for the progress estimate (JVM and server start-up not included). */
    Duration loadTime();
}
