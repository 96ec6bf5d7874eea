package dev.concbench.bench.suite;

import dev.concbench.bench.Scenario;
import dev.concbench.client.capacity.CapacitySearch;
import dev.concbench.client.capacity.CurveSweep;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.Objective;
import dev.concbench.results.SweepMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario's rate sweep in a suite: its parameters (the cross product runs for every model),
 * how the rates are chosen, what each step is judged by, and how long each step lasts.
 *
 * @param scenario  the scenario whose request is offered (open loop)
 * @param params    parameter name to its values, as in {@link ScenarioPlan}
 * @param mode      a capacity search, or a curve over the range's ladder
 * @param objective what each step is judged by
 * @param range     the rates: a search starts at the lowest, grows and bisects; a curve climbs
 *                  {@code maxSteps} rates from the lowest to the highest
 * @param pace      each step's lead-in, window and cool-down
 */
public record SweepPlan(Scenario scenario, Map<String, List<String>> params, SweepMode mode, Objective objective,
                        CapacitySearch.Range range, SweepRunner.Pace pace) {

    /** A plan whose parameters are given as alternating name and values: {@code "connections", List.of(64)}. */
    static SweepPlan of(Scenario scenario, SweepMode mode, Objective objective, CapacitySearch.Range range,
                        SweepRunner.Pace pace, Object... namesAndValues) {
        return new SweepPlan(scenario, ParameterGrid.of(namesAndValues), mode, objective, range, pace);
    }

    /** The steps a search usually takes (a knee near the middle of the range), for the time estimate. */
    static final int TYPICAL_SEARCH_STEPS = 10;

    public SweepPlan {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(pace, "pace");
        params = new ParameterGrid(scenario.label(), params).values();
    }

    /** A fresh sweep, for one server. */
    Sweep newSweep() {
        return mode == SweepMode.SEARCH ? new CapacitySearch(objective, range)
                : new CurveSweep(objective, CurveSweep.ladder(range.lowestRate(), range.highestRate(), range.maxSteps()));
    }

    /** The same plan with other values for one parameter it has; unchanged when it has no such parameter. */
    SweepPlan withValues(String name, List<String> values) {
        return new SweepPlan(scenario, new ParameterGrid(scenario.label(), params).withValues(name, values).values(),
                mode, objective, range, pace);
    }

    /** Every combination of the parameters, in plan order. */
    List<Map<String, String>> combinations() {
        return new ParameterGrid(scenario.label(), params).combinations();
    }

    /** The load time a sweep of one server is expected to take. */
    Duration loadTime() {
        int steps = mode == SweepMode.SEARCH ? Math.min(TYPICAL_SEARCH_STEPS, range.maxSteps()) : range.maxSteps();
        Duration step = pace.leadIn().plus(pace.shortestWindow()).plusMillis(100);
        return pace.warmUp().plus(step.multipliedBy(steps));
    }
}
