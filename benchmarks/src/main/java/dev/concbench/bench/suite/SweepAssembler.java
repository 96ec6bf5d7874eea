package dev.concbench.bench.suite;

import dev.concbench.bench.SweepTrial;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.Capacity;
import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.RateSweep;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Turns what a sweep produced on each side into result-file entries, one per side. */
final class SweepAssembler {

    private SweepAssembler() {
    }

    /** The sweeps of one case: one, or A then B in an A/B run. */
    static List<RateSweep> assemble(SweepCase sweep, List<SweepTrial.SideResult> sides, ModelFacts model) {
        return sides.stream().map(side -> entry(sweep, side.side(), side.sweep().steps(), side.sweep().capacity(),
                side.sweep(), model, ResultAssembler.resources(List.of(side.server())),
                ResultAssembler.serverInfo(List.of(side.server())))).toList();
    }

    /** The entries of a case whose sweep failed before it could finish (a server that did not start): no steps, the reason. */
    static List<RateSweep> failed(SweepCase sweep, ModelFacts model, String failure) {
        Sweep unrun = sweep.plan().newSweep();
        List<String> sides = sweep.sides() == 2 ? List.of(BenchmarkResult.SIDE_A, BenchmarkResult.SIDE_B)
                : Collections.singletonList(null);
        Capacity none = new Capacity(null, null, CapacityOutcome.INCONCLUSIVE, "the sweep failed: " + failure);
        return sides.stream().map(side -> entry(sweep, side, List.of(), none, unrun, model, null, Map.of())).toList();
    }

    private static RateSweep entry(SweepCase sweep, String side, List<dev.concbench.results.SweepStep> steps,
                                   Capacity capacity, Sweep shape, ModelFacts model,
                                   dev.concbench.results.ServerResources resources, Map<String, String> serverInfo) {
        return new RateSweep(sweep.model(), side, model.family(), model.reference(), sweep.plan().scenario().label(),
                sweep.params(), shape.mode(), shape.objective(), shape.resolution(), steps, capacity, resources,
                serverInfo);
    }
}
