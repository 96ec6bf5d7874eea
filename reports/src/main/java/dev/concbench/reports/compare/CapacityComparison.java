package dev.concbench.reports.compare;

import dev.concbench.reports.capacity.CapacityBracket;
import dev.concbench.reports.capacity.CapacityChange;
import dev.concbench.reports.capacity.SweepCase;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RateSweep;
import dev.concbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A candidate's sweep beside the same sweep (scenario, model, parameters) in the baseline runs:
 * the capacity brackets side by side, with an indicative reading by {@link CapacityChange}'s rule
 * against the union of the baselines' brackets. Indicative only, and not part of
 * {@link Comparison#verdict()}: the runs were taken at different times, so the machine's drift
 * (20–40 % here) lies between the brackets, and a sweep measures each rate in one window. The
 * verdict to trust is an A/B run's, whose two sides' steps alternate.
 *
 * @param key        the sweep's case
 * @param candidate  the candidate's sweep
 * @param baselines  the same sweep in each baseline run that has it (at least one)
 * @param indicative the reading from the brackets; not judged when the objectives differ
 */
public record CapacityComparison(SweepCase key, RateSweep candidate, List<RateSweep> baselines,
                                 CapacityChange indicative) {

    public CapacityComparison {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(candidate, "candidate");
        baselines = List.copyOf(baselines);
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("a capacity comparison needs at least one baseline sweep");
        }
        Objects.requireNonNull(indicative, "indicative");
    }

    /**
     * Every candidate sweep found in at least one baseline, in report order. In an A/B run only the
     * working tree's side (B) takes part.
     *
     * @param minEffectPercent the smallest change the reading counts, e.g. 5
     */
    public static List<CapacityComparison> of(List<RunResult> baselines, RunResult candidate, double minEffectPercent) {
        Map<SweepCase, List<RateSweep>> matches = new TreeMap<>();
        baselines.forEach(run -> ownSweeps(run).forEach(sweep ->
                matches.computeIfAbsent(SweepCase.of(sweep), k -> new ArrayList<>()).add(sweep)));
        Map<SweepCase, CapacityComparison> rows = new TreeMap<>();
        for (RateSweep sweep : ownSweeps(candidate)) {
            SweepCase key = SweepCase.of(sweep);
            List<RateSweep> found = matches.get(key);
            if (found != null) {
                rows.put(key, new CapacityComparison(key, sweep, found, read(found, sweep, minEffectPercent)));
            }
        }
        return List.copyOf(rows.values());
    }

    private static CapacityChange read(List<RateSweep> baselines, RateSweep candidate, double minEffectPercent) {
        CapacityBracket before = CapacityBracket.union(baselines.stream()
                .map(sweep -> CapacityBracket.of(sweep.capacity())).toList());
        CapacityBracket after = CapacityBracket.of(candidate.capacity());
        var objectives = baselines.stream().map(RateSweep::objective).distinct().toList();
        if (objectives.size() > 1 || !objectives.getFirst().equals(candidate.objective())) {
            return new CapacityChange(before, after, Verdict.NOT_JUDGED, "the objectives differ ("
                    + String.join(", ", baselines.stream().map(s -> s.objective().label()).distinct().toList())
                    + " before, " + candidate.objective().label() + " after)");
        }
        return CapacityChange.judge(before, after, minEffectPercent);
    }

    /** A plain run's sweeps, or an A/B run's side B. */
    private static List<RateSweep> ownSweeps(RunResult run) {
        return run.sweeps().stream().filter(sweep -> !BenchmarkResult.SIDE_A.equals(sweep.side())).toList();
    }
}
