package dev.concbench.results;

import java.util.Comparator;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What identifies one benchmark result across runs: the same benchmark, model, scenario and
 * parameters measure the same thing. Unique within a run. Orders by scenario, then model, then
 * benchmark, then parameters (numeric values compared as numbers).
 */
public record BenchmarkKey(String benchmark, String model, String side, String scenario,
                           SortedMap<String, String> params)
        implements Comparable<BenchmarkKey> {

    public BenchmarkKey {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scenario, "scenario");
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** The key of a plain run's result (no A/B side). */
    public static BenchmarkKey of(String benchmark, String model, String scenario, Map<String, String> params) {
        return of(benchmark, model, null, scenario, params);
    }

    /** The key of a result on one side of an A/B run ({@code side} null in a plain run). */
    public static BenchmarkKey of(String benchmark, String model, String side, String scenario,
                                  Map<String, String> params) {
        return new BenchmarkKey(benchmark, model, side, scenario, new TreeMap<>(params));
    }

    /** The same case without its side: what a side's result is matched on across runs. */
    public BenchmarkKey withoutSide() {
        return side == null ? this : new BenchmarkKey(benchmark, model, null, scenario, params);
    }

    /** The parameters as {@code name=value} pairs separated by spaces, e.g. {@code connections=64 ms=1000}. */
    public String paramsText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    @Override
    public int compareTo(BenchmarkKey other) {
        int c = scenario.compareTo(other.scenario);
        if (c == 0) c = model.compareTo(other.model);
        if (c == 0) c = benchmark.compareTo(other.benchmark);
        if (c == 0) c = compareParams(params, other.params);
        if (c == 0) c = Comparator.nullsFirst(String::compareTo).compare(side, other.side);
        return c;
    }

    private static int compareParams(SortedMap<String, String> a, SortedMap<String, String> b) {
        var left = a.entrySet().iterator();
        var right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            var l = left.next();
            var r = right.next();
            int c = l.getKey().compareTo(r.getKey());
            if (c == 0) c = compareValues(l.getValue(), r.getValue());
            if (c != 0) return c;
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b);
        }
    }

    @Override
    public String toString() {
        return model + " " + scenario + (params.isEmpty() ? "" : " " + paramsText())
                + (side == null ? "" : " side " + side) + " (" + benchmark + ")";
    }
}
