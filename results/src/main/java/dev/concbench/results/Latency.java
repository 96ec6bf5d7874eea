package dev.concbench.results;

import java.util.Objects;

/**
 * Response latencies of one benchmark over its measurement iterations.
 *
 * @param uncorrected measured from the moment each request was actually sent
 * @param corrected   open loop only: measured from each request's intended send time, which
 *                    corrects coordinated omission; {@code null} for a closed loop
 * @param uncorrectedHistogram the HdrHistogram behind {@code uncorrected} (nanoseconds,
 *                    {@code encodeIntoCompressedByteBuffer}, Base64), so that runs and sides can be
 *                    merged rather than their percentiles averaged; {@code null} in files of schema 1–2
 * @param correctedHistogram   the same behind {@code corrected}; {@code null} for a closed loop and
 *                    in files of schema 1–2
 */
public record Latency(Percentiles uncorrected, Percentiles corrected, String uncorrectedHistogram,
                      String correctedHistogram) {

    public Latency {
        Objects.requireNonNull(uncorrected, "latency uncorrected");
        if (corrected == null && correctedHistogram != null) {
            throw new IllegalArgumentException("latency correctedHistogram must be null without corrected percentiles");
        }
    }

    /** Percentiles without their histograms (as files of schema 1 and 2 hold them). */
    public static Latency withoutHistograms(Percentiles uncorrected, Percentiles corrected) {
        return new Latency(uncorrected, corrected, null, null);
    }

    /** The figure to judge a model by: corrected when there is one, otherwise uncorrected. */
    public Percentiles effective() {
        return corrected != null ? corrected : uncorrected;
    }
}
