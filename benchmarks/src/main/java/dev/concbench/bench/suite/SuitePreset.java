package dev.concbench.bench.suite;

import dev.concbench.bench.HarnessSettings;
import dev.concbench.bench.Scenario;
import dev.concbench.client.capacity.CapacitySearch;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.Objective;
import dev.concbench.results.Suite;
import dev.concbench.results.SweepMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named suite: which scenarios run with which parameters and timing, how the client ceiling is
 * measured, and the server JVM's flags. Every model the registry knows runs every scenario of
 * the suite. All of the suites' numbers live here.
 *
 * @param suite              the suite's name, as result files record it
 * @param scenarios          the scenarios, in the order they run
 * @param sweeps             the open-loop rate sweeps, run after the scenarios, in order
 * @param ceilingConnections connections of the client-ceiling measurement (hello, fastest model)
 * @param ceilingTiming      timing of the client-ceiling measurement
 * @param serverJvmFlags     the server JVM's flags, the same for every benchmark of the suite
 * @param abLeftOut          models an A/B run of the suite leaves out unless named, with the reason
 *                           (recorded with the run's unavailable models)
 */
public record SuitePreset(Suite suite, List<ScenarioPlan> scenarios, List<SweepPlan> sweeps, int ceilingConnections,
                          Timing ceilingTiming, List<String> serverJvmFlags, Map<String, String> abLeftOut) {

    /** One step of a sweep: see {@link #capacity}. */
    private static final SweepRunner.Pace STEP_PACE = new SweepRunner.Pace(SweepRunner.Pace.DEFAULT_WARM_UP, Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(2), 200, Duration.ofMillis(500));

    /**
     * CI: every model, hello at one connection level and a short sleep that still shows the blog's
     * lesson (100 ms sleeps, 10 connections, 2 s: about 200 responses where requests overlap,
     * about 20 where they queue). One fork and one measured window per benchmark (1 s for hello,
     * 2 s for sleep), each preceded by a second of lead-in on its own connections: that brings a
     * model that starts a JVM per connection ({@code process}, about half a second per answer at 8
     * connections on two idle cores) to its steady state, so that its window counts its real, small
     * rate rather than its cold start. Hello and the client ceiling also get one 5 s warm-up
     * iteration, most of what a freshly started {@code netty} server needs to reach its pace (see
     * {@link #quickWarm()}): with 2 s the ceiling, measured against netty, came out at 8,327/s and
     * netty's hello at 14,718/s where pool's was 48,191/s. Sleep needs no warm-up: its time is the sleep.
     * In such a window the client counts thousands of responses from the fast models and still ten
     * to twenty from the slowest; one window gives no JMH error bar, which two or three such short
     * windows would not give usefully either. Hello runs at 8 connections, where {@code process}
     * answers within the client's 2 s request timeout on two cores unless other work crowds them
     * (then its timeouts make the result invalid, with the reason); at 64 it starts 64 JVMs at
     * once and answers none in time. About ten seconds per model and scenario, JVM starts
     * included.
     *
     * <p>In an A/B run every window is measured on both servers, so the windows are shorter and
     * more: hello warms in two pairs of 1.5 s windows (3 s per server; after 2.5 s the first three
     * measured windows still ran 10–80 % above the rest in CPU per request on the server's one
     * core, but the two servers warm in alternation, so a pair's two windows share what is left), then 22
     * pairs of 0.2 s windows, each after 0.1 s of lead-in: a pair's spread did not grow from 0.4 s
     * to 0.3 s windows, so more, shorter pairs narrow the interval (a 10 % rise in one model's CPU
     * per request was flagged in 9 of 10 runs; with 16 pairs of 0.3 s, 8 of 10); sleep 5 pairs of 0.5 s
     * windows (about 50 or 5 responses each; five is the fewest the verdict judges) after a quarter
     * second of lead-in, a window that follows one on the same server waiting a second for the
     * queue a one-at-a-time model still owes. {@code process} is left out of an A/B run unless
     * named: with a JVM start per request on the server's one core it answered nothing in such
     * windows (in every window of a fifteen-model run), so it was never judged, and cost 40 s.
     */
    public static final SuitePreset SMOKE = new SuitePreset(Suite.SMOKE, List.of(
            ScenarioPlan.of(Scenario.HELLO, Timing.of(1, 1, 5, 1, 1).withLeadIn(1), "connections", List.of(8))
                    .withAbTiming(Timing.of(1, 2, 1.5, 1, 0.2).withLeadIn(0.1), 22),
            ScenarioPlan.of(Scenario.SLEEP, Timing.of(1, 0, 1, 1, 2).withLeadIn(1), "connections", List.of(10),
                    "ms", List.of(100))
                    .withAbTiming(Timing.of(1, 0, 1, 1, 0.5).withLeadIn(0.25), 5)),
            List.of(), 64, Timing.of(1, 1, 5, 1, 1).withLeadIn(0.5), HarnessSettings.DEFAULT_SERVER_JVM_FLAGS,
            Map.of("process", "a JVM start per request answers nothing in the smoke suite's short A/B windows"
                    + " on the server's one core (name it with -Dbench.models to run it all the same)"));

    /**
     * The default, within 20 minutes for fifteen models on two cores: the closed-loop hello at 64
     * connections, the blog's experiment (/sleep?ms=1000, 10 connections, for 5 s rather than the
     * blog's 10: about 50 responses where requests overlap and 5 where they queue, the same
     * lesson), one short level of the slow-client, cpu, close and large scenarios, and the capacity
     * at p99 under 10 ms for hello and for a 1 ms blocking call, 64 connections each (see
     * {@link #capacity}). Traded for that budget, and left to the full suite: hello at 1, 16 and 256
     * connections, json, and the open loop at fixed rates (the capacity search replaces it); the
     * short scenarios warm up one window and measure two, so their JMH error bars are wide.
     */
    public static final SuitePreset QUICK = new SuitePreset(Suite.QUICK, List.of(
            ScenarioPlan.of(Scenario.HELLO, quickWarm(), "connections", List.of(64)),
            ScenarioPlan.of(Scenario.SLEEP, Timing.of(1, 0, 1, 1, 5), "connections", List.of(10), "ms", List.of(1000)),
            ScenarioPlan.of(Scenario.SLOW_CLIENT, quick(), "connections", List.of(16), "slowClients", List.of(1),
                    "pieces", List.of(5), "gapMs", List.of(100)),
            ScenarioPlan.of(Scenario.CPU, quick(), "connections", List.of(16), "us", List.of(1000)),
            ScenarioPlan.of(Scenario.CLOSE, quick(), "connections", List.of(16)),
            ScenarioPlan.of(Scenario.LARGE, quick(), "connections", List.of(16), "bytes", List.of(1_048_576))),
            List.of(capacity(Scenario.HELLO, "connections", List.of(64)),
                    capacity(Scenario.SLEEP, "connections", List.of(64), "ms", List.of(1))),
            64, quickWarm(), HarnessSettings.DEFAULT_SERVER_JVM_FLAGS, Map.of());

    /** The whole matrix, up to 1,024 connections, latency at several rates, two forks each. */
    public static final SuitePreset FULL = new SuitePreset(Suite.FULL, List.of(
            ScenarioPlan.of(Scenario.HELLO, full(), "connections", List.of(1, 16, 64, 256, 1024)),
            ScenarioPlan.of(Scenario.SLEEP, Timing.of(2, 0, 1, 1, 10), "connections", List.of(10, 100),
                    "ms", List.of(1000)),
            ScenarioPlan.of(Scenario.JSON, full(), "connections", List.of(16, 256, 1024)),
            ScenarioPlan.of(Scenario.SLOW_CLIENT, full(), "connections", List.of(16), "slowClients", List.of(1, 16),
                    "pieces", List.of(5), "gapMs", List.of(100)),
            ScenarioPlan.of(Scenario.CPU, full(), "connections", List.of(16, 64), "us", List.of(100, 1000)),
            ScenarioPlan.of(Scenario.CLOSE, full(), "connections", List.of(16, 64, 256)),
            ScenarioPlan.of(Scenario.LARGE, full(), "connections", List.of(16, 64), "bytes", List.of(1_048_576)),
            ScenarioPlan.of(Scenario.LATENCY, full(), "connections", List.of(64),
                    "rate", List.of(1000, 5000, 20_000))),
            List.of(curve(Scenario.HELLO, "connections", List.of(64)), curve(Scenario.JSON, "connections", List.of(64)),
                    curve(Scenario.SLEEP, "connections", List.of(64), "ms", List.of(1))),
            64, full(), HarnessSettings.DEFAULT_SERVER_JVM_FLAGS, Map.of());

    public SuitePreset {
        Objects.requireNonNull(suite, "suite");
        scenarios = List.copyOf(scenarios);
        if (scenarios.stream().map(ScenarioPlan::scenario).distinct().count() != scenarios.size()) {
            throw new IllegalArgumentException("a suite lists each scenario once");
        }
        if (ceilingConnections < 1) {
            throw new IllegalArgumentException("ceilingConnections must be at least 1, was " + ceilingConnections);
        }
        sweeps = List.copyOf(sweeps);
        if (sweeps.stream().map(SweepPlan::scenario).distinct().count() != sweeps.size()) {
            throw new IllegalArgumentException("a suite sweeps each scenario once");
        }
        Objects.requireNonNull(ceilingTiming, "ceilingTiming");
        serverJvmFlags = List.copyOf(serverJvmFlags);
        abLeftOut = Map.copyOf(abLeftOut);
    }

    /** The suite's name, e.g. {@code quick}. */
    public String name() {
        return suite.label();
    }

    /** Every preset, in order of size. */
    public static List<SuitePreset> all() {
        return List.of(SMOKE, QUICK, FULL);
    }

    /**
     * The preset with this name.
     *
     * @throws IllegalArgumentException naming the known suites when there is none
     */
    public static SuitePreset byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return all().stream().filter(preset -> preset.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown suite '" + name + "'; known suites: "
                        + all().stream().map(SuitePreset::name).collect(Collectors.joining(", "))));
    }

    /** The labels of the scenarios it runs or sweeps, in order, each once. */
    public List<String> scenarioLabels() {
        return java.util.stream.Stream.concat(scenarios.stream().map(ScenarioPlan::scenario),
                sweeps.stream().map(SweepPlan::scenario)).distinct().map(Scenario::label).toList();
    }

    /**
     * One warm-up window of 1 s, two measured windows of 1 s, for the scenarios whose pace does not
     * hang on the JIT (cpu, large bodies, a connection per request, slow clients). Two values give
     * JMH's 99.9 % interval a t-factor of 636.6: read their figure, not its error bar (four
     * windows, as before, gave 12.9 but did not fit fifteen models in the quick suite's 20 minutes).
     */
    private static Timing quick() {
        return Timing.of(1, 1, 1, 2, 1);
    }

    /**
     * Six warm-up windows of 1 s, then four measured, for hello and the client ceiling: the
     * time a freshly started {@code netty} server needs to reach its pace on two cores while the
     * benchmark JVM compiles its own code too. Measured with the harness ({@code HelloBenchmark},
     * 64 connections, twelve 1 s windows from a cold start): netty answered 1,388, 5,528, 7,377,
     * 15,524, 41,971, 50,980, then 52,000–64,000/s; selector 10,922, 29,231, 52,079, then
     * 43,000–66,000/s. Shorter warm-ups measure netty's JIT, not the model.
     */
    private static Timing quickWarm() {
        return Timing.of(1, 6, 1, 4, 1);
    }

    /**
     * A capacity search at p99 under 10 ms: after 2 s of closed-loop warm-up on the sweep's
     * connections ({@link SweepRunner.Pace#DEFAULT_WARM_UP}), from 100 requests/s, rates four times
     * higher while steps pass, then bisection until the failing rate is within 5 % of the passing
     * one (about ten steps, at most 24). Each step offers its rate for 0.25 s of lead-in, then a
     * window of 0.5 s, longer at low rates so that it holds 200 responses (at most 2 s), and waits
     * half a second after a failed step (or the scenario's queue drain, if longer) for the server's
     * queue to drain.
     */
    private static SweepPlan capacity(Scenario scenario, Object... namesAndValues) {
        return SweepPlan.of(scenario, SweepMode.SEARCH, Objective.DEFAULT,
                new CapacitySearch.Range(100, 400_000, 4, 0.05, 24), STEP_PACE, namesAndValues);
    }

    /**
     * A latency curve at p99 under 10 ms: sixteen rates from 100/s to 200,000/s (each 66 % above the
     * last), until the server has clearly left the objective; each step as in {@link #capacity}.
     */
    private static SweepPlan curve(Scenario scenario, Object... namesAndValues) {
        return SweepPlan.of(scenario, SweepMode.CURVE, Objective.DEFAULT,
                new CapacitySearch.Range(100, 200_000, 2, 0.05, 16), STEP_PACE, namesAndValues);
    }

    private static Timing full() {
        return Timing.of(2, 3, 1, 5, 2);
    }

    @Override
    public String toString() {
        return name() + " " + Arrays.toString(scenarioLabels().toArray());
    }
}
