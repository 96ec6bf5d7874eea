package dev.concbench.reports.figures;

import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.LoadModel;

import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Results that differ only in the number of connections: one line per model in a chart
 * against connections, one column in a headline table. Identified by scenario, benchmark,
 * load model and every parameter except {@code connections}.
 *
 * @param scenario    the scenario, e.g. {@code sleep}
 * @param benchmark   the JMH benchmark method
 * @param loadModel   closed or open loop
 * @param otherParams parameters besides {@code connections}, sorted
 */
public record ScenarioGroup(String scenario, String benchmark, LoadModel loadModel,
                            SortedMap<String, String> otherParams) implements Comparable<ScenarioGroup> {

    /** The parameter that varies within a group. */
    public static final String CONNECTIONS = "connections";

    private static final Comparator<ScenarioGroup> ORDER = Comparator
            .comparing((ScenarioGroup g) -> Scenarios.rank(g.scenario()))
            .thenComparing(ScenarioGroup::scenario)
            .thenComparing(ScenarioGroup::loadModel)
            .thenComparing(ScenarioGroup::benchmark)
            .thenComparing(g -> g.otherParams().toString());

    public ScenarioGroup {
        otherParams = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(otherParams));
    }

    /** The group a result belongs to. */
    public static ScenarioGroup of(BenchmarkResult result) {
        var other = new TreeMap<>(result.params());
        other.remove(CONNECTIONS);
        return new ScenarioGroup(result.scenario(), result.benchmark(), result.loadModel(), other);
    }

    /** A short title, e.g. {@code sleep ms=1000} or {@code hello rate=40000 (open loop)}. */
    public String label() {
        String params = otherParams.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return scenario + (params.isEmpty() ? "" : " " + params)
                + (loadModel == LoadModel.OPEN ? " (open loop)" : "");
    }

    /** A fragment identifier safe in HTML ids. */
    public String anchor() {
        return (scenario + "-" + loadModel.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + otherParams.entrySet().stream().map(e -> e.getKey() + e.getValue())
                .collect(Collectors.joining("-"))).replaceAll("[^A-Za-z0-9_-]", "_").replaceAll("-+$", "");
    }

    /** Whether this is the given scenario with exactly the given other parameters. */
    public boolean is(String scenario, Map<String, String> otherParams) {
        return this.scenario.equals(scenario) && this.otherParams.equals(new TreeMap<>(otherParams));
    }

    @Override
    public int compareTo(ScenarioGroup other) {
        return ORDER.compare(this, other);
    }
}
