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
 * @param sweeps  every rate sweep, in the order they run (after the benchmarks)
 * @param leftOut models the suite leaves out of this run (see {@link SuitePreset#abLeftOut()}), with the reason
 */
public record SuitePlan(SuitePreset preset, List<String> models, List<BenchmarkCase> cases, List<SweepCase> sweeps,
                        Map<String, String> leftOut) {

    public SuitePlan {
        Objects.requireNonNull(preset, "preset");
        models = List.copyOf(models);
        cases = List.copyOf(cases);
        sweeps = List.copyOf(sweeps);
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
        List<SweepPlan> sweepPlans = preset.sweeps();
        if (!narrowing.scenarios().isEmpty()) {
            List<Scenario> named = new ArrayList<>();
            for (String label : distinct(narrowing.scenarios())) {
                Scenario scenario = Scenario.byLabel(label);
                if (!preset.scenarioLabels().contains(scenario.label())) {
                    throw new IllegalArgumentException("suite " + preset.name() + " does not run scenario '"
                            + scenario.label() + "'; it runs " + String.join(", ", preset.scenarioLabels()));
                }
                named.add(scenario);
            }
            scenarios = named.stream().flatMap(scenario -> preset.scenarios().stream()
                    .filter(plan -> plan.scenario() == scenario)).toList();
            sweepPlans = named.stream().flatMap(scenario -> preset.sweeps().stream()
                    .filter(plan -> plan.scenario() == scenario)).toList();
        }
        if (!narrowing.connections().isEmpty()) {
            List<String> connections = narrowing.connections().stream().distinct().map(String::valueOf).toList();
            scenarios = scenarios.stream().map(plan -> plan.withValues("connections", connections)).toList();
            sweepPlans = sweepPlans.stream().map(plan -> plan.withValues("connections", connections)).toList();
        }
        List<BenchmarkCase> cases = new ArrayList<>();
        for (ScenarioPlan plan : scenarios) {
            for (Map<String, String> params : plan.combinations()) {
                for (String model : models) {
                    cases.add(new BenchmarkCase(plan.scenario(), model, params, plan.timing(comparesBuilds)));
                }
            }
        }
        List<SweepCase> sweeps = new ArrayList<>();
        for (SweepPlan plan : sweepPlans) {
            for (Map<String, String> params : plan.combinations()) {
                for (String model : models) {
                    sweeps.add(new SweepCase(plan, model, params, comparesBuilds ? 2 : 1));
                }
            }
        }
        if (cases.isEmpty() && sweeps.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: no model is registered");
        }
        return new SuitePlan(preset, models, cases, sweeps, leftOut);
    }

    /** The load time of every case together (JVM and server start-up not included). */
    public Duration loadTime() {
        return all().stream().map(SuiteCase::loadTime).reduce(Duration.ZERO, Duration::plus);
    }

    /** The benchmarks, then the sweeps: everything the run does, in order. */
    List<SuiteCase> all() {
        List<SuiteCase> all = new ArrayList<>(cases);
        all.addAll(sweeps);
        return all;
    }

    private static List<String> distinct(List<String> words) {
        Set<String> seen = new LinkedHashSet<>(words);
        return List.copyOf(seen);
    }
}
