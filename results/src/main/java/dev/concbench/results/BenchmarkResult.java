package dev.concbench.results;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One model × scenario × parameter combination of a run.
 *
 * <p>{@code valid} is true exactly when {@code invalidReasons} is empty; a client-bound result is
 * always invalid (one of its reasons says so). Invalid results are kept and shown, never dropped.
 *
 * @param benchmark         the JMH benchmark method, e.g. {@code dev.concbench.benchmarks.HelloBenchmark.closedLoop}
 * @param model             the server model, e.g. {@code virtual}
 * @param side              in an A/B run, {@code A} (the baseline build's server) or {@code B} (the
 *                          working tree's); {@code null} in a plain run
 * @param family            the model's family as the reports group it, e.g. {@code event loops};
 *                          {@code null} in files of schema 1–2
 * @param reference         whether the model answers through other HTTP code than the shared codec
 *                          (netty's, the JDK's): a yardstick, shown as such
 * @param scenario          the scenario, e.g. {@code hello}
 * @param params            the benchmark parameters, e.g. {@code connections=64}, {@code ms=1000};
 *                          kept sorted by name
 * @param loadModel         closed or open loop
 * @param measuredSeconds   wall-clock length of the measurement iterations, all forks together, seconds;
 *                          the window of {@code requestsCompleted}, {@code errors} and {@code fairness}
 * @param throughput        JMH's throughput with its error
 * @param latency           latency percentiles
 * @param requestsCompleted requests that completed and passed the checks during {@code measuredSeconds}
 * @param errors            failed requests by kind during {@code measuredSeconds}
 * @param fairness          how evenly connections were served
 * @param client            the load client's transport, event loops and CPU time during the measurement,
 *                          or {@code null} when nothing was measured (and in files read from schema 1)
 * @param resources         the server's resource use, or {@code null} when it was not sampled
 *                          (server in-process, or no {@code /proc})
 * @param serverInfo        facts the server reported about itself, e.g. {@code transport=epoll}; sorted
 * @param windows           every measured window in order, for judging pairs and noise; empty in
 *                          files of schema 1–2
 * @param extras            figures particular to the scenario, summed over the measurement, e.g. the
 *                          slow clients' own {@code slowResponses} and {@code slowErrors}; sorted
 * @param valid             whether the result can be trusted as a measurement of the server
 * @param invalidReasons    why not, one short sentence each; empty when valid
 * @param clientBound       whether the throughput came within reach of the client ceiling
 * @param overload          a finding, not a fault of the measurement: the server could not take the
 *                          load (requests timed out, connections refused or reset, or nothing
 *                          answered), one sentence; {@code null} when it took it. Files of schema 1–3
 *                          counted these as invalid and read as {@code null}
 */
public record BenchmarkResult(String benchmark, String model, String side, String family, boolean reference,
                              String scenario, Map<String, String> params,
                              LoadModel loadModel, double measuredSeconds, Throughput throughput, Latency latency,
                              long requestsCompleted, ErrorCounts errors, Fairness fairness,
                              ClientUsage client, ServerResources resources, Map<String, String> serverInfo,
                              List<MeasuredWindow> windows, Map<String, Double> extras, boolean valid,
                              List<String> invalidReasons, boolean clientBound, String overload) {

    /** The baseline's side of an A/B run. */
    public static final String SIDE_A = "A";
    /** The candidate's (the working tree's) side of an A/B run. */
    public static final String SIDE_B = "B";

    public BenchmarkResult {
        Checks.notBlank(benchmark, "benchmark");
        Checks.notBlank(model, "model");
        if (side != null && !side.equals(SIDE_A) && !side.equals(SIDE_B)) {
            throw new IllegalArgumentException("side must be \"A\", \"B\" or null, got \"" + side + "\"");
        }
        if (family != null) {
            Checks.notBlank(family, "family");
        }
        Checks.notBlank(scenario, "scenario");
        params = sortedCopy(params, "params");
        Objects.requireNonNull(loadModel, "loadModel");
        Checks.notNegative(measuredSeconds, "measuredSeconds");
        Objects.requireNonNull(throughput, "throughput");
        Objects.requireNonNull(latency, "latency");
        Checks.notNegative(requestsCompleted, "requestsCompleted");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(fairness, "fairness");
        serverInfo = sortedCopy(serverInfo, "serverInfo");
        windows = List.copyOf(Objects.requireNonNullElse(windows, List.of()));
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).index() != i) {
                throw new IllegalArgumentException("windows must be numbered 0, 1, ... in order; window " + i
                        + " has index " + windows.get(i).index());
            }
        }
        var sortedExtras = new TreeMap<String, Double>();
        Objects.requireNonNullElse(extras, Map.<String, Double>of()).forEach((name, value) -> {
            Checks.notBlank(name, "extras key");
            sortedExtras.put(name, Checks.notNegative(Objects.requireNonNull(value, "extras value of " + name),
                    "extras " + name));
        });
        extras = Collections.unmodifiableSortedMap(sortedExtras);
        invalidReasons = List.copyOf(Objects.requireNonNullElse(invalidReasons, List.of()));
        invalidReasons.forEach(reason -> Checks.notBlank(reason, "invalidReasons entry"));
        if (valid != invalidReasons.isEmpty()) {
            throw new IllegalArgumentException("valid is " + valid + " but invalidReasons has "
                    + invalidReasons.size() + " entries; a result is valid exactly when it has no invalid reason");
        }
        if (clientBound && valid) {
            throw new IllegalArgumentException("a client-bound result must be invalid, with a reason saying so");
        }
        if (overload != null) {
            Checks.notBlank(overload, "overload");
        }
        if (loadModel == LoadModel.CLOSED && latency.corrected() != null) {
            throw new IllegalArgumentException("latency corrected must be null for a closed loop");
        }
    }

    /** This result as the other side of an A/B run would be keyed: the same case, the given side. */
    public BenchmarkKey keyOnSide(String otherSide) {
        return BenchmarkKey.of(benchmark, model, otherSide, scenario, params);
    }

    private static Map<String, String> sortedCopy(Map<String, String> map, String name) {
        var sorted = new TreeMap<String, String>();
        Objects.requireNonNullElse(map, Map.<String, String>of()).forEach((key, value) -> {
            Checks.notBlank(key, name + " key");
            sorted.put(key, Objects.requireNonNull(value, name + " value of " + key));
        });
        return java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /** What identifies this result across runs. */
    public BenchmarkKey key() {
        return BenchmarkKey.of(benchmark, model, side, scenario, params);
    }

    /** The {@code connections} parameter, when there is one and it is a number. */
    public OptionalInt connections() {
        String value = params.get("connections");
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }
}
