package dev.concbench.bench.suite;

import dev.concbench.bench.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 */
public record ScenarioPlan(Scenario scenario, Map<String, List<String>> params, Timing timing) {

    public ScenarioPlan {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(timing, "timing");
        var copy = new LinkedHashMap<String, List<String>>();
        params.forEach((name, values) -> {
            if (name.equals("model")) {
                throw new IllegalArgumentException("the model is chosen by the suite, not by a scenario's parameters");
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("parameter " + name + " of " + scenario.label() + " has no value");
            }
            copy.put(name, List.copyOf(values));
        });
        params = Collections.unmodifiableMap(copy);
    }

    /** A plan whose parameters are given as alternating name and values: {@code "connections", List.of(1, 16)}. */
    public static ScenarioPlan of(Scenario scenario, Timing timing, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, values pairs");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            List<?> values = (List<?>) namesAndValues[i + 1];
            params.put((String) namesAndValues[i], values.stream().map(String::valueOf).toList());
        }
        return new ScenarioPlan(scenario, params, timing);
    }

    /** The same plan with other values for one parameter it has; unchanged when it has no such parameter. */
    public ScenarioPlan withValues(String name, List<String> values) {
        if (!params.containsKey(name)) {
            return this;
        }
        var changed = new LinkedHashMap<>(params);
        changed.put(name, values);
        return new ScenarioPlan(scenario, changed, timing);
    }

    /** Every combination of the parameters, in plan order (the last parameter varies fastest). */
    public List<Map<String, String>> combinations() {
        List<Map<String, String>> combinations = List.of(Map.of());
        for (var entry : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : entry.getValue()) {
                    Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(entry.getKey(), value);
                    next.add(Collections.unmodifiableMap(combination));
                }
            }
            combinations = next;
        }
        return combinations;
    }
}
