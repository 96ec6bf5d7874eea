package dev.concbench.reports.ab;

import dev.concbench.reports.capacity.SweepCase;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.figures.Scenarios;
import dev.concbench.results.BenchmarkKey;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RateSweep;
import dev.concbench.results.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The verdict of an A/B run: every case judged from its paired windows (see {@link AbCase}) and
 * every sweep's capacity from its two brackets (see {@link AbCapacity}), the run's verdict the
 * worst of them. Both builds ran in the same run, windows alternating, so the
 * machine's drift over the run cancels within each pair; that is what makes this verdict
 * trustworthy where a comparison of two runs taken at different times is not.
 *
 * @param run              the A/B run
 * @param minEffectPercent the smallest change that counts
 * @param cases            every case with both sides, in report order
 * @param unpaired         results whose other side is missing (an interrupted run)
 * @param capacities       every sweep with both sides, in report order
 * @param unpairedSweeps   sweeps whose other side is missing
 */
public record AbComparison(RunResult run, double minEffectPercent, List<AbCase> cases,
                           List<BenchmarkResult> unpaired, List<AbCapacity> capacities,
                           List<RateSweep> unpairedSweeps) {

    /** The default minimum effect, percent. */
    public static final double DEFAULT_MIN_EFFECT_PERCENT = 5;

    public AbComparison {
        Objects.requireNonNull(run, "run");
        cases = List.copyOf(cases);
        unpaired = List.copyOf(unpaired);
        capacities = List.copyOf(capacities);
        unpairedSweeps = List.copyOf(unpairedSweeps);
    }

    /**
     * Judges an A/B run.
     *
     * @throws IllegalArgumentException when the run is not an A/B run
     */
    public static AbComparison of(RunResult run, double minEffectPercent) {
        if (!run.comparesBuilds()) {
            throw new IllegalArgumentException("not an A/B run: it was not run with --against");
        }
        List<AbCase> cases = new ArrayList<>();
        List<BenchmarkResult> unpaired = new ArrayList<>();
        pair(new TreeMap<BenchmarkKey, List<BenchmarkResult>>(Scenarios.KEY_ORDER), run.results(),
                r -> r.key().withoutSide(), BenchmarkResult::side, (a, b) -> AbCase.judge(a, b, minEffectPercent),
                cases, unpaired);
        List<AbCapacity> capacities = new ArrayList<>();
        List<RateSweep> unpairedSweeps = new ArrayList<>();
        pair(new TreeMap<SweepCase, List<RateSweep>>(), run.sweeps(), SweepCase::of, RateSweep::side,
                (a, b) -> AbCapacity.judge(a, b, minEffectPercent), capacities, unpairedSweeps);
        return new AbComparison(run, minEffectPercent, cases, unpaired, capacities, unpairedSweeps);
    }

    /**
     * Pairs side A's and side B's items of each key (in the map's order): judges each pair into
     * {@code judged}, and adds an item whose other side is missing to {@code unpaired}.
     */
    private static <K, T, J> void pair(Map<K, List<T>> byKey, List<T> items, Function<T, K> key,
                                       Function<T, String> side, BiFunction<T, T, J> judge, List<J> judged,
                                       List<T> unpaired) {
        for (T item : items) {
            byKey.computeIfAbsent(key.apply(item), k -> Arrays.asList(null, null))
                    .set(BenchmarkResult.SIDE_A.equals(side.apply(item)) ? 0 : 1, item);
        }
        byKey.values().forEach(pair -> {
            if (pair.get(0) != null && pair.get(1) != null) {
                judged.add(judge.apply(pair.get(0), pair.get(1)));
            } else {
                unpaired.add(pair.get(0) != null ? pair.get(0) : pair.get(1));
            }
        });
    }

    /** The worst verdict over the cases and the capacities; not judged when none was. */
    public Verdict verdict() {
        return Stream.concat(cases.stream().map(AbCase::verdict), capacities.stream().map(AbCapacity::verdict))
                .reduce(Verdict.NOT_JUDGED, Verdict::combine);
    }

    public List<AbCase> withVerdict(Verdict verdict) {
        return cases.stream().filter(c -> c.verdict() == verdict).toList();
    }

    /** How many cases and capacities have this verdict. */
    public int count(Verdict verdict) {
        return withVerdict(verdict).size()
                + (int) capacities.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Whether a case or a capacity regressed. */
    public boolean hasRegressions() {
        return count(Verdict.REGRESSION) > 0;
    }

    /** Whether both sides ran the same build (an A/A run: every flag is a false alarm). */
    public boolean selfComparison() {
        return run.abBaseline().self();
    }

    /** Cases in order of concern: regressions first, then improvements, no change, not judged. */
    public List<AbCase> byConcern() {
        return cases.stream().sorted(Comparator.comparing(AbCase::verdict)).toList();
    }

    /** Capacities in order of concern, as {@link #byConcern()}. */
    public List<AbCapacity> capacitiesByConcern() {
        return capacities.stream().sorted(Comparator.comparing(AbCapacity::verdict)).toList();
    }
}
