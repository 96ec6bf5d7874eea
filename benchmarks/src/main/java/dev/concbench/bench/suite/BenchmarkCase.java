package dev.concbench.bench.suite;

import dev.concbench.bench.Scenario;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One benchmark of a suite: a scenario against one model with one set of parameters.
 *
 * @param scenario the scenario
 * @param model    the server model
 * @param params   the scenario's parameters (never {@code model}), in plan order
 * @param timing   JMH's iteration settings
 */
public record BenchmarkCase(Scenario scenario, String model, Map<String, String> params, Timing timing)
        implements SuiteCase {

    public BenchmarkCase {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(timing, "timing");
    }

    /** Every JMH parameter: {@code model} and the scenario's. */
    public Map<String, String> jmhParams() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("model", model);
        all.putAll(params);
        return all;
    }

    @Override
    public String describe() {
        return scenario.label() + " model=" + model + (params.isEmpty() ? "" : " " + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
    }

    @Override
    public Duration loadTime() {
        return timing.loadTime();
    }

    @Override
    public String toString() {
        return describe();
    }
}
