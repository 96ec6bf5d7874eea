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

    /**
     * The models in the story's order, family by family: one request at a time; a thread per
     * connection; event loops; event loops with workers; the references that use other HTTP code.
     */
    private static final List<String> MODELS = List.of("iterative", "process", "thread", "virtual", "pool",
            "prefork", "selector", "reactors", "netty", "netty-iouring", "selector-pool", "selector-virtual", "jdk",
            "jdk-pool", "jdk-virtual");

    /** What each family does with a blocking call in the handler, for the blog's experiment. */
    private static final Map<String, String> BLOCKING_CALL = new java.util.LinkedHashMap<>();

    static {
        BLOCKING_CALL.put("one request at a time", "iterative holds every other client up behind a blocking call "
                + "(about one answer per second of sleep); process overlaps the calls, a process per request, "
                + "each paying a JVM's start");
        BLOCKING_CALL.put("a thread per connection", "a blocked thread holds up only its own connection: every "
                + "connection gets its answers, as long as there are threads (prefork: worker processes) for them");
        BLOCKING_CALL.put("event loops", "the handler runs on the loop, so a blocking call stops every connection "
                + "of that loop: about one answer per second of sleep per loop");
        BLOCKING_CALL.put("event loops with workers", "the loop hands the request to a worker, so only that "
                + "request waits: like a thread per connection, within the workers' bound");
        BLOCKING_CALL.put("references", "the JDK's own server behaves as its executor makes it: the dispatcher "
                + "thread alone is an event loop, a pool or a virtual thread per exchange are workers");
    }

    private Scenarios() {
    }

    /**
     * The model families in the story's order, each with what it does with a blocking call; the
     * labels are those result files record in {@code results[].family}.
     */
    public static Map<String, String> blockingCallByFamily() {
        return java.util.Collections.unmodifiableMap(BLOCKING_CALL);
    }

    /** The question a scenario answers, or an empty string for a scenario this code does not know. */
    public static String question(String scenario) {
        return QUESTIONS.getOrDefault(scenario, "");
    }

    /** A scenario's place in the reports' order; unknown scenarios after the known ones. */
    public static int rank(String scenario) {
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
