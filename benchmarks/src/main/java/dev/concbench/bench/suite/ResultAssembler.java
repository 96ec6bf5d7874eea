package dev.concbench.bench.suite;

import dev.concbench.bench.resources.ResourceUsage;
import dev.concbench.bench.trial.TrialMeasurement;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ClientUsage;
import dev.concbench.results.ErrorCounts;
import dev.concbench.results.Fairness;
import dev.concbench.results.Latency;
import dev.concbench.results.LoadModel;
import dev.concbench.results.Percentiles;
import dev.concbench.results.ServerResources;
import dev.concbench.results.Throughput;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Turns what one benchmark produced, JMH's figures and the trials' records, into a result-file
 * entry, and judges it: errors above {@value #MAX_ERROR_PERCENT} % of requests, a throughput within
 * {@value #CLIENT_BOUND_PERCENT} % of the client ceiling, a saturated client, a failed trial, or no
 * verified response at all make it invalid, with the reason. Invalid results are kept, never dropped.
 */
final class ResultAssembler {

    /** Errors above this share of all requests make a result invalid. */
    static final double MAX_ERROR_PERCENT = 0.1;
    /** A throughput within this distance of the client ceiling measures the client. */
    static final double CLIENT_BOUND_PERCENT = 20;
    /** Client event loops busier than this measure the client. */
    static final double CLIENT_SATURATED_UTILIZATION = 0.9;
    /**
     * The keys under which models report, when they stop, how many processes they spawned
     * ({@code process}: a child per connection, {@code prefork}: its workers and their replacements).
     * Their own count beats the sampler's, which misses children that live less than a sample.
     */
    static final List<String> PROCESSES_SPAWNED_KEYS = List.of("processesSpawned", "childrenSpawned",
            "workersSpawned");

    private static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99};

    private ResultAssembler() {
    }

    /**
     * The result of one benchmark.
     *
     * @param ceiling the client ceiling in responses per second, or {@code null} when not known
     */
    static BenchmarkResult assemble(BenchmarkCase benchmark, CaseOutcome outcome, Double ceiling) {
        List<TrialRecord> trials = outcome.trials();
        List<TrialMeasurement> measured = trials.stream().map(TrialRecord::measurement).filter(Objects::nonNull)
                .toList();
        List<String> reasons = new ArrayList<>();

        Throughput throughput = outcome.throughput().orElseGet(() -> new Throughput(0, null, Throughput.UNIT,
                null, null, List.of()));
        outcome.failure().ifPresent(failure -> reasons.add("the benchmark failed: " + failure));
        if (outcome.failure().isEmpty() && measured.isEmpty()) {
            reasons.add("no measurement was recorded");
        }

        long requests = measured.stream().mapToLong(TrialMeasurement::requests).sum();
        if (!measured.isEmpty() && requests == 0) {
            long unfinished = measured.stream().mapToLong(TrialMeasurement::unfinished).sum();
            reasons.add(String.format(Locale.ROOT,
                    "no verified response in %.1f s of measurement (%d requests still unanswered at the window ends)",
                    measured.stream().mapToDouble(TrialMeasurement::windowSeconds).sum(), unfinished));
        }
        ErrorCounts errors = errors(measured);
        long attempts = requests + errors.total();
        if (attempts > 0 && errors.total() * 100.0 / attempts > MAX_ERROR_PERCENT) {
            reasons.add(String.format(Locale.ROOT, "errors are %.2f %% of requests (above %.1f %%)",
                    errors.total() * 100.0 / attempts, MAX_ERROR_PERCENT));
        }
        boolean clientBound = false;
        if (ceiling != null && ceiling > 0 && throughput.score() >= ceiling * (1 - CLIENT_BOUND_PERCENT / 100)) {
            clientBound = true;
            reasons.add(String.format(Locale.ROOT,
                    "client-bound: %.0f responses/s is within %.0f %% of the client ceiling (%.0f/s)",
                    throughput.score(), CLIENT_BOUND_PERCENT, ceiling));
        }
        double utilization = measured.stream().mapToDouble(TrialMeasurement::eventLoopUtilization).max().orElse(0);
        if (utilization >= CLIENT_SATURATED_UTILIZATION) {
            clientBound = true;
            reasons.add(String.format(Locale.ROOT, "client-bound: the client's event loops were %.0f %% busy",
                    utilization * 100));
        }

        boolean open = benchmark.scenario().openLoop();
        Percentiles uncorrected = percentiles(measured, TrialMeasurement::uncorrectedLatency);
        Latency latency = new Latency(uncorrected, open ? percentiles(measured, TrialMeasurement::latency) : null);

        return new BenchmarkResult(benchmark.scenario().benchmarkName(), benchmark.model(),
                benchmark.scenario().label(), benchmark.params(), open ? LoadModel.OPEN : LoadModel.CLOSED,
                measured.stream().mapToDouble(TrialMeasurement::windowSeconds).sum(), throughput, latency, requests,
                errors, fairness(measured), client(trials), resources(trials), serverInfo(trials), reasons.isEmpty(),
                reasons,
                clientBound);
    }

    private static ErrorCounts errors(List<TrialMeasurement> measured) {
        Map<String, Long> sum = new TreeMap<>();
        measured.forEach(m -> m.errors().forEach((kind, count) -> sum.merge(kind, count, Long::sum)));
        return new ErrorCounts(sum.getOrDefault("connect", 0L), sum.getOrDefault("read", 0L),
                sum.getOrDefault("write", 0L), sum.getOrDefault("timeout", 0L), sum.getOrDefault("status", 0L),
                sum.getOrDefault("body", 0L), sum.getOrDefault("malformed", 0L));
    }

    /**
     * The client of the first trial that measured (every fork runs the same client), with the CPU
     * time of every trial's measurement; {@code null} when no trial measured.
     */
    private static ClientUsage client(List<TrialRecord> trials) {
        List<TrialRecord> measuring = trials.stream().filter(t -> t.measurement() != null && t.client().eventLoops() > 0)
                .toList();
        if (measuring.isEmpty()) {
            return null;
        }
        TrialRecord.ClientSide first = measuring.getFirst().client();
        return new ClientUsage(first.transport(), first.eventLoops(),
                measuring.stream().mapToDouble(t -> t.measurement().eventLoopCpuSeconds()).sum(),
                measuring.stream().mapToDouble(t -> t.measurement().processCpuSeconds()).sum());
    }

    private static Percentiles percentiles(List<TrialMeasurement> measured,
                                           Function<TrialMeasurement, String> histogram) {
        Histogram merged = null;
        for (TrialMeasurement m : measured) {
            Histogram h = decode(histogram.apply(m));
            if (merged == null) {
                merged = h;
            } else {
                merged.add(h);
            }
        }
        if (merged == null || merged.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        double[] at = new double[PERCENTILES.length];
        for (int i = 0; i < at.length; i++) {
            at[i] = millis(merged.getValueAtPercentile(PERCENTILES[i]));
        }
        return new Percentiles(merged.getTotalCount(), millis(merged.getMinValue()), at[0], at[1], at[2], at[3],
                at[4], at[5], millis(merged.getMaxValue()));
    }

    private static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a trial record holds a damaged latency histogram", e);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** The worst of the trials: see {@link TrialMeasurement.TrialFairness}. */
    private static Fairness fairness(List<TrialMeasurement> measured) {
        if (measured.isEmpty()) {
            return new Fairness(0, 0, 0, 0, 0, 0);
        }
        var all = measured.stream().map(TrialMeasurement::fairness).toList();
        long[] medians = all.stream().mapToLong(TrialMeasurement.TrialFairness::medianResponses).sorted().toArray();
        long min = all.stream().mapToLong(TrialMeasurement.TrialFairness::minResponses).min().orElse(0);
        long max = all.stream().mapToLong(TrialMeasurement.TrialFairness::maxResponses).max().orElse(0);
        double median = Math.clamp(medians[(medians.length - 1) / 2], min, max);
        return new Fairness(all.getFirst().connections(), min, median, max,
                all.stream().mapToInt(TrialMeasurement.TrialFairness::starved).max().orElse(0),
                all.stream().mapToDouble(TrialMeasurement.TrialFairness::longestWaitMs).max().orElse(0));
    }

    /** Peaks over the trials, CPU and processes summed; {@code null} when no trial was sampled. */
    private static ServerResources resources(List<TrialRecord> trials) {
        List<TrialRecord> sampled = trials.stream().filter(t -> t.resources() != null).toList();
        if (sampled.isEmpty()) {
            return null;
        }
        long spawned = 0;
        for (TrialRecord trial : sampled) {
            spawned += PROCESSES_SPAWNED_KEYS.stream().map(trial.server().stopInfo()::get)
                    .filter(count -> count != null && count.matches("\\d+")).findFirst().map(Long::parseLong)
                    .orElse(trial.resources().childrenSeen());
        }
        return new ServerResources(
                sampled.stream().map(TrialRecord::resources).mapToInt(ResourceUsage::peakThreads).max().orElse(0),
                sampled.stream().map(TrialRecord::resources).mapToInt(ResourceUsage::peakFileDescriptors).max()
                        .orElse(0),
                sampled.stream().map(TrialRecord::resources).mapToLong(ResourceUsage::peakRssBytes).max().orElse(0),
                sampled.stream().map(TrialRecord::resources).mapToDouble(ResourceUsage::cpuSeconds).sum(),
                spawned,
                sampled.stream().map(TrialRecord::resources).mapToInt(ResourceUsage::peakLiveChildren).max()
                        .orElse(0));
    }

    /** What the server reported when it started and stopped (the first trial's), and whether it ran in-process. */
    private static Map<String, String> serverInfo(List<TrialRecord> trials) {
        Map<String, String> info = new TreeMap<>();
        if (trials.isEmpty()) {
            return info;
        }
        TrialRecord first = trials.getFirst();
        info.putAll(first.server().startInfo());
        first.server().stopInfo().forEach((key, value) -> info.put("stopped." + key, value));
        info.put("inProcess", Boolean.toString(first.server().inProcess()));
        return info;
    }
}
