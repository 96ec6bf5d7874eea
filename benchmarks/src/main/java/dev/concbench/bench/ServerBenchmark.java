package dev.concbench.bench;

import dev.concbench.bench.trial.TrialFiles;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.client.LoadClient;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.Request;
import dev.concbench.client.ResponseCheck;
import dev.concbench.results.BenchmarkResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The shared base of every scenario's benchmark: one server model per trial, the load client
 * driving it for one whole iteration per invocation, the server's resources sampled alongside.
 *
 * <h2>What JMH measures</h2>
 * Each {@link #loadWindow} invocation applies the scenario's load for exactly the iteration's
 * time (after the suite's lead-in, if any, on the same connections) and returns; with one benchmark thread JMH therefore makes exactly one invocation per
 * iteration. In an A/B trial ({@link HarnessSettings#comparesBuilds()}) two servers run, the
 * baseline build's (A) and the working tree's (B), and each invocation applies one window to each,
 * in alternating order (see {@link #loadWindow}); JMH's figure is then their mean and the verdict
 * comes from the trial record's paired windows. The figure that matters is the {@link Responses#responses} counter, reported as
 * {@code ...loadWindow:responses} in ops/s with JMH's error and confidence interval over the
 * iterations and forks: verified responses per second of the client's measured window. (JMH
 * divides the counter by the invocation's time, which also holds the window's connection set-up
 * and tear-down, 1–3 % of a 1 s window; the counter is scaled by invocation time over window time
 * so that the quotient is the client's own rate, the figure the client reports when run alone.)
 * The primary {@code loadWindow} line counts load windows per second, about one over the
 * iteration time, and means nothing. Failed requests and the client's CPU time are totals over
 * the measurement ({@code :errors}, {@code :clientCpuMillis}), never part of the throughput.
 *
 * <h2>Lifecycle</h2>
 * {@code @Setup(Trial)} starts the server (in its own JVM unless {@link HarnessSettings#inProcess()}),
 * the resource sampler and the load client; {@code @TearDown(Trial)} stops them and writes the
 * trial's {@link TrialRecord} (latency histograms, errors by kind, fairness, resources) when the
 * runner asked for one. A trial that fails still writes its record, with the failure, and releases
 * everything before the exception goes on to JMH.
 *
 * <h2>Defaults</h2>
 * One fork (never zero: every model gets a fresh JVM and fresh JIT profiles), two warm-up
 * iterations of 1 s, three measurement iterations of 2 s; scenarios override what their question
 * needs. The suite runner sets all of these from its presets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.COLLECTOR,
        BenchmarkJvm.NATIVE_ACCESS, BenchmarkJvm.NETTY_LEAK_DETECTION})
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Timeout(time = 2, timeUnit = TimeUnit.MINUTES)
public abstract class ServerBenchmark {

    /** The one benchmark method of every scenario. */
    public static final String BENCHMARK_METHOD = "loadWindow";

    /** {@code GET /hello}'s body. */
    protected static final byte[] HELLO_BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    /**
     * The server model. JMH needs literal defaults; the suite runner passes every model the
     * registry knows ({@code ServerModels.names()}), and so can {@code -p model=...}.
     */
    @Param({"iterative", "thread", "pool", "virtual"})
    public String model;

    private HarnessSettings settings;
    private BenchmarkParams benchmarkParams;
    /** The servers measured: one, or A then B in an A/B trial. */
    private final List<MeasuredServer> servers = new ArrayList<>();
    private LoadClient client;
    private Duration window;
    private boolean measuring;
    private int warmupPairs;
    private int measuredPairs;
    /** The server the current window loads, for {@link #recordExtra}. */
    private MeasuredServer current;
    private String failure;
    private boolean finished;

    /** Verified responses: the throughput, normalized to time by JMH. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Responses {
        /** Fractional: it is scaled (see the class documentation), and a sleep window counts only dozens. */
        public double responses;
    }

    /**
     * Totals over the measurement: failed requests of every kind, and the CPU time the load
     * client's event loops used (to tell a client-bound figure from a server-bound one).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        public long errors;
        public long clientCpuMillis;
    }

    /** The scenario this benchmark answers. */
    protected abstract Scenario scenario();

    /** The load's number of connections (the {@code connections} parameter). */
    protected abstract int connections();

    /** The load of one window against the server. */
    protected abstract LoadSpec loadSpec(InetSocketAddress target, Duration window);

    /**
     * Load applied once when the trial starts, outside JMH's iterations and figures, to warm the
     * code paths of server and client; none by default (the warm-up iterations do that). For a
     * scenario whose warm-up iterations would leave work queued in the server for the first
     * measured window (long sleeps queued in a model that serves one at a time). Not applied when
     * the suite leads into every window ({@link HarnessSettings#windowLeadIn()}), which warms them.
     */
    protected Optional<LoadSpec> primingLoad(InetSocketAddress target) {
        return Optional.empty();
    }

    /**
     * Applies one window of load and returns the figures that count. Scenarios that add a
     * companion load (slow clients) override this and report its figures with {@link #recordExtra}.
     *
     * @param windowEdge to be passed to the load client's run of the measured load: it marks the
     *                   start of the counted window, where the server's CPU time is read
     */
    protected LoadResult applyLoad(LoadClient loadClient, InetSocketAddress target, Duration length,
                                   LoadClient.ProgressListener windowEdge) throws InterruptedException {
        return loadClient.run(windowSpec(target, length), windowEdge);
    }

    /**
     * The window's load as {@link #applyLoad} applies it: {@link #loadSpec} preceded, on the same
     * connections, by the suite's lead-in ({@link HarnessSettings#windowLeadIn()}), which no figure counts.
     */
    protected final LoadSpec windowSpec(InetSocketAddress target, Duration window) {
        return loadSpec(target, window).withWarmup(settings.windowLeadIn());
    }

    /**
     * How long a server may still be busy with the requests of a window after it ended (the
     * client's connections are gone, their requests queued at a model that serves one at a time).
     * In an A/B trial the harness waits this long before a window that follows one on the same
     * server, so that no window starts behind its predecessor's queue; the other side's window in
     * between gives it the time otherwise. Zero unless a scenario's requests can queue for long.
     */
    protected Duration queueDrain() {
        return Duration.ZERO;
    }

    /**
     * Adds to a scenario's own secondary figure of the server the current window loads, counted in
     * measurement iterations only.
     */
    protected final void recordExtra(String name, double value) {
        if (measuring) {
            current.addExtra(name, value);
        }
    }

    /** A keep-alive closed loop of {@link #connections()} connections, GET of the path, checked. */
    protected final LoadSpec closedLoop(InetSocketAddress target, Duration length, String path, ResponseCheck check) {
        return LoadSpec.closedLoop(target, connections(), length).withRequest(Request.get(path)).withCheck(check);
    }

    @Setup(Level.Trial)
    public void startTrial(BenchmarkParams params) throws IOException {
        benchmarkParams = params;
        try {
            settings = HarnessSettings.from(System.getProperties());
            if (settings.clientCpus() != null) {
                settings.clientCpus().pin(ProcessHandle.current().pid());
            }
            if (settings.comparesBuilds()) {
                servers.add(MeasuredServer.start(BenchmarkResult.SIDE_A, model, settings, settings.baselineClassPath()));
                servers.add(MeasuredServer.start(BenchmarkResult.SIDE_B, model, settings, null));
            } else {
                servers.add(MeasuredServer.start(null, model, settings, null));
            }
            client = LoadClient.create(settings.eventLoopsHere());
            // A lead-in warms every window on its own connections: no priming needed then.
            if (settings.windowLeadIn().isZero()) {
                for (MeasuredServer server : servers) {
                    Optional<LoadSpec> priming = primingLoad(server.address());
                    if (priming.isPresent()) {
                        client.run(priming.get());
                    }
                }
            }
        } catch (InterruptedException e) {
            fail(e);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while priming the server", e);
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
            throw e;
        }
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        window = Duration.ofNanos(iteration.getTime().convertTo(TimeUnit.NANOSECONDS));
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    /**
     * One window of load on each server; see the class documentation. In an A/B trial the two
     * windows of pair k run A then B when k is even and B then A when k is odd (counted apart for
     * warm-up and measurement): each side runs first in half the pairs, so neither gains from a
     * machine that speeds up or slows down during the trial, nor from always following the other.
     * A window that follows one on the same server waits for its {@link #queueDrain()} first.
     */
    @Benchmark
    public void loadWindow(Responses responses, Totals totals) throws InterruptedException {
        int pair = measuring ? measuredPairs++ : warmupPairs++;
        List<MeasuredServer> order = pair % 2 == 0 ? servers : servers.reversed();
        for (MeasuredServer server : order) {
            if (server == current && servers.size() > 1) {
                Thread.sleep(queueDrain());
            }
            current = server;
            LoadResult result;
            long started = System.nanoTime();
            try {
                boolean counted = measuring;
                result = applyLoad(client, server.address(), window, new LoadClient.ProgressListener() {
                    @Override
                    public void onProgress(LoadClient.Progress progress) {
                    }

                    @Override
                    public void onMeasurementStart() {
                        server.startWindow(counted); // the server's CPU counts from the window, not its lead-in
                    }
                });
            } catch (InterruptedException | RuntimeException | Error e) {
                fail(e);
                throw e;
            }
            server.endWindow(result, measuring);
            long invocationNanos = System.nanoTime() - started;
            responses.responses += atWindowRate(result, invocationNanos);
            totals.errors += result.errors().total();
            totals.clientCpuMillis += result.cpu().eventLoops().toMillis();
        }
    }

    /** The responses the client's window rate gives over the invocation's time; see the class documentation. */
    static double atWindowRate(LoadResult result, long invocationNanos) {
        long windowNanos = result.duration().toNanos();
        return windowNanos <= 0 ? result.requests()
                : result.requests() * ((double) Math.max(invocationNanos, windowNanos) / windowNanos);
    }

    @TearDown(Level.Trial)
    public void endTrial() throws IOException {
        finish();
    }

    /** Records the failure, then releases everything and writes the trial record. */
    private void fail(Throwable error) {
        failure = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        try {
            finish();
        } catch (IOException | RuntimeException e) {
            error.addSuppressed(e);
        }
    }

    private void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            servers.forEach(MeasuredServer::close);
        }
        if (settings != null && settings.trialDirectory() != null) {
            TrialFiles.write(settings.trialDirectory(), trialRecord());
        }
    }

    private TrialRecord trialRecord() {
        Map<String, String> params = new TreeMap<>();
        for (String key : benchmarkParams.getParamsKeys()) {
            params.put(key, benchmarkParams.getParam(key));
        }
        List<String> serverFlags =
                settings.effectiveServerJvmFlags(ManagementFactory.getRuntimeMXBean().getInputArguments());
        var sides = servers.stream().map(server -> server.record(settings, serverFlags)).toList();
        var clientSide = new TrialRecord.ClientSide(settings.clientCpus() == null ? null : settings.clientCpus().text(),
                client == null ? 0 : client.eventLoops(), client == null ? "none" : client.transport().label());
        return new TrialRecord(benchmarkParams.getBenchmark(), scenario().label(), new TreeMap<>(params),
                scenario().openLoop(), clientSide, sides, failure);
    }
}
