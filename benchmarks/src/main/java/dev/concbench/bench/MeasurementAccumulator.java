package dev.concbench.bench;

import dev.concbench.bench.trial.TrialMeasurement;
import dev.concbench.client.ErrorKind;
import dev.concbench.client.Fairness;
import dev.concbench.client.Latency;
import dev.concbench.client.LoadResult;
import dev.concbench.results.MeasuredWindow;
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
    private final Map<ErrorKind, String> firstErrors = new EnumMap<>(ErrorKind.class);
    private long unfinished;
    private long bytesRead;
    private long windowNanos;
    private final List<MeasuredWindow> windows = new ArrayList<>();
    private final Histogram latency = Latency.newHistogram();
    private final Histogram uncorrectedLatency = Latency.newHistogram();
    private int connections;
    private long minResponses = Long.MAX_VALUE;
    private final List<Long> medianResponses = new ArrayList<>();
    private long maxResponses;
    private int starved;
    private long longestWaitNanos;
    private long gaveUp;
    private long eventLoopCpuNanos;
    private long processCpuNanos;
    private long eventLoopCapacityNanos;
    private final Map<String, Double> extras = new TreeMap<>();

    /**
     * Adds one measured window.
     *
     * @param serverCpuSeconds the server's CPU seconds over the window, or {@code null} when not sampled
     */
    void add(LoadResult result, Double serverCpuSeconds) {
        iterations++;
        requests += result.requests();
        for (ErrorKind kind : ErrorKind.values()) {
            long count = result.errors().count(kind);
            if (count > 0) {
                errors.merge(kind, count, Long::sum);
                result.errors().firstMessage(kind).ifPresent(message -> firstErrors.putIfAbsent(kind, message));
            }
        }
        unfinished += result.unfinished();
        bytesRead += result.bytesRead();
        windowNanos += result.duration().toNanos();
        windows.add(new MeasuredWindow(windows.size(), result.duration().toNanos() / 1e9, result.requests(),
                result.errors().total(), result.latency().histogram().getTotalCount() == 0 ? 0
                        : result.latency().histogram().getValueAtPercentile(99) / 1e6, serverCpuSeconds));
        latency.add(result.latency().histogram());
        uncorrectedLatency.add(result.uncorrectedLatency().histogram());
        Fairness fairness = result.fairness();
        connections = fairness.connections();
        minResponses = Math.min(minResponses, fairness.minResponses());
        medianResponses.add(fairness.medianResponses());
        maxResponses = Math.max(maxResponses, fairness.maxResponses());
        starved = Math.max(starved, fairness.starved());
        longestWaitNanos = Math.max(longestWaitNanos, fairness.longestWait().toNanos());
        gaveUp += fairness.gaveUp();
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
        long[] medians = medianResponses.stream().mapToLong(Long::longValue).sorted().toArray();
        return new TrialMeasurement(iterations, requests, errors, firstErrors, unfinished, bytesRead,
                windowNanos / 1e9, windows, new Latency(latency).encodedHistogram(),
                new Latency(uncorrectedLatency).encodedHistogram(),
                new TrialMeasurement.TrialFairness(connections, minResponses, medians[(medians.length - 1) / 2],
                        maxResponses, starved, longestWaitNanos / 1e6, gaveUp),
                eventLoopCpuNanos / 1e9, processCpuNanos / 1e9,
                eventLoopCapacityNanos == 0 ? 0 : (double) eventLoopCpuNanos / eventLoopCapacityNanos,
                extras);
    }
}
