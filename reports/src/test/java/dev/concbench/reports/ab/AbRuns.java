package dev.concbench.reports.ab;

import dev.concbench.reports.support.Fixtures;
import dev.concbench.results.AbBaseline;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.MeasuredWindow;
import dev.concbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A/B runs made from a fixture run: each result given two sides with chosen windows. */
public final class AbRuns {

    private AbRuns() {
    }

    /**
     * The fixture's first {@code cases} results as an A/B run: side A's windows steady, side B's
     * throughput scaled by {@code throughputB} and CPU per request by {@code cpuB} in the first
     * case only when {@code changeFirst}, unchanged elsewhere; every window varied a little, in
     * step on both sides (the machine's drift, which pairs cancel).
     */
    public static RunResult of(int cases, boolean changeFirst, double throughputB, double cpuB, boolean self) {
        RunResult base = Fixtures.run("run-epyc.json");
        List<BenchmarkResult> results = new ArrayList<>();
        for (BenchmarkResult r : base.results().subList(0, cases)) {
            boolean isChanged = changeFirst && results.isEmpty();
            results.add(side(r, BenchmarkResult.SIDE_A, 1, 1));
            results.add(side(r, BenchmarkResult.SIDE_B, isChanged ? throughputB : 1, isChanged ? cpuB : 1));
        }
        return new RunResult(base.schema(), true, null, base.suite(), base.startedAt(), base.finishedAt(),
                base.machine(), base.serverMachine(), base.environment(),
                new AbBaseline(self ? "self" : "HEAD~1", "fedcba9876543210fedcba9876543210fedcba98", false, self),
                base.clientCeiling(), Map.of(), results, null, List.of());
    }

    private static BenchmarkResult side(BenchmarkResult r, String side, double throughput, double cpu) {
        List<MeasuredWindow> windows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double drift = 1 + 0.2 * Math.sin(i);                 // shared by both sides of a pair
            double jitter = 1 + 0.01 * ((i * 7 + side.hashCode()) % 3 - 1); // small, per side
            long requests = Math.round(10_000 * drift * jitter * throughput);
            windows.add(new MeasuredWindow(i, 1.0, requests, 0, 2.0 * drift * jitter,
                    requests * 20e-6 * cpu * jitter));
        }
        return new BenchmarkResult(r.benchmark(), r.model(), side, r.family(), r.reference(), r.scenario(),
                r.params(), r.loadModel(), r.measuredSeconds(), r.throughput(), r.latency(), r.requestsCompleted(),
                r.errors(), r.fairness(), r.client(), r.resources(), r.serverInfo(), windows, r.extras(), true,
                List.of(), false, null);
    }
}
