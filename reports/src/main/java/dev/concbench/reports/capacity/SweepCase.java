package dev.concbench.reports.capacity;

import dev.concbench.reports.figures.Scenarios;
import dev.concbench.results.RateSweep;
import java.util.Collections;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a sweep measured, without its side: scenario, model and parameters. The two sides of an A/B
 * run, and the same sweep in two runs, share it.
 *
 * @param scenario the scenario, e.g. {@code hello}
 * @param model    the model
 * @param params   the load's parameters, sorted
 */
public record SweepCase(String scenario, String model, SortedMap<String, String> params)
        implements Comparable<SweepCase> {

    private static final Comparator<SweepCase> ORDER = Comparator
            .comparingInt((SweepCase c) -> Scenarios.rank(c.scenario())).thenComparing(SweepCase::scenario)
            .thenComparing(SweepCase::paramsText).thenComparing(SweepCase::model, Scenarios.MODEL_ORDER);

    public SweepCase {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** The case of a sweep. */
    public static SweepCase of(RateSweep sweep) {
        return new SweepCase(sweep.scenario(), sweep.model(), new TreeMap<>(sweep.params()));
    }

    /** The parameters as {@code name=value} pairs, e.g. {@code connections=64 ms=1}. */
    public String paramsText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** The load offered, scenario and parameters, e.g. {@code hello connections=64}. */
    public String load() {
        return scenario + (params.isEmpty() ? "" : " " + paramsText());
    }

    /** E.g. {@code pool hello connections=64}. */
    public String label() {
        return model + " " + load();
    }

    /** Scenario in the reports' order, then parameters, then model in the story's order. */
    @Override
    public int compareTo(SweepCase other) {
        return ORDER.compare(this, other);
    }
}
