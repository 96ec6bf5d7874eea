package dev.concbench.reports.compare;

/**
 * How strict a comparison is.
 *
 * @param minEffectPercent        smallest throughput change, in percent, that can count as a
 *                                regression or improvement (default {@value #DEFAULT_MIN_EFFECT_PERCENT})
 * @param minLatencyEffectPercent smallest p99 latency change, in percent, that can count (default
 *                                {@value #DEFAULT_MIN_LATENCY_EFFECT_PERCENT}); larger than for
 *                                throughput because percentiles carry no confidence interval
 * @param acrossMachines          compare runs from different machines instead of refusing
 */
public record CompareOptions(double minEffectPercent, double minLatencyEffectPercent, boolean acrossMachines) {

    public static final double DEFAULT_MIN_EFFECT_PERCENT = 5;
    public static final double DEFAULT_MIN_LATENCY_EFFECT_PERCENT = 10;

    /** Defaults: 5 % throughput, 10 % latency, same machine only. */
    public static final CompareOptions DEFAULTS =
            new CompareOptions(DEFAULT_MIN_EFFECT_PERCENT, DEFAULT_MIN_LATENCY_EFFECT_PERCENT, false);

    public CompareOptions {
        if (!(minEffectPercent >= 0 && minEffectPercent < 1000)) {
            throw new IllegalArgumentException("minimum effect must be between 0 and 1000 percent, got " + minEffectPercent);
        }
        if (!(minLatencyEffectPercent >= 0 && minLatencyEffectPercent < 1000)) {
            throw new IllegalArgumentException("minimum latency effect must be between 0 and 1000 percent, got "
                    + minLatencyEffectPercent);
        }
    }

    public CompareOptions withMinEffectPercent(double percent) {
        return new CompareOptions(percent, minLatencyEffectPercent, acrossMachines);
    }

    public CompareOptions withAcrossMachines(boolean across) {
        return new CompareOptions(minEffectPercent, minLatencyEffectPercent, across);
    }
}
