package dev.concbench.bench.suite;

import dev.concbench.bench.HarnessSettings;
import dev.concbench.bench.Scenario;
import dev.concbench.bench.SweepTrial;
import dev.concbench.bench.probe.JvmProbe;
import dev.concbench.bench.probe.MachineProbe;
import dev.concbench.bench.server.CpuList;
import dev.concbench.bench.server.ServerHostInfo;
import dev.concbench.client.LoadClient;
import dev.concbench.results.AtomicFiles;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ClientCeiling;
import dev.concbench.results.Environment;
import dev.concbench.results.GitInfo;
import dev.concbench.results.JvmInfo;
import dev.concbench.results.MeasuredWindow;
import dev.concbench.results.RateSweep;
import dev.concbench.results.Throughput;
import dev.concbench.servers.ServerModels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.util.Version;

/**
 * The suite runner behind {@code mvn verify -Pbench}: plans the suite, measures the client
 * ceiling, runs every benchmark through JMH one at a time (each in its own forked JVM, each with
 * its own server process), and records every result as soon as it is known.
 *
 * <p>Exit codes: 0 when every benchmark produced a result (valid or not: a model that cannot do a
 * case is a result), 1 when one or more failed or the run could not be recorded, 2 for bad
 * arguments (unknown model, scenario or suite), with a one-line message.
 */
public final class SuiteRunner {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private static final String NAME = "concbench-bench";
    /** The file in the work directory that names the latest run's result file. */
    static final String LAST_RUN_FILE = "last-run.txt";
    private static final DateTimeFormatter WORK_DIRECTORY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The short probe of every model when the fastest is not known: two warm-up windows, one measured. */
    private static final Timing CEILING_PROBE = Timing.of(1, 2, 1, 1, 1);

    private final RunnerOptions options;
    private final PrintStream out;

    private SuiteRunner(RunnerOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        RunnerOptions options;
        SuitePlan plan;
        try {
            options = RunnerOptions.parse(args);
            if (options.help()) {
                out.print(RunnerOptions.usage());
                return OK;
            }
            plan = SuitePlan.of(options.preset(), options.narrowing(), available(ServerModels.names()),
                    options.against().isPresent());
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return USAGE_ERROR;
        }
        return new SuiteRunner(options, out).execute(plan, err);
    }

    /** The registered models that can run here; the others are told and recorded with their reason. */
    private static List<String> available(List<String> registered) {
        return registered.stream().filter(name -> ServerModels.byName(name).unavailableReason().isEmpty()).toList();
    }

    /** The registered models that cannot run here, with the reason each gives. */
    private static Map<String, String> unavailableModels() {
        Map<String, String> unavailable = new TreeMap<>();
        ServerModels.all().forEach(model -> model.unavailableReason()
                .ifPresent(reason -> unavailable.put(model.name(), reason)));
        return unavailable;
    }

    private int execute(SuitePlan plan, PrintStream err) {
        Map<String, String> unavailable = new TreeMap<>(unavailableModels());
        unavailable.putAll(plan.leftOut());
        unavailable.forEach((model, reason) -> out.println(NAME + ": model " + model + " left out: " + reason));
        out.printf("%s: suite %s, %d benchmarks and %d rate sweeps on %d models (%s), pinning %s, about %s%n", NAME,
                plan.preset().name(), plan.cases().size(), plan.sweeps().size(), plan.models().size(),
                String.join(", ", plan.models()), options.pinning().describe(),
                Progress.format(new Progress(plan.all()).left(0)));
        if (options.dryRun()) {
            Scenario shown = null;
            for (BenchmarkCase benchmark : plan.cases()) {
                if (benchmark.scenario() != shown) {
                    shown = benchmark.scenario();
                    out.println(shown.label() + ": " + shown.question());
                }
                out.println("  " + benchmark.describe());
            }
            if (!plan.sweeps().isEmpty()) {
                out.println("rate sweeps: open loop, each step judged against the objective");
                plan.sweeps().forEach(sweep -> out.println("  " + sweep.describe()));
            }
            return OK;
        }

        Instant startedAt = Instant.now();
        HarnessSettings harness = new HarnessSettings(null, options.inProcess(), options.pinning().server(),
                options.pinning().client(), plan.preset().serverJvmFlags(), 0, Duration.ZERO, null,
                options.serverHost());
        Optional<ServerHostInfo> serverHost;
        try {
            serverHost = harness.serverLauncher().prepare();
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return USAGE_ERROR;
        }
        serverHost.ifPresent(host -> out.printf("%s: servers on %s (%s), JDK %s there%n", NAME, host.destination(),
                host.machine().summary(), host.jvm().version()));
        Path workDirectory = options.workDir().resolve(WORK_DIRECTORY_TIME.format(startedAt));
        Optional<BaselineBuild> baseline;
        try {
            baseline = baseline(workDirectory);
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (IOException e) {
            err.println(NAME + ": no baseline to compare with: " + e.getMessage());
            return FAILED;
        }
        // The ceiling is the client's, measured against one server; the cases run A/B when asked.
        JmhCaseRunner ceilingJmh = new JmhCaseRunner(javaExecutable(), harness, workDirectory, options.jmhOutput());
        JmhCaseRunner jmh = baseline.map(b -> new JmhCaseRunner(javaExecutable(),
                harness.withBaselineClassPath(b.classPath()), workDirectory, options.jmhOutput())).orElse(ceilingJmh);
        Environment environment = environment(harness, ceilingJmh.forkJvmFlags(), serverHost);
        RunRecorder recorder;
        try {
            recorder = new RunRecorder(options.resultsDir(), plan.preset().suite(), startedAt, MachineProbe.detect(),
                    serverHost.map(ServerHostInfo::machine).orElse(null), environment,
                    baseline.map(BaselineBuild::record).orElse(null), unavailable,
                    plan.cases().size());
            recorder.ceiling(null);
        } catch (IOException | RuntimeException e) {
            err.println(NAME + ": cannot write the result file under " + options.resultsDir() + ": " + e.getMessage());
            return FAILED;
        }
        out.println("result file: " + recorder.resultFile());
        try {
            // For whatever runs next (the report): where this run's result file is.
            AtomicFiles.write(options.workDir().resolve(LAST_RUN_FILE),
                    (recorder.resultFile().toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println(NAME + ": cannot write " + options.workDir().resolve(LAST_RUN_FILE) + ": " + e.getMessage());
            return FAILED;
        }
        Thread hook = interruptHook(recorder);
        Runtime.getRuntime().addShutdownHook(hook);

        int failed = 0;
        try {
            // An A/B run judges each side against the other, not against the client's ceiling: it
            // skips that measurement (about ten seconds), and each window's busy client is still noted.
            ClientCeiling ceiling = baseline.isPresent() ? null : measureCeiling(plan, ceilingJmh);
            if (ceiling == null) {
                out.println("client ceiling: not measured in an A/B run (the sides are judged against each other;"
                        + " a window whose client was busy is still marked client-bound)");
            }
            recorder.ceiling(ceiling);
            Progress progress = new Progress(plan.all());
            int total = plan.all().size();
            List<BenchmarkCase> cases = plan.cases();
            List<Finished> finished = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                BenchmarkCase benchmark = cases.get(i);
                out.printf("[%d/%d] %s … %s left%n", i + 1, total, benchmark.describe(),
                        Progress.format(progress.left(i)));
                CaseOutcome outcome = jmh.run(benchmark, String.format(Locale.ROOT, "%03d-%s-%s", i + 1,
                        benchmark.scenario().label(), benchmark.model()));
                progress.finished(benchmark, outcome.wallTime());
                Finished newest = new Finished(benchmark, outcome);
                finished.add(newest);
                double rate = newest.judge(null, baseline.isPresent()).stream()
                        .mapToDouble(result -> result.throughput().score()).max().orElse(0);
                if (ceiling != null && rate > ceiling.requestsPerSecond()) {
                    // The client drove more than the first measurement said: that is its ceiling now,
                    // and every result is judged against it when the file is written.
                    ceiling = new ClientCeiling(rate, benchmark.model(), benchmark.scenario().label(),
                            Integer.parseInt(benchmark.params().getOrDefault("connections", "1")));
                    out.printf(Locale.ROOT, "        client ceiling raised to %,.0f responses/s by this benchmark%n",
                            rate);
                }
                ClientCeiling judgedBy = ceiling;
                List<BenchmarkResult> results = finished.stream()
                        .flatMap(done -> done.judge(judgedBy, baseline.isPresent()).stream()).toList();
                recorder.record(ceiling, results, outcome.jmhJson());
                // The newest benchmark's results end the list: one, or its sides A and B.
                List<BenchmarkResult> newestResults =
                        results.subList(results.size() - (baseline.isPresent() ? 2 : 1), results.size());
                newestResults.forEach(result -> out.println("        " + Summary.of(result)));
                if (baseline.isPresent()) {
                    out.println("        " + Summary.pairs(newestResults));
                }
                if (outcome.failure().isPresent()) {
                    failed++;
                }
            }
            failed += runSweeps(plan, baseline.map(b -> harness.withBaselineClassPath(b.classPath())).orElse(harness),
                    recorder, progress);
            recorder.complete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recorder.incomplete("interrupted");
            err.println(NAME + ": interrupted; what finished is kept in " + recorder.resultFile());
            return FAILED;
        } catch (IOException | RuntimeException e) {
            recorder.incomplete("the runner failed (" + e + ")");
            err.println(NAME + ": the run failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        out.println("result file: " + recorder.resultFile());
        out.println("work files:  " + workDirectory);
        if (failed > 0) {
            err.printf("%s: %d of %d benchmarks and sweeps failed; they are in the result file as invalid or"
                    + " inconclusive, and the benchmarks' JMH logs are under %s%n", NAME, failed, plan.all().size(),
                    workDirectory);
            return FAILED;
        }
        return OK;
    }

    /**
     * Runs the plan's rate sweeps, after the benchmarks, in this JVM (see {@link SweepTrial}): the
     * load client is pinned to the client CPUs as a benchmark JVM would be, and this JVM gets its
     * CPUs back afterwards. Records each case as it ends; returns how many failed.
     */
    private int runSweeps(SuitePlan plan, HarnessSettings settings, RunRecorder recorder, Progress progress)
            throws IOException, InterruptedException {
        if (plan.sweeps().isEmpty()) {
            return 0;
        }
        long self = ProcessHandle.current().pid();
        Optional<CpuList> unpinned = settings.clientCpus() == null ? Optional.empty() : CpuList.ofThisProcess();
        if (settings.clientCpus() != null) {
            settings.clientCpus().pin(self);
        }
        int failed = 0;
        int offset = plan.cases().size();
        try (LoadClient client = LoadClient.create(settings.eventLoopsHere())) {
            for (int i = 0; i < plan.sweeps().size(); i++) {
                SweepCase sweep = plan.sweeps().get(i);
                out.printf("[%d/%d] %s … %s left%n", offset + i + 1, plan.all().size(), sweep.describe(),
                        Progress.format(progress.left(offset + i)));
                long started = System.nanoTime();
                ModelFacts facts = ModelFacts.of(ServerModels.byName(sweep.model()));
                List<RateSweep> results;
                try {
                    results = SweepAssembler.assemble(sweep, SweepTrial.run(client, sweep.model(),
                            sweep.plan().scenario(), sweep.params(), settings, sweep.plan()::newSweep,
                            sweep.plan().pace(), (target, step) -> out.println("        "
                                    + SweepLines.step(target.side(), step))), facts);
                } catch (IOException | RuntimeException e) {
                    failed++;
                    out.println("        the sweep failed: " + e);
                    results = SweepAssembler.failed(sweep, facts, e.toString());
                }
                progress.finished(sweep, Duration.ofNanos(System.nanoTime() - started));
                recorder.recordSweeps(results);
                results.forEach(result -> out.println("        " + SweepLines.capacity(result)));
            }
        } finally {
            if (unpinned.isPresent()) {
                unpinned.get().pin(self);
            }
        }
        return failed;
    }

    /** One benchmark that ran, and what it produced; judged whenever the result file is written. */
    private record Finished(BenchmarkCase benchmark, CaseOutcome outcome) {

        /** Its results (one, or A and B), judged against the ceiling ({@code null}: not judged by one). */
        List<BenchmarkResult> judge(ClientCeiling ceiling, boolean comparesBuilds) {
            return ResultAssembler.assemble(benchmark, outcome,
                    ceiling != null && ceiling.requestsPerSecond() > 0 ? ceiling.requestsPerSecond() : null,
                    ModelFacts.of(ServerModels.byName(benchmark.model())), comparesBuilds);
        }
    }

    /** The baseline of an A/B run, found or built; empty for a plain run. */
    private Optional<BaselineBuild> baseline(Path workDirectory) throws IOException {
        if (options.against().isEmpty()) {
            return Optional.empty();
        }
        Path repository = GitProbe.git(Path.of("").toAbsolutePath(), "rev-parse", "--show-toplevel").map(Path::of)
                .orElse(Path.of("").toAbsolutePath());
        var builder = new BaselineBuild.Builder(options.maven(), options.mavenOffline(), options.buildCache(),
                workDirectory, repository, System.getProperty("java.class.path"), out);
        BaselineBuild baseline = builder.resolve(options.against().get());
        out.println("A/B: side A is " + (baseline.record().self() ? "this build again (A/A: the noise)"
                : baseline.against() + (baseline.record().commit() == null ? ""
                        : " (" + BaselineBuild.shortHash(baseline.record().commit()) + ")"))
                + ", side B this working tree; measured windows alternate A B, B A, ...");
        return Optional.of(baseline);
    }

    /**
     * The most responses per second the client drives, measured first: against netty on hello
     * when that model is registered (meant to be the fastest server), otherwise the best of a
     * short probe of every model. A lower bound: when a later benchmark gets more, the runner
     * raises the ceiling to it.
     */
    private ClientCeiling measureCeiling(SuitePlan plan, JmhCaseRunner jmh) throws IOException {
        int connections = plan.preset().ceilingConnections();
        List<String> registered = ServerModels.names();
        List<String> candidates = registered.contains("netty") ? List.of("netty") : registered;
        Timing timing = candidates.size() == 1 ? plan.preset().ceilingTiming() : CEILING_PROBE;
        out.printf("client ceiling: hello, %d connections, against %s%n", connections, String.join(", ", candidates));
        String best = candidates.getFirst();
        double bestRate = 0;
        for (String model : candidates) {
            BenchmarkCase probe = new BenchmarkCase(Scenario.HELLO, model,
                    Map.of("connections", Integer.toString(connections)), timing);
            CaseOutcome outcome = jmh.run(probe, "000-ceiling-" + model);
            double rate = outcome.throughput().map(Throughput::score).orElse(0.0);
            if (rate > bestRate) {
                bestRate = rate;
                best = model;
            }
        }
        if (bestRate == 0) {
            out.println("        could not measure the client ceiling: no result is judged client-bound by it");
        } else {
            out.printf(Locale.ROOT, "        %,.0f responses/s (%s); results within %.0f %% of it are client-bound%n",
                    bestRate, best, ResultAssembler.CLIENT_BOUND_PERCENT);
        }
        return new ClientCeiling(bestRate, best, Scenario.HELLO.label(), connections);
    }

    /**
     * The shutdown hook for a run: on a signal (or an exit) before the run completed, it stops the
     * forked benchmark JVMs (their servers exit with them) and marks the result file incomplete,
     * keeping what finished.
     */
    static Thread interruptHook(RunRecorder recorder) {
        return Thread.ofPlatform().name("concbench-interrupted").unstarted(() -> {
            if (recorder.isComplete()) {
                return;
            }
            ProcessHandle.current().children().forEach(ProcessHandle::destroy);
            if (recorder.incomplete("interrupted (SIGINT, SIGTERM or exit)")) {
                System.err.println(NAME + ": interrupted; the benchmarks that finished are kept in "
                        + recorder.resultFile() + ", marked incomplete");
            }
        });
    }

    /** The environment; the server's JVM is the server host's {@code java} when there is one. */
    private Environment environment(HarnessSettings harness, List<String> forkFlags, Optional<ServerHostInfo> serverHost) {
        JvmInfo current = JvmProbe.current();
        JvmInfo benchmarkJvm = new JvmInfo(current.version(), current.vendor(), forkFlags);
        JvmInfo serverJava = serverHost.map(ServerHostInfo::jvm).orElse(current);
        JvmInfo serverJvm = harness.inProcess() ? benchmarkJvm
                : new JvmInfo(serverJava.version(), serverJava.vendor(), harness.serverJvmFlags());
        GitInfo git = GitProbe.probe(Path.of("").toAbsolutePath());
        return new Environment(git, benchmarkJvm, serverJvm, Version.getPlainVersion(), options.pinning().toResult());
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The one line printed under each benchmark's progress line. */
    static final class Summary {

        private Summary() {
        }

        static String of(BenchmarkResult result) {
            double score = result.throughput().score();
            StringBuilder line = new StringBuilder(result.side() == null ? "" : result.side() + ": ")
                    .append(String.format(Locale.ROOT, score < 100 ? "%.1f" : "%,.0f", score))
                    .append(" responses/s");
            if (result.throughput().hasConfidenceInterval() && score > 0) {
                line.append(String.format(Locale.ROOT, " ±%.1f %%", result.throughput().scoreError() * 100 / score));
            }
            line.append(String.format(Locale.ROOT, " (%,d in %.1f s)", result.requestsCompleted(),
                    result.measuredSeconds()));
            line.append(String.format(Locale.ROOT, ", %,d errors, p99 %.2f ms", result.errors().total(),
                    result.latency().effective().p99Ms()));
            if (result.fairness().starvedConnections() > 0) {
                line.append(String.format(Locale.ROOT, ", %d of %d connections starved",
                        result.fairness().starvedConnections(), result.fairness().connections()));
            }
            if (result.resources() != null) {
                line.append(String.format(Locale.ROOT, ", server peak %d threads, %d fds",
                        result.resources().peakThreads(), result.resources().peakFileDescriptors()));
            }
            if (result.overload() != null) {
                line.append(" — ").append(result.overload());
            }
            Optional.of(result.invalidReasons()).filter(reasons -> !reasons.isEmpty())
                    .ifPresent(reasons -> line.append(" — INVALID: ").append(String.join("; ", reasons)));
            return line.toString();
        }

        /**
         * The median over the pairs (where both sides answered) of B's throughput over A's, e.g.
         * {@code B/A throughput 0.97 (median of 8 pairs, 0.91–1.04)}; the verdict, with its
         * interval, comes in the report.
         */
        static String pairs(List<BenchmarkResult> sides) {
            List<MeasuredWindow> a = sides.getFirst().windows();
            List<MeasuredWindow> b = sides.getLast().windows();
            double[] ratios = new double[Math.min(a.size(), b.size())];
            for (int i = 0; i < ratios.length; i++) {
                double rateA = a.get(i).requestsPerSecond();
                double rateB = b.get(i).requestsPerSecond();
                ratios[i] = rateA == 0 || rateB == 0 ? Double.NaN : rateB / rateA;
            }
            double[] judged = Arrays.stream(ratios).filter(Double::isFinite).sorted().toArray();
            if (judged.length == 0) {
                return "B/A throughput: no pair where both sides answered";
            }
            double median = judged.length % 2 == 1 ? judged[judged.length / 2]
                    : (judged[judged.length / 2 - 1] + judged[judged.length / 2]) / 2;
            return String.format(Locale.ROOT, "B/A throughput %.3f (median of %d pairs, %.3f–%.3f)", median,
                    judged.length, judged[0], judged[judged.length - 1]);
        }
    }
}
