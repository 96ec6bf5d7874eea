package dev.concbench.reports.ab;

import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.figures.Scenarios;
import dev.concbench.results.BenchmarkKey;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The verdict of an A/B run: every case judged from its paired windows (see {@link AbCase}), the
 * run's verdict the worst of them. Both builds ran in the same run, windows alternating, so the
 * machine's drift over the run cancels within each pair; that is what makes this verdict
 * trustworthy where a comparison of two runs taken at different times is not.
 *
 * @param run              the A/B run
 * @param minEffectPercent the smallest change that counts
 * @param cases            every case with both sides, in report order
 * @param unpaired         results whose other side is missing (an interrupted run)
 */
public record AbComparison(RunResult run, double minEffectPercent, List<AbCase> cases,
                           List<BenchmarkResult> unpaired) {

    /** The default minimum effect, percent. */
    public static final double DEFAULT_MIN_EFFECT_PERCENT = 5;

    public AbComparison {
        Objects.requireNonNull(run, "run");
        cases = List.copyOf(cases);
        unpaired = List.copyOf(unpaired);
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
        Map<BenchmarkKey, BenchmarkResult[]> sides = new TreeMap<>(Scenarios.KEY_ORDER);
        for (BenchmarkResult result : run.results()) {
            BenchmarkResult[] pair = sides.computeIfAbsent(result.key().withoutSide(), k -> new BenchmarkResult[2]);
            pair[BenchmarkResult.SIDE_A.equals(result.side()) ? 0 : 1] = result;
        }
        List<AbCase> cases = new ArrayList<>();
        List<BenchmarkResult> unpaired = new ArrayList<>();
        sides.forEach((key, pair) -> {
            if (pair[0] != null && pair[1] != null) {
                cases.add(AbCase.judge(pair[0], pair[1], minEffectPercent));
            } else {
                unpaired.add(pair[0] != null ? pair[0] : pair[1]);
            }
        });
        return new AbComparison(run, minEffectPercent, cases, unpaired);
    }

    /** The worst verdict over the cases; not judged when no case was. */
    public Verdict verdict() {
        return cases.stream().map(AbCase::verdict).reduce(Verdict.NOT_JUDGED, Verdict::combine);
    }

    public List<AbCase> withVerdict(Verdict verdict) {
        return cases.stream().filter(c -> c.verdict() == verdict).toList();
    }

    public boolean hasRegressions() {
        return !withVerdict(Verdict.REGRESSION).isEmpty();
    }

    /** Whether both sides ran the same build (an A/A run: every flag is a false alarm). */
    public boolean selfComparison() {
        return run.abBaseline().self();
    }

    /** Cases in order of concern: regressions first, then improvements, no change, not judged. */
    public List<AbCase> byConcern() {
        return cases.stream().sorted(Comparator.comparing(AbCase::verdict)).toList();
    }
}
