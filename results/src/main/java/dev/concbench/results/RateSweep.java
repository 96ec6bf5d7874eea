package dev.concbench.results;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One model × scenario's open-loop rate sweep: latency against offered rate, step by step, and the
 * capacity at the objective found from the steps.
 *
 * @param model      the server model
 * @param side       {@code A} or {@code B} in an A/B run (the two sides' steps alternate), else {@code null}
 * @param family     the model's family as the reports group it
 * @param reference  whether the model answers through other HTTP code than the shared codec
 * @param scenario   the scenario whose request is offered, e.g. {@code hello}
 * @param params     the load's parameters, e.g. {@code connections=64}, {@code ms=1}; sorted by name
 * @param mode       a capacity search or a fixed curve
 * @param objective  what each step was judged by
 * @param resolution the bracket's width the sweep aims at: a search ends when the first failing rate
 *                   is within this share above the last passing one (e.g. {@code 0.05}); a curve's
 *                   rates are this share apart
 * @param steps      every step in the order it ran
 * @param capacity   the bracket and how the sweep ended
 * @param resources  the server's resource use over the sweep, or {@code null} when not sampled
 * @param serverInfo facts the server reported about itself; sorted
 */
public record RateSweep(String model, String side, String family, boolean reference, String scenario,
                        Map<String, String> params, SweepMode mode, Objective objective, double resolution,
                        List<SweepStep> steps, Capacity capacity, ServerResources resources,
                        Map<String, String> serverInfo) {

    public RateSweep {
        Checks.notBlank(model, "sweep model");
        if (side != null && !side.equals(BenchmarkResult.SIDE_A) && !side.equals(BenchmarkResult.SIDE_B)) {
            throw new IllegalArgumentException("sweep side must be \"A\", \"B\" or null, got \"" + side + "\"");
        }
        Checks.notBlank(family, "sweep family");
        Checks.notBlank(scenario, "sweep scenario");
        params = sorted(params);
        Objects.requireNonNull(mode, "sweep mode");
        Objects.requireNonNull(objective, "sweep objective");
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("sweep resolution must be a positive number, got " + resolution);
        }
        steps = List.copyOf(steps);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).index() != i) {
                throw new IllegalArgumentException("sweep steps must be numbered 0, 1, ... in order; step " + i
                        + " has index " + steps.get(i).index());
            }
        }
        Objects.requireNonNull(capacity, "sweep capacity");
        serverInfo = sorted(serverInfo);
    }

    /** What identifies this sweep across runs: model, side, scenario and parameters, e.g. {@code hello pool connections=64}. */
    public String key() {
        return scenario + " " + model + (side == null ? "" : " " + side) + (params.isEmpty() ? "" : " " + params);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        var copy = new TreeMap<String, String>();
        Objects.requireNonNullElse(map, Map.<String, String>of()).forEach((key, value) -> {
            Checks.notBlank(key, "sweep map key");
            copy.put(key, Objects.requireNonNull(value, "sweep map value of " + key));
        });
        return Collections.unmodifiableSortedMap(copy);
    }
}
