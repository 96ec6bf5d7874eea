package dev.concbench.bench.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's parameters in a suite: each name with its values, in order; the cross product is
 * what runs. {@code model} is never among them: the suite chooses the models.
 *
 * @param scenario the scenario's label, for messages
 * @param values   parameter name to its values, in order
 */
record ParameterGrid(String scenario, Map<String, List<String>> values) {

    ParameterGrid {
        var copy = new LinkedHashMap<String, List<String>>();
        values.forEach((name, list) -> {
            if (name.equals("model")) {
                throw new IllegalArgumentException("the model is chosen by the suite, not by a scenario's parameters");
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("parameter " + name + " of " + scenario + " has no value");
            }
            copy.put(name, List.copyOf(list));
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** The parameters given as alternating name and values: {@code "connections", List.of(1, 16)}. */
    static Map<String, List<String>> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, values pairs");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            List<?> list = (List<?>) namesAndValues[i + 1];
            params.put((String) namesAndValues[i], list.stream().map(String::valueOf).toList());
        }
        return params;
    }

    /** The same grid with other values for one parameter it has; unchanged when it has no such parameter. */
    ParameterGrid withValues(String name, List<String> newValues) {
        if (!values.containsKey(name)) {
            return this;
        }
        var changed = new LinkedHashMap<>(values);
        changed.put(name, newValues);
        return new ParameterGrid(scenario, changed);
    }

    /** Every combination of the parameters, in order (the last parameter varies fastest). */
    List<Map<String, String>> combinations() {
        List<Map<String, String>> combinations = List.of(Map.of());
        for (var entry : values.entrySet()) {
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
