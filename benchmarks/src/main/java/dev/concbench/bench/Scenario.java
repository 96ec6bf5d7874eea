package dev.concbench.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scenarios: one question about the models each, answered by one benchmark class.
 * The label is what users type ({@code -Dbench.scenarios=hello,sleep}) and what result files hold.
 */
public enum Scenario {
    HELLO("hello", HelloBenchmark.class, false, "raw per-request overhead (keep-alive GET /hello)"),
    JSON("json", JsonBenchmark.class, false, "overhead with real serialization (keep-alive GET /json)"),
    SLEEP("sleep", SleepBenchmark.class, false,
            "does a blocking call hold others up? (GET /sleep, the blog's experiment)"),
    SLOW_CLIENT("slow-client", SlowClientBenchmark.class, false, "does a slow client hold others up?"),
    CPU("cpu", CpuBenchmark.class, false, "what concurrency buys when the work is CPU (GET /cpu)"),
    CLOSE("close", CloseBenchmark.class, false, "cost of accepting a connection (Connection: close per request)"),
    LARGE("large", LargeBenchmark.class, false, "behaviour when the send buffer fills (GET /bytes?n=1048576)"),
    LATENCY("latency", LatencyBenchmark.class, true,
            "latency at fixed request rates, coordinated omission corrected");

    private final String label;
    private final Class<? extends ServerBenchmark> benchmarkClass;
    private final boolean openLoop;
    private final String question;

    Scenario(String label, Class<? extends ServerBenchmark> benchmarkClass, boolean openLoop, String question) {
        this.label = label;
        this.benchmarkClass = benchmarkClass;
        this.openLoop = openLoop;
        this.question = question;
    }

    /** The name users type and result files hold, e.g. {@code slow-client}. */
    public String label() {
        return label;
    }

    public Class<? extends ServerBenchmark> benchmarkClass() {
        return benchmarkClass;
    }

    /** The JMH benchmark name, e.g. {@code dev.concbench.bench.HelloBenchmark.loadWindow}. */
    public String benchmarkName() {
        return benchmarkClass.getName() + "." + ServerBenchmark.BENCHMARK_METHOD;
    }

    /** Whether the load is offered at a fixed rate (open loop) rather than by N connections (closed loop). */
    public boolean openLoop() {
        return openLoop;
    }

    public String question() {
        return question;
    }

    /**
     * The scenario with this label.
     *
     * @throws IllegalArgumentException naming the known labels when there is none
     */
    public static Scenario byLabel(String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + label + "'; known scenarios: "
                        + Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "))));
    }
}
