package dev.concbench.bench.suite;

import dev.concbench.bench.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario's part of a suite: the values of each of its parameters (the cross product is run
 * for every model) and its timing.
 *
 * @param scenario the scenario
 * @param params   parameter name to its values, in order; {@code model} is never among them
 * @param timing   the scenario's iteration settings
 * @param abTiming its iteration settings in an A/B run, in pairs of windows ({@link Timing#inPairs})
 */
public record ScenarioPlan(Scenario scenario, Map<String, List<String>> params, Timing timing, Timing abTiming) {

    /**
     * Measured pairs of an A/B run unless a suite says otherwise: eight give the signed-rank
     * interval of the verdict (see the reports' paired verdict) a chance to exclude no change while
     * the pairs still disagree on the sign once.
     */
    public static final int DEFAULT_AB_PAIRS = 8;

    public ScenarioPlan {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(abTiming, "abTiming");
        if (timing.sides() != 1 || abTiming.sides() != 2) {
            throw new IllegalArgumentException("a scenario's timing loads one server per window, its A/B timing two");
        }
        params = new ParameterGrid(scenario.label(), params).values();
    }

    /** A plan whose parameters are given as alternating name and values: {@code "connections", List.of(1, 16)}. */
    public static ScenarioPlan of(Scenario scenario, Timing timing, Object... namesAndValues) {
        Map<String, List<String>> params = ParameterGrid.of(namesAndValues);
        return new ScenarioPlan(scenario, params, timing,
                timing.inPairs(Math.max(DEFAULT_AB_PAIRS, timing.measurementIterations())));
    }

    /** The same plan with its own A/B timing (windows of the given timing, in pairs). */
    public ScenarioPlan withAbTiming(Timing windows, int pairs) {
        return new ScenarioPlan(scenario, params, timing, windows.inPairs(pairs));
    }

    /** The timing of a plain run, or of an A/B run. */
    public Timing timing(boolean comparesBuilds) {
        return comparesBuilds ? abTiming : timing;
    }

    /** The same plan with other values for one parameter it has; unchanged when it has no such parameter. */
    public ScenarioPlan withValues(String name, List<String> values) {
        return new ScenarioPlan(scenario, new ParameterGrid(scenario.label(), params).withValues(name, values).values(),
                timing, abTiming);
    }

    /** Every combination of the parameters, in plan order (the last parameter varies fastest). */
    public List<Map<String, String>> combinations() {
        return new ParameterGrid(scenario.label(), params).combinations();
    }
}
