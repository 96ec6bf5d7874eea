package dev.concbench.reports.figures;

import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's results arranged for presentation: by {@link ScenarioGroup}, then by model (in the
 * story's order), each model's results by ascending connections. Invalid results are kept.
 *
 * @param run    the run
 * @param groups group → model → results by connections
 */
public record RunFigures(RunResult run, SortedMap<ScenarioGroup, SortedMap<String, List<BenchmarkResult>>> groups) {

    /** The blog's experiment: a 1 s blocking call with 10 connections, counted over 10 s. */
    public static final Map<String, String> BLOG_PARAMS = Map.of("ms", "1000");
    /** Connections in the blog's experiment (wrk's default). */
    public static final int BLOG_CONNECTIONS = 10;

    private static final Comparator<BenchmarkResult> BY_CONNECTIONS = Comparator
            .comparingInt((BenchmarkResult r) -> r.connections().orElse(Integer.MAX_VALUE))
            .thenComparing(BenchmarkResult::key);

    public static RunFigures of(RunResult run) {
        var groups = new TreeMap<ScenarioGroup, SortedMap<String, List<BenchmarkResult>>>();
        for (BenchmarkResult result : run.results()) {
            groups.computeIfAbsent(ScenarioGroup.of(result), g -> new TreeMap<>(Scenarios.MODEL_ORDER))
                    .computeIfAbsent(result.model(), m -> new ArrayList<>())
                    .add(result);
        }
        groups.values().forEach(models -> models.replaceAll((model, results) ->
                results.stream().sorted(BY_CONNECTIONS).toList()));
        return new RunFigures(run, groups);
    }

    /** Every model in the run, in the story's order. */
    public List<String> models() {
        return run.results().stream().map(BenchmarkResult::model).distinct().sorted(Scenarios.MODEL_ORDER).toList();
    }

    /** The highest-throughput result of a model in a group, flagged or not. */
    public Optional<BenchmarkResult> best(ScenarioGroup group, String model) {
        return groups.getOrDefault(group, new TreeMap<>()).getOrDefault(model, List.of()).stream()
                .max(Comparator.comparingDouble(r -> r.throughput().score()));
    }

    /** Results that are invalid (client-bound ones included), in presentation order. */
    public List<BenchmarkResult> flagged() {
        return inOrder().filter(r -> !r.valid()).toList();
    }

    /** Results whose server could not take the load (a finding, valid or not), in presentation order. */
    public List<BenchmarkResult> overloaded() {
        return inOrder().filter(r -> r.overload() != null).toList();
    }

    private java.util.stream.Stream<BenchmarkResult> inOrder() {
        return groups.values().stream().flatMap(models -> models.values().stream()).flatMap(List::stream);
    }

    /** The blog's experiment, one result per model (scenario sleep, ms=1000, 10 connections); may be empty. */
    public List<BenchmarkResult> blogExperiment() {
        return groups.entrySet().stream()
                .filter(e -> e.getKey().is("sleep", BLOG_PARAMS))
                .flatMap(e -> e.getValue().values().stream())
                .flatMap(List::stream)
                .filter(r -> r.connections().orElse(-1) == BLOG_CONNECTIONS)
                .sorted(Comparator.comparing(BenchmarkResult::model, Scenarios.MODEL_ORDER))
                .toList();
    }
}
