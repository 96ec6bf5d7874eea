package dev.concbench.reports.compare;

/** Which way a metric improves. */
public enum Direction {
    /** More is better, e.g. throughput. */
    HIGHER_IS_BETTER,
    /** Less is better, e.g. latency. */
    LOWER_IS_BETTER
}
