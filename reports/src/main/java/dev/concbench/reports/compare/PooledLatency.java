package dev.concbench.reports.compare;

import dev.concbench.results.BenchmarkResult;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latency of several results pooled the only sound way: their histograms added, the percentile
 * read from the sum. Results without histograms (files of schema 1–2) cannot be pooled.
 */
public final class PooledLatency {

    private PooledLatency() {
    }

    /** The p99 (ms) of the results' merged effective histograms; empty when one has no histogram. */
    public static OptionalDouble p99Ms(List<BenchmarkResult> results) {
        Histogram merged = null;
        for (BenchmarkResult result : results) {
            String encoded = result.latency().corrected() != null ? result.latency().correctedHistogram()
                    : result.latency().uncorrectedHistogram();
            if (encoded == null) {
                return OptionalDouble.empty();
            }
            Histogram histogram = decode(encoded);
            if (merged == null) {
                merged = histogram;
            } else {
                merged.add(histogram);
            }
        }
        return merged == null || merged.getTotalCount() == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(merged.getValueAtPercentile(99) / 1e6);
    }

    private static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a result holds a damaged latency histogram", e);
        }
    }
}
