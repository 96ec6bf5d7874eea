package dev.concbench.bench;

import dev.concbench.bench.trial.TrialMeasurement;
import dev.concbench.client.ErrorKind;
import dev.concbench.client.Fairness;
import dev.concbench.client.Latency;
import dev.concbench.client.LoadResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges the load client's results of a trial's measurement iterations: counts are summed,
 * histograms added (never percentiles averaged), fairness kept at its worst. Not thread-safe:
 * used by the one JMH thread of a trial.
 */
final class MeasurementAccumulator {

    private int iterations;
    private long requests;
    private final Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
    private final Map<String, String> firstErrors = new TreeMap<>();
    private long unfinished;
    private long bytesRead;
    private long windowNanos;
    private final List<Double> windowRates = new ArrayList<>();
    private final Histogram latency = Latency.newHistogram();
    private final Histogram uncorrectedLatency = Latency.newHistogram();
    private int connections;
    private long minResponses = Long.MAX_VALUE;
    private final List<Long> medianResponses = new ArrayList<>();
    private long maxResponses;
    private int starved;
    private long longestWaitNanos;
    private long eventLoopCpuNanos;
    private long processCpuNanos;
    private long eventLoopCapacityNanos;
    private final Map<String, Double> extras = new TreeMap<>();

    void add(LoadResult result) {
        iterations++;
        requests += result.requests();
        for (ErrorKind kind : ErrorKind.values()) {
            long count = result.errors().count(kind);
            if (count > 0) {
                errors.merge(kind, count, Long::sum);
                result.errors().firstMessage(kind).ifPresent(message -> firstErrors.putIfAbsent(kind.label(), message));
            }
        }
        unfinished += result.unfinished();
        bytesRead += result.bytesRead();
        windowNanos += result.duration().toNanos();
        windowRates.add(result.requestsPerSecond());
        latency.add(result.latency().histogram());
        uncorrectedLatency.add(result.uncorrectedLatency().histogram());
        Fairness fairness = result.fairness();
        connections = fairness.connections();
        minResponses = Math.min(minResponses, fairness.minResponses());
        medianResponses.add(fairness.medianResponses());
        maxResponses = Math.max(maxResponses, fairness.maxResponses());
        starved = Math.max(starved, fairness.starved());
        longestWaitNanos = Math.max(longestWaitNanos, fairness.longestWait().toNanos());
        eventLoopCpuNanos += result.cpu().eventLoops().toNanos();
        processCpuNanos += result.cpu().process().toNanos();
        eventLoopCapacityNanos += result.cpu().wall().toNanos() * result.cpu().eventLoopThreads();
    }

    /** Adds to a scenario's own figure, e.g. the slow clients' responses. */
    void addExtra(String name, double value) {
        extras.merge(name, value, Double::sum);
    }

    /** The merged figures, or {@code null} when no iteration was measured. */
    TrialMeasurement toMeasurement() {
        if (iterations == 0) {
            return null;
        }
        Map<String, Long> errorsByLabel = new TreeMap<>();
        errors.forEach((kind, count) -> errorsByLabel.put(kind.label(), count));
        long[] medians = medianResponses.stream().mapToLong(Long::longValue).sorted().toArray();
        return new TrialMeasurement(iterations, requests, errorsByLabel, firstErrors, unfinished, bytesRead,
                windowNanos / 1e9, windowRates, new Latency(latency).encodedHistogram(),
                new Latency(uncorrectedLatency).encodedHistogram(),
                new TrialMeasurement.TrialFairness(connections, minResponses, medians[(medians.length - 1) / 2],
                        maxResponses, starved, longestWaitNanos / 1e6),
                eventLoopCpuNanos / 1e9, processCpuNanos / 1e9,
                eventLoopCapacityNanos == 0 ? 0 : (double) eventLoopCpuNanos / eventLoopCapacityNanos,
                extras);
    }
}
