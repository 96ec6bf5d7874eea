package dev.concbench.bench.suite;

import dev.concbench.bench.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmarks one run will execute, in order: the preset's scenarios, each parameter
 * combination, each model.
 *
 * @param preset the suite
 * @param models  the models that run, in registry order
 * @param cases   every benchmark, in the order they run
 * @param leftOut models the suite leaves out of this run (see {@link SuitePreset#abLeftOut()}), with the reason
 */
public record SuitePlan(SuitePreset preset, List<String> models, List<BenchmarkCase> cases,
                        Map<String, String> leftOut) {

    public SuitePlan {
        Objects.requireNonNull(preset, "preset");
        models = List.copyOf(models);
        cases = List.copyOf(cases);
        leftOut = Map.copyOf(leftOut);
    }

    /**
     * The preset narrowed for the models the registry knows.
     *
     * @throws IllegalArgumentException with a one-line message for an unknown model or scenario, a
     *                                  scenario the suite does not run, or nothing left to run
     */
    public static SuitePlan of(SuitePreset preset, Narrowing narrowing, List<String> registeredModels) {
        return of(preset, narrowing, registeredModels, false);
    }

    /**
     * The same, for an A/B run when {@code comparesBuilds}: each case with its scenario's A/B timing,
     * and without the models the suite leaves out of an A/B run unless the narrowing names them.
     */
    public static SuitePlan of(SuitePreset preset, Narrowing narrowing, List<String> registeredModels,
                               boolean comparesBuilds) {
        Map<String, String> leftOut = new TreeMap<>();
        if (comparesBuilds && narrowing.models().isEmpty()) {
            preset.abLeftOut().forEach((model, reason) -> {
                if (registeredModels.contains(model)) {
                    leftOut.put(model, reason);
                }
            });
        }
        List<String> models = narrowing.models().isEmpty()
                ? registeredModels.stream().filter(model -> !leftOut.containsKey(model)).toList()
                : distinct(narrowing.models());
        for (String model : models) {
            if (!registeredModels.contains(model)) {
                throw new IllegalArgumentException("unknown model '" + model + "'; known models: "
                        + String.join(", ", registeredModels));
            }
        }
        List<ScenarioPlan> scenarios = preset.scenarios();
        if (!narrowing.scenarios().isEmpty()) {
            List<ScenarioPlan> chosen = new ArrayList<>();
            for (String label : distinct(narrowing.scenarios())) {
                Scenario scenario = Scenario.byLabel(label);
                chosen.add(scenarios.stream().filter(plan -> plan.scenario() == scenario).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("suite " + preset.name()
                                + " does not run scenario '" + scenario.label() + "'; it runs "
                                + String.join(", ", preset.scenarioLabels()))));
            }
            scenarios = chosen;
        }
        if (!narrowing.connections().isEmpty()) {
            List<String> connections = narrowing.connections().stream().distinct().map(String::valueOf).toList();
            scenarios = scenarios.stream().map(plan -> plan.withValues("connections", connections)).toList();
        }
        List<BenchmarkCase> cases = new ArrayList<>();
        for (ScenarioPlan plan : scenarios) {
            for (Map<String, String> params : plan.combinations()) {
                for (String model : models) {
                    cases.add(new BenchmarkCase(plan.scenario(), model, params, plan.timing(comparesBuilds)));
                }
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: no model is registered");
        }
        return new SuitePlan(preset, models, cases, leftOut);
    }

    /** The load time of every case together (JVM and server start-up not included). */
    public Duration loadTime() {
        return cases.stream().map(c -> c.timing().loadTime()).reduce(Duration.ZERO, Duration::plus);
    }

    private static List<String> distinct(List<String> words) {
        Set<String> seen = new LinkedHashSet<>(words);
        return List.copyOf(seen);
    }
}
