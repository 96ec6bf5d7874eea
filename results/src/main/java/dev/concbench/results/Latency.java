package dev.concbench.results;

import java.util.Objects;

/**
 * Response latencies of one benchmark over its measurement iterations.
 *
 * @param uncorrected measured from the moment each request was actually sent
 * @param corrected   open loop only: measured from each request's intended send time, which
 *                    corrects coordinated omission; {@code null} for a closed loop
 */
public record Latency(Percentiles uncorrected, Percentiles corrected) {

    public Latency {
        Objects.requireNonNull(uncorrected, "latency uncorrected");
    }

    /** The figure to judge a model by: corrected when there is one, otherwise uncorrected. */
    public Percentiles effective() {
        return corrected != null ? corrected : uncorrected;
    }
}
