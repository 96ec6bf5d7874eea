package dev.concbench.results;

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
 * @param valid             whether the result can be trusted as a measurement of the server
 * @param invalidReasons    why not, one short sentence each; empty when valid
 * @param clientBound       whether the throughput came within reach of the client ceiling
 */
public record BenchmarkResult(String benchmark, String model, String scenario, Map<String, String> params,
                              LoadModel loadModel, double measuredSeconds, Throughput throughput, Latency latency,
                              long requestsCompleted, ErrorCounts errors, Fairness fairness,
                              ClientUsage client, ServerResources resources, Map<String, String> serverInfo, boolean valid,
                              List<String> invalidReasons, boolean clientBound) {

    public BenchmarkResult {
        Checks.notBlank(benchmark, "benchmark");
        Checks.notBlank(model, "model");
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
        invalidReasons = List.copyOf(Objects.requireNonNullElse(invalidReasons, List.of()));
        invalidReasons.forEach(reason -> Checks.notBlank(reason, "invalidReasons entry"));
        if (valid != invalidReasons.isEmpty()) {
            throw new IllegalArgumentException("valid is " + valid + " but invalidReasons has "
                    + invalidReasons.size() + " entries; a result is valid exactly when it has no invalid reason");
        }
        if (clientBound && valid) {
            throw new IllegalArgumentException("a client-bound result must be invalid, with a reason saying so");
        }
        if (loadModel == LoadModel.CLOSED && latency.corrected() != null) {
            throw new IllegalArgumentException("latency corrected must be null for a closed loop");
        }
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
        return BenchmarkKey.of(benchmark, model, scenario, params);
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
