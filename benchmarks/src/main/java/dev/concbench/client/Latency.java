package dev.concbench.client;

import dev.concbench.results.Percentiles;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency distribution: an immutable view of an HdrHistogram of nanoseconds. Percentiles are
 * computed from the whole histogram, never averaged; to combine runs, merge their
 * {@link #histogram()}s.
 */
public final class Latency {

    /** The largest latency recorded as itself; longer ones are recorded as this. */
    public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);
    /** Three significant digits: 0.1% resolution at every magnitude. */
    public static final int SIGNIFICANT_DIGITS = 3;

    /** The percentiles every report shows, wrk's ladder and beyond: 50, 75, 90, 99, 99.9, 99.99, 100. */
    public static final List<Double> REPORTED_PERCENTILES = List.of(50.0, 75.0, 90.0, 99.0, 99.9, 99.99, 100.0);

    private final Histogram histogram;

    /** Copies the histogram, whose values must be nanoseconds. */
    public Latency(Histogram histogram) {
        this.histogram = histogram.copy();
    }

    /** A new, empty, writable histogram with the resolution every latency uses. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** Records one latency into a histogram made by {@link #newHistogram()}, clamping outliers. */
    public static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at this percentile (0..100), or zero when nothing was recorded. */
    public Duration percentile(double percentile) {
        return count() == 0 ? Duration.ZERO : Duration.ofNanos(histogram.getValueAtPercentile(percentile));
    }

    public Duration max() {
        return count() == 0 ? Duration.ZERO : Duration.ofNanos(histogram.getMaxValue());
    }

    public double meanNanos() {
        return count() == 0 ? 0 : histogram.getMean();
    }

    public double stdDeviationNanos() {
        return count() == 0 ? 0 : histogram.getStdDeviation();
    }

    /** The share (0..1) of recorded values within one standard deviation of the mean (wrk's "+/- Stdev"). */
    public double shareWithinOneStdDeviation() {
        if (count() == 0) {
            return 0;
        }
        double mean = meanNanos();
        double deviation = stdDeviationNanos();
        long within = 0;
        for (HistogramIterationValue value : histogram.recordedValues()) {
            double v = histogram.medianEquivalentValue(value.getValueIteratedTo());
            if (v >= mean - deviation && v <= mean + deviation) {
                within += value.getCountAtValueIteratedTo();
            }
        }
        return (double) within / count();
    }

    /** The result file's percentile set, in milliseconds (all zero when nothing was recorded). */
    public Percentiles summary() {
        if (count() == 0) {
            return new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new Percentiles(count(), millis(histogram.getMinValue()), millisAt(50), millisAt(75), millisAt(90),
                millisAt(99), millisAt(99.9), millisAt(99.99), millis(histogram.getMaxValue()));
    }

    private double millisAt(double percentile) {
        return millis(histogram.getValueAtPercentile(percentile));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** A copy of the underlying histogram (nanoseconds). */
    public Histogram histogram() {
        return histogram.copy();
    }

    /** The histogram in HdrHistogram's compressed encoding, Base64: lossless, mergeable later. */
    public String encodedHistogram() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }
}
