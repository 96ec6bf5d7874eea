package dev.concbench.bench.suite;

import dev.concbench.bench.resources.ResourceUsage;
import dev.concbench.bench.trial.TrialMeasurement;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.client.ErrorKind;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ClientUsage;
import dev.concbench.results.ErrorCounts;
import dev.concbench.results.Fairness;
import dev.concbench.results.Latency;
import dev.concbench.results.LoadModel;
import dev.concbench.results.MeasuredWindow;
import dev.concbench.results.Percentiles;
import dev.concbench.results.ServerResources;
import dev.concbench.results.Throughput;
import dev.concbench.servers.ServerReport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Turns what one benchmark produced, JMH's figures and the trials' records, into a result-file
 * entry, and judges it: wrong answers (status, body, framing) above {@value #MAX_ERROR_PERCENT} % of
 * requests, a throughput within {@value #CLIENT_BOUND_PERCENT} % of the client ceiling, a saturated
 * client, or a failed trial make it invalid, with the reason. A server that answered nothing, or
 * whose requests timed out or lost their connections above that share, could not take the load:
 * a finding about the model ({@link BenchmarkResult#overload()}), not an invalid measurement.
 * Invalid results are kept, never dropped.
 */
final class ResultAssembler {

    /** Errors above this share of all requests make a result invalid. */
    static final double MAX_ERROR_PERCENT = 0.1;
    /** A throughput within this distance of the client ceiling measures the client. */
    static final double CLIENT_BOUND_PERCENT = 20;
    /** Client event loops busier than this measure the client. */
    static final double CLIENT_SATURATED_UTILIZATION = 0.9;
    /** The confidence of JMH's score error, which a side's throughput in an A/B run also gives. */
    private static final double JMH_CONFIDENCE = 0.999;

    private ResultAssembler() {
    }

    /**
     * The results of one benchmark: one for a plain run, one per side (A, then B) for an A/B run.
     *
     * @param ceiling        the client ceiling in responses per second, or {@code null} when not known
     * @param model          the model's family and whether it is a reference
     * @param comparesBuilds whether the benchmark ran A/B
     */
    static List<BenchmarkResult> assemble(BenchmarkCase benchmark, CaseOutcome outcome, Double ceiling,
                                          ModelFacts model, boolean comparesBuilds) {
        List<String> sides = comparesBuilds ? List.of(BenchmarkResult.SIDE_A, BenchmarkResult.SIDE_B)
                : Collections.singletonList(null);
        List<BenchmarkResult> results = new ArrayList<>();
        for (String side : sides) {
            List<TrialRecord.Side> trials = outcome.trials().stream().flatMap(trial -> trial.sides().stream())
                    .filter(record -> Objects.equals(record.side(), side)).toList();
            // A/B: JMH's figure mixes both sides; each side's throughput comes from its own windows.
            Optional<Throughput> throughput = comparesBuilds ? windowThroughput(trials) : outcome.throughput();
            results.add(assembleSide(benchmark, outcome, throughput, trials, side, ceiling, model));
        }
        return results;
    }

    private static BenchmarkResult assembleSide(BenchmarkCase benchmark, CaseOutcome outcome,
                                                Optional<Throughput> jmhThroughput, List<TrialRecord.Side> trials,
                                                String side, Double ceiling, ModelFacts model) {
        List<TrialMeasurement> measured = trials.stream().map(TrialRecord.Side::measurement).filter(Objects::nonNull)
                .toList();
        List<String> reasons = new ArrayList<>();

        Throughput throughput = jmhThroughput.orElseGet(() -> new Throughput(0, null, Throughput.UNIT,
                null, null, List.of()));
        outcome.failure().ifPresent(failure -> reasons.add("the benchmark failed: " + failure));
        if (outcome.failure().isEmpty() && measured.isEmpty()) {
            reasons.add("no measurement was recorded");
        }

        long requests = measured.stream().mapToLong(TrialMeasurement::requests).sum();
        ErrorCounts errors = errors(measured);
        String overload = overload(measured, requests, errors);
        long attempts = requests + errors.total();
        long wrongAnswers = errors.status() + errors.body() + errors.malformed();
        if (attempts > 0 && wrongAnswers * 100.0 / attempts > MAX_ERROR_PERCENT) {
            reasons.add(String.format(Locale.ROOT, "wrong answers are %.2f %% of requests (above %.1f %%)",
                    wrongAnswers * 100.0 / attempts, MAX_ERROR_PERCENT));
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
        Histogram uncorrected = merged(measured, TrialMeasurement::uncorrectedLatency);
        Histogram corrected = open ? merged(measured, TrialMeasurement::latency) : null;
        Latency latency = new Latency(summary(uncorrected), open ? summary(corrected) : null,
                encoded(uncorrected), open ? encoded(corrected) : null);

        return new BenchmarkResult(benchmark.scenario().benchmarkName(), benchmark.model(), side, model.family(),
                model.reference(), benchmark.scenario().label(), benchmark.params(),
                open ? LoadModel.OPEN : LoadModel.CLOSED,
                measured.stream().mapToDouble(TrialMeasurement::windowSeconds).sum(), throughput, latency, requests,
                errors, fairness(measured), client(outcome.trials(), measured), resources(trials), serverInfo(trials),
                windows(measured), extras(measured), reasons.isEmpty(), reasons, clientBound, overload);
    }

    /**
     * The finding that the server could not take the load, or {@code null}: it answered nothing, or
     * more than {@value #MAX_ERROR_PERCENT} % of the requests timed out or lost their connection
     * (refused, reset, closed). That is what the model did under this load, not a fault of the
     * measurement, so it does not make the result invalid.
     */
    private static String overload(List<TrialMeasurement> measured, long requests, ErrorCounts errors) {
        if (measured.isEmpty()) {
            return null;
        }
        if (requests == 0) {
            long unfinished = measured.stream().mapToLong(TrialMeasurement::unfinished).sum();
            return String.format(Locale.ROOT,
                    "the server answered nothing in %.1f s of measurement (%d requests still unanswered at the window"
                            + " ends, %,d failed)", measured.stream().mapToDouble(TrialMeasurement::windowSeconds).sum(),
                    unfinished, errors.total());
        }
        long lost = errors.timeout() + errors.connect() + errors.read() + errors.write();
        long attempts = requests + errors.total();
        if (lost * 100.0 / attempts <= MAX_ERROR_PERCENT) {
            return null;
        }
        return String.format(Locale.ROOT, "the server could not take the load: %.2f %% of requests failed"
                        + " (%,d timed out, %,d connections refused, %,d reset or closed)", lost * 100.0 / attempts,
                errors.timeout(), errors.connect(), errors.read() + errors.write());
    }

    /**
     * A side's throughput from its own windows: the mean of their rates, with the same 99.9 %
     * Student-t interval JMH gives; no interval from a single window; empty without windows.
     */
    static Optional<Throughput> windowThroughput(List<TrialRecord.Side> trials) {
        List<List<Double>> rates = trials.stream().map(TrialRecord.Side::measurement).filter(Objects::nonNull)
                .map(m -> m.windows().stream().map(MeasuredWindow::requestsPerSecond).toList())
                .filter(fork -> !fork.isEmpty()).toList();
        ListStatistics statistics = new ListStatistics();
        rates.forEach(fork -> fork.forEach(statistics::addValue));
        if (statistics.getN() == 0) {
            return Optional.empty();
        }
        double mean = statistics.getMean();
        return Optional.of(statistics.getN() < 2 ? new Throughput(mean, null, Throughput.UNIT, null, null, rates)
                : Throughput.of(mean, statistics.getMeanErrorAt(JMH_CONFIDENCE), rates));
    }

    /** Every fork's windows in order, numbered again from 0. */
    private static List<MeasuredWindow> windows(List<TrialMeasurement> measured) {
        List<MeasuredWindow> all = new ArrayList<>();
        for (TrialMeasurement m : measured) {
            for (MeasuredWindow w : m.windows()) {
                all.add(new MeasuredWindow(all.size(), w.seconds(), w.requests(), w.errors(), w.p99Ms(),
                        w.serverCpuSeconds()));
            }
        }
        return all;
    }

    private static Map<String, Double> extras(List<TrialMeasurement> measured) {
        Map<String, Double> sum = new TreeMap<>();
        measured.forEach(m -> m.extras().forEach((name, value) -> sum.merge(name, value, Double::sum)));
        return sum;
    }

    /**
     * Errors by kind, every kind of the client carried: the switch has no default, so a new
     * {@link ErrorKind} does not compile until it has its place in the result file.
     */
    static ErrorCounts errors(List<TrialMeasurement> measured) {
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        measured.forEach(m -> m.errors().forEach((kind, count) -> byKind.merge(kind, count, Long::sum)));
        return dev.concbench.client.ErrorCounts.toResult(byKind);
    }

    /**
     * The client of the first trial (every fork runs the same client), with the CPU time of this
     * side's measurement; {@code null} when nothing was measured.
     */
    private static ClientUsage client(List<TrialRecord> trials, List<TrialMeasurement> measured) {
        Optional<TrialRecord.ClientSide> first = trials.stream().map(TrialRecord::client)
                .filter(client -> client.eventLoops() > 0).findFirst();
        if (first.isEmpty() || measured.isEmpty()) {
            return null;
        }
        return new ClientUsage(first.get().transport(), first.get().eventLoops(),
                measured.stream().mapToDouble(TrialMeasurement::eventLoopCpuSeconds).sum(),
                measured.stream().mapToDouble(TrialMeasurement::processCpuSeconds).sum());
    }

    /** The trials' histograms added together (never their percentiles averaged); empty when none. */
    private static Histogram merged(List<TrialMeasurement> measured, Function<TrialMeasurement, String> histogram) {
        Histogram merged = dev.concbench.client.Latency.newHistogram();
        for (TrialMeasurement m : measured) {
            merged.add(decode(histogram.apply(m)));
        }
        return merged;
    }

    private static Percentiles summary(Histogram histogram) {
        return new dev.concbench.client.Latency(histogram).summary();
    }

    private static String encoded(Histogram histogram) {
        return new dev.concbench.client.Latency(histogram).encodedHistogram();
    }

    private static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a trial record holds a damaged latency histogram", e);
        }
    }

    /** The worst of the trials: see {@link TrialMeasurement.TrialFairness}. */
    private static Fairness fairness(List<TrialMeasurement> measured) {
        if (measured.isEmpty()) {
            return new Fairness(0, 0, 0, 0, 0, 0, 0);
        }
        var all = measured.stream().map(TrialMeasurement::fairness).toList();
        long[] medians = all.stream().mapToLong(TrialMeasurement.TrialFairness::medianResponses).sorted().toArray();
        long min = all.stream().mapToLong(TrialMeasurement.TrialFairness::minResponses).min().orElse(0);
        long max = all.stream().mapToLong(TrialMeasurement.TrialFairness::maxResponses).max().orElse(0);
        double median = Math.clamp(medians[(medians.length - 1) / 2], min, max);
        return new Fairness(all.getFirst().connections(), min, median, max,
                all.stream().mapToInt(TrialMeasurement.TrialFairness::starved).max().orElse(0),
                all.stream().mapToDouble(TrialMeasurement.TrialFairness::longestWaitMs).max().orElse(0),
                all.stream().mapToLong(TrialMeasurement.TrialFairness::gaveUp).sum());
    }

    /** Peaks over the trials, CPU and processes summed; {@code null} when no trial was sampled. */
    static ServerResources resources(List<TrialRecord.Side> trials) {
        List<TrialRecord.Side> sampled = trials.stream().filter(t -> t.resources() != null).toList();
        if (sampled.isEmpty()) {
            return null;
        }
        return new ServerResources(
                sampled.stream().map(TrialRecord.Side::resources).mapToInt(ResourceUsage::peakThreads).max().orElse(0),
                sampled.stream().map(TrialRecord.Side::resources).mapToInt(ResourceUsage::peakFileDescriptors).max()
                        .orElse(0),
                sampled.stream().map(TrialRecord.Side::resources).mapToLong(ResourceUsage::peakRssBytes).max().orElse(0),
                sampled.stream().map(TrialRecord.Side::resources).mapToDouble(ResourceUsage::cpuSeconds).sum(),
                sampled.stream().mapToLong(ResultAssembler::processesSpawned).sum(),
                sampled.stream().map(TrialRecord.Side::resources).mapToInt(ResourceUsage::peakLiveChildren).max()
                        .orElse(0));
    }

    /**
     * How many processes a sampled trial's server spawned: the count the model reported when it
     * stopped ({@code process}: a child per connection, {@code prefork}: its workers and their
     * replacements), which beats the sampler's, missing children that live less than a sample;
     * else the children the samples saw.
     */
    private static long processesSpawned(TrialRecord.Side trial) {
        ServerReport stopped = trial.server().stopReport();
        if (stopped.childrenSpawned() != null) {
            return stopped.childrenSpawned();
        }
        if (stopped.workersSpawned() != null) {
            return stopped.workersSpawned();
        }
        return trial.resources().childrenSeen();
    }

    /** What the server reported when it started and stopped (the first trial's), and whether it ran in-process. */
    static Map<String, String> serverInfo(List<TrialRecord.Side> trials) {
        Map<String, String> info = new TreeMap<>();
        if (trials.isEmpty()) {
            return info;
        }
        TrialRecord.Side first = trials.getFirst();
        info.putAll(first.server().startInfo());
        first.server().stopInfo().forEach((key, value) -> info.put("stopped." + key, value));
        info.put("inProcess", Boolean.toString(first.server().inProcess()));
        return info;
    }
}
