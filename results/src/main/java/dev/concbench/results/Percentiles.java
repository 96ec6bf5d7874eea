package dev.concbench.results;

/**
 * A latency distribution summarised as a fixed percentile set, all in milliseconds.
 * Values never decrease from {@code minMs} to {@code maxMs}. A {@code count} of zero means no
 * sample was recorded; then every value is 0.
 *
 * @param count   number of recorded latencies
 * @param minMs   smallest latency, ms
 * @param p50Ms   median, ms
 * @param p75Ms   75th percentile, ms
 * @param p90Ms   90th percentile, ms
 * @param p99Ms   99th percentile, ms
 * @param p999Ms  99.9th percentile, ms
 * @param p9999Ms 99.99th percentile, ms
 * @param maxMs   largest latency, ms
 */
public record Percentiles(long count, double minMs, double p50Ms, double p75Ms, double p90Ms, double p99Ms,
                          double p999Ms, double p9999Ms, double maxMs) {

    public Percentiles {
        Checks.notNegative(count, "latency count");
        double[] ordered = {minMs, p50Ms, p75Ms, p90Ms, p99Ms, p999Ms, p9999Ms, maxMs};
        for (int i = 0; i < ordered.length; i++) {
            Checks.notNegative(ordered[i], "latency percentile");
            if (i > 0 && ordered[i] < ordered[i - 1]) {
                throw new IllegalArgumentException("latency percentiles must not decrease from min to max, got "
                        + java.util.Arrays.toString(ordered));
            }
        }
        if (count == 0 && maxMs != 0) {
            throw new IllegalArgumentException("latency count is 0 but maxMs is " + maxMs);
        }
    }
}
