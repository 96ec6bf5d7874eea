package dev.concbench.reports.compare;

import dev.concbench.results.BenchmarkKey;
import dev.concbench.results.BenchmarkResult;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark in the candidate and its matching results in the baseline runs.
 *
 * @param key        benchmark, model, scenario and parameters
 * @param candidate  the candidate's result
 * @param baselines  the matching result of each baseline run that has it (at least one)
 * @param throughput throughput change (higher is better, judged on JMH's confidence intervals)
 * @param p99        99th-percentile latency change (lower is better; corrected latency for an open loop)
 * @param verdict    the worse of the two metric verdicts
 */
public record BenchmarkComparison(BenchmarkKey key, BenchmarkResult candidate, List<BenchmarkResult> baselines,
                                  MetricChange throughput, MetricChange p99, Verdict verdict) {

    public BenchmarkComparison {
        baselines = List.copyOf(baselines);
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one baseline result");
        }
    }

    /**
     * Warnings a reader needs next to the verdict: invalid or client-bound results on either side,
     * and a candidate or baseline server that could not take the load (a finding, not a fault).
     */
    public List<String> notes() {
        var notes = new ArrayList<String>();
        if (!candidate.valid()) {
            notes.add((candidate.clientBound() ? "candidate client-bound" : "candidate invalid") + ": "
                    + String.join("; ", candidate.invalidReasons()));
        }
        long invalidBaselines = baselines.stream().filter(r -> !r.valid()).count();
        if (invalidBaselines > 0) {
            boolean clientBound = baselines.stream().anyMatch(BenchmarkResult::clientBound);
            notes.add((clientBound ? "baseline client-bound" : "baseline invalid")
                    + (baselines.size() > 1 ? " in " + invalidBaselines + " of " + baselines.size() + " runs" : ""));
        }
        if (candidate.overload() != null) {
            notes.add("candidate could not take the load: " + candidate.overload());
        }
        long overloadedBaselines = baselines.stream().filter(r -> r.overload() != null).count();
        if (overloadedBaselines > 0) {
            notes.add("baseline could not take the load"
                    + (baselines.size() > 1 ? " in " + overloadedBaselines + " of " + baselines.size() + " runs" : ""));
        }
        return notes;
    }
}
