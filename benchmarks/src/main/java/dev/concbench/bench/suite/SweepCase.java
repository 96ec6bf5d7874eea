package dev.concbench.bench.suite;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One rate sweep of a suite: a sweep plan against one model with one set of parameters.
 *
 * @param plan   the scenario's sweep plan
 * @param model  the server model
 * @param params the scenario's parameters, in plan order
 * @param sides  servers swept: 1, or 2 in an A/B run (their steps alternate)
 */
public record SweepCase(SweepPlan plan, String model, Map<String, String> params, int sides) implements SuiteCase {

    public SweepCase {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(model, "model");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        if (sides != 1 && sides != 2) {
            throw new IllegalArgumentException("a sweep runs on one server or two, not " + sides);
        }
    }

    /** E.g. {@code capacity hello model=pool connections=64 (p99<10ms)}. */
    @Override
    public String describe() {
        return (plan.mode() == dev.concbench.results.SweepMode.SEARCH ? "capacity " : "curve ")
                + plan.scenario().label() + " model=" + model
                + params.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining())
                + " (" + plan.objective().label() + ")";
    }

    @Override
    public Duration loadTime() {
        return plan.loadTime().multipliedBy(sides);
    }

    @Override
    public String toString() {
        return describe();
    }
}
