package dev.concbench.reports.compare;

import dev.concbench.reports.figures.Scenarios;
import dev.concbench.results.BenchmarkKey;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.Percentiles;
import dev.concbench.results.RunResult;
import dev.concbench.results.Throughput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A candidate run compared with one or more baseline runs of the same machine, benchmark by
 * benchmark (matched on {@link BenchmarkKey}).
 *
 * <p>Runs taken at different times carry the machine's drift (20–40 % between two runs of one
 * commit on a shared two-core machine), which no interval inside either run shows: this
 * comparison is indicative. The verdict to trust comes from an A/B run, both builds side by side
 * in one run ({@code -Dbench.against=REF}, judged by {@code dev.concbench.reports.ab}).
 *
 * <p>Rules, for each matched benchmark, judged only where each side measured several windows:
 * <ul>
 *   <li>Throughput (higher is better): the baseline is the mean of the baseline scores, its noise
 *       the union of their JMH 99.9 % confidence intervals. A regression needs the candidate's
 *       interval entirely below that union <em>and</em> a drop of at least
 *       {@link CompareOptions#minEffectPercent()}; an improvement the mirror image. A side with a
 *       single measured window has no interval: the change is shown, not judged (two smoke runs of
 *       the same commit differed by up to 180 % in such windows).</li>
 *   <li>p99 latency (lower is better; corrected latency for an open loop): the baseline is the p99
 *       of the baselines' merged histograms (the median of their p99 values for files without
 *       histograms), never a mean of percentiles; its noise is the range of the baseline runs' p99
 *       values, and the change must reach {@link CompareOptions#minLatencyEffectPercent()}.</li>
 *   <li>A benchmark's verdict is the worse of the two. Invalid and client-bound results are
 *       compared like any other and carry a note.</li>
 * </ul>
 *
 * @param candidate       the run under test
 * @param baselines       the runs it is compared with (at least one)
 * @param options         effect sizes and whether machines may differ
 * @param rows            one per candidate benchmark found in at least one baseline, in report order
 * @param onlyInCandidate benchmarks new in the candidate (no verdict)
 * @param onlyInBaselines benchmarks the candidate lacks (no verdict)
 */
public record Comparison(RunResult candidate, List<RunResult> baselines, CompareOptions options,
                         List<BenchmarkComparison> rows, List<BenchmarkKey> onlyInCandidate,
                         List<BenchmarkKey> onlyInBaselines) {

    public Comparison {
        Objects.requireNonNull(candidate, "candidate");
        baselines = List.copyOf(baselines);
        Objects.requireNonNull(options, "options");
        rows = List.copyOf(rows);
        onlyInCandidate = List.copyOf(onlyInCandidate);
        onlyInBaselines = List.copyOf(onlyInBaselines);
    }

    /** Compares with the default options. */
    public static Comparison of(List<RunResult> baselines, RunResult candidate) {
        return of(baselines, candidate, CompareOptions.DEFAULTS);
    }

    /**
     * Compares a candidate with its baselines.
     *
     * @throws MachineMismatchException if the runs come from different machines and
     *                                  {@link CompareOptions#acrossMachines()} is false
     * @throws IllegalArgumentException if there is no baseline
     */
    public static Comparison of(List<RunResult> baselines, RunResult candidate, CompareOptions options) {
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one baseline run");
        }
        if (!options.acrossMachines()) {
            requireSameMachine(baselines, candidate);
        }
        Map<BenchmarkKey, List<BenchmarkResult>> baselineResults = new LinkedHashMap<>();
        for (RunResult baseline : baselines) {
            for (BenchmarkResult result : baseline.results()) {
                baselineResults.computeIfAbsent(result.key(), k -> new ArrayList<>()).add(result);
            }
        }
        var rows = new ArrayList<BenchmarkComparison>();
        var onlyInCandidate = new TreeSet<BenchmarkKey>(Scenarios.KEY_ORDER);
        for (BenchmarkResult result : candidate.results()) {
            List<BenchmarkResult> matches = baselineResults.get(result.key());
            if (matches == null) {
                onlyInCandidate.add(result.key());
            } else {
                rows.add(compare(result, matches, options));
            }
        }
        var candidateKeys = candidate.results().stream().map(BenchmarkResult::key).collect(Collectors.toSet());
        var onlyInBaselines = new TreeSet<BenchmarkKey>(Scenarios.KEY_ORDER);
        onlyInBaselines.addAll(baselineResults.keySet());
        onlyInBaselines.removeAll(candidateKeys);
        rows.sort(java.util.Comparator.comparing(BenchmarkComparison::key, Scenarios.KEY_ORDER));
        return new Comparison(candidate, baselines, options, rows, List.copyOf(onlyInCandidate),
                List.copyOf(onlyInBaselines));
    }

    /** Whether any baseline ran on another machine than the candidate. */
    public boolean acrossMachines() {
        return baselines.stream().anyMatch(b -> !b.machineIdentity().equals(candidate.machineIdentity()));
    }

    /** The worst verdict over all rows; no change when nothing matched. */
    public Verdict verdict() {
        return rows.stream().map(BenchmarkComparison::verdict).reduce(Verdict.NO_CHANGE, Verdict::combine);
    }

    public List<BenchmarkComparison> regressions() {
        return withVerdict(Verdict.REGRESSION);
    }

    public List<BenchmarkComparison> improvements() {
        return withVerdict(Verdict.IMPROVEMENT);
    }

    public boolean hasRegressions() {
        return !regressions().isEmpty();
    }

    private List<BenchmarkComparison> withVerdict(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).toList();
    }

    private static void requireSameMachine(List<RunResult> baselines, RunResult candidate) {
        String id = candidate.machineIdentity();
        for (int i = 0; i < baselines.size(); i++) {
            RunResult baseline = baselines.get(i);
            if (!baseline.machineIdentity().equals(id)) {
                throw new MachineMismatchException("results from different machines: the candidate ran on "
                        + describe(candidate) + " but baseline " + (i + 1) + " on " + describe(baseline)
                        + "; pass --across-machines to compare them anyway");
            }
        }
    }

    private static String describe(RunResult run) {
        return run.machineIdentity() + " (" + run.machinesSummary() + ")";
    }

    private static BenchmarkComparison compare(BenchmarkResult candidate, List<BenchmarkResult> baselines,
                                               CompareOptions options) {
        MetricChange throughput = throughputChange(candidate, baselines, options);
        MetricChange p99 = latencyChange(candidate, baselines, options);
        return new BenchmarkComparison(candidate.key(), candidate, baselines, throughput, p99,
                Verdict.combine(throughput.verdict(), p99.verdict()));
    }

    private static MetricChange throughputChange(BenchmarkResult candidate, List<BenchmarkResult> baselines,
                                                 CompareOptions options) {
        boolean noiseKnown = severalWindows(candidate, baselines);
        if (!noiseKnown) {
            return MetricChange.notJudged("throughput", Direction.HIGHER_IS_BETTER,
                    baselines.getFirst().throughput().score(), candidate.throughput().score());
        }
        return MetricChange.judge("throughput", Direction.HIGHER_IS_BETTER,
                baselines.stream().map(b -> b.throughput().score()).toList(),
                baselines.stream().map(b -> interval(b.throughput(), noiseKnown)).toList(),
                candidate.throughput().score(), interval(candidate.throughput(), noiseKnown),
                options.minEffectPercent(), noiseKnown);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Whether every side measured several windows, so that JMH could give a confidence interval. */
    private static boolean severalWindows(BenchmarkResult candidate, List<BenchmarkResult> baselines) {
        return candidate.throughput().hasConfidenceInterval()
                && baselines.stream().allMatch(b -> b.throughput().hasConfidenceInterval());
    }

    private static Interval interval(Throughput throughput, boolean useConfidence) {
        return useConfidence
                ? new Interval(throughput.confidenceLow(), throughput.confidenceHigh())
                : Interval.point(throughput.score());
    }

    private static MetricChange latencyChange(BenchmarkResult candidate, List<BenchmarkResult> baselines,
                                              CompareOptions options) {
        Percentiles candidateLatency = candidate.latency().effective();
        List<Percentiles> baselineLatency = baselines.stream().map(b -> b.latency().effective()).toList();
        if (candidateLatency.count() == 0 || baselineLatency.stream().anyMatch(p -> p.count() == 0)) {
            double baseline = baselineLatency.stream().mapToDouble(Percentiles::p99Ms).average().orElse(0);
            return MetricChange.notComparable("p99", Direction.LOWER_IS_BETTER, baseline, candidateLatency.p99Ms(),
                    "no latency samples");
        }
        List<Double> values = baselineLatency.stream().map(Percentiles::p99Ms).toList();
        double pooled = PooledLatency.p99Ms(baselines).orElse(median(values));
        if (!severalWindows(candidate, baselines)) {
            return MetricChange.notJudged("p99", Direction.LOWER_IS_BETTER, pooled, candidateLatency.p99Ms());
        }
        return MetricChange.judge("p99", Direction.LOWER_IS_BETTER, pooled, values,
                values.stream().map(Interval::point).toList(), candidateLatency.p99Ms(),
                Interval.point(candidateLatency.p99Ms()), options.minLatencyEffectPercent(), false);
    }
}
