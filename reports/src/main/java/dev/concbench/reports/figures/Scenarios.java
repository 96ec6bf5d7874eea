package dev.concbench.reports.figures;

import java.util.List;
import java.util.Map;

/** What each known scenario asks, and the order reports present scenarios and models in. */
public final class Scenarios {

    private static final List<String> ORDER = List.of("hello", "json", "sleep", "slow-client", "cpu", "close", "large");

    private static final Map<String, String> QUESTIONS = Map.of(
            "hello", "keep-alive GET /hello: raw per-request overhead",
            "json", "keep-alive GET /json: overhead with real serialisation",
            "sleep", "GET /sleep?ms=N: does a blocking call hold others up?",
            "slow-client", "request sent in pieces: does one slow client hold others up?",
            "cpu", "GET /cpu?us=N: what concurrency buys when the work is CPU",
            "close", "Connection: close per request: the cost of accepting a connection",
            "large", "GET /bytes?n=1048576: behaviour when the send buffer fills");

    private static final List<String> MODELS =
            List.of("iterative", "process", "prefork", "thread", "pool", "virtual", "selector", "reactors", "netty");

    private Scenarios() {
    }

    /** The question a scenario answers, or an empty string for a scenario this code does not know. */
    public static String question(String scenario) {
        return QUESTIONS.getOrDefault(scenario, "");
    }

    static int rank(String scenario) {
        int index = ORDER.indexOf(scenario);
        return index < 0 ? ORDER.size() : index;
    }

    /** Models in the order of the story: simplest first, the reference (netty) last; unknown models after. */
    public static int modelRank(String model) {
        int index = MODELS.indexOf(model);
        return index < 0 ? MODELS.size() : index;
    }

    /** Orders model names by {@link #modelRank}, then by name. */
    public static final java.util.Comparator<String> MODEL_ORDER =
            java.util.Comparator.comparingInt(Scenarios::modelRank).thenComparing(java.util.Comparator.naturalOrder());

    /** Orders benchmarks as reports list them: scenario, then model in the story's order, then the rest of the key. */
    public static final java.util.Comparator<dev.concbench.results.BenchmarkKey> KEY_ORDER = java.util.Comparator
            .comparingInt((dev.concbench.results.BenchmarkKey k) -> rank(k.scenario()))
            .thenComparing(dev.concbench.results.BenchmarkKey::scenario)
            .thenComparing(dev.concbench.results.BenchmarkKey::model, MODEL_ORDER)
            .thenComparing(java.util.Comparator.naturalOrder());
}
