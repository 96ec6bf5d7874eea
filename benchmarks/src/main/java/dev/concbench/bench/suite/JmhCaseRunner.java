package dev.concbench.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concbench.bench.BenchmarkJvm;
import dev.concbench.bench.HarnessSettings;
import dev.concbench.bench.ServerBenchmark;
import dev.concbench.bench.trial.TrialFiles;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.results.Throughput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one {@link BenchmarkCase} through JMH's {@link Runner}, in forked JVMs, and collects what
 * it produced: JMH's figures, its JSON, the trials' records. Each case gets its own directory
 * under the work directory, holding JMH's console log, its JSON and the trial records.
 */
final class JmhCaseRunner {

    /** The secondary result that carries the throughput (see {@link ServerBenchmark}). */
    static final String RESPONSES = "responses";
    /** How much longer than its window an iteration may take before JMH gives up on it. */
    private static final Duration ITERATION_GRACE = Duration.ofSeconds(90);
    /** How long a case waits for another JMH run on the machine to release JMH's lock. */
    static final Duration JMH_LOCK_WAIT = Duration.ofMinutes(5);
    private static final Duration JMH_LOCK_POLL = Duration.ofMillis(500);
    /** What JMH's {@link RunnerException} says when another JMH run holds its lock file. */
    private static final String JMH_LOCK_MESSAGE = "Unable to acquire the JMH lock";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path java;
    private final HarnessSettings settings;
    private final Path workDirectory;
    private final boolean jmhToConsole;

    /**
     * @param java          the {@code java} for the benchmark JVMs
     * @param settings      the harness settings for every fork (the trial directory is set per case)
     * @param workDirectory where each case's directory goes
     * @param jmhToConsole  whether JMH's own output goes to the console rather than to a log file
     */
    JmhCaseRunner(Path java, HarnessSettings settings, Path workDirectory, boolean jmhToConsole) {
        this.java = Objects.requireNonNull(java, "java");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.jmhToConsole = jmhToConsole;
    }

    /**
     * The flags every benchmark fork gets, as the result file records them: {@link BenchmarkJvm#FLAGS}
     * and the harness settings (each benchmark adds its own trial directory).
     */
    List<String> forkJvmFlags() {
        List<String> flags = new ArrayList<>(BenchmarkJvm.FLAGS);
        flags.addAll(settings.asJvmArguments());
        return flags;
    }

    /** Runs the case; a failing benchmark is reported in the outcome, never thrown. */
    CaseOutcome run(BenchmarkCase benchmark, String directoryName) throws IOException {
        Path directory = workDirectory.resolve(directoryName);
        Path trials = directory.resolve("trials");
        Path json = directory.resolve("jmh.json");
        Path log = directory.resolve("jmh.log");
        Files.createDirectories(trials);
        Timing timing = benchmark.timing();
        Duration longestWindow = (timing.warmupTime().compareTo(timing.measurementTime()) > 0
                ? timing.warmupTime() : timing.measurementTime()).plus(timing.leadIn());

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.scenario().benchmarkName()) + "$")
                .forks(timing.forks())
                .warmupIterations(timing.warmupIterations())
                .warmupTime(TimeValue.milliseconds(timing.warmupTime().toMillis()))
                .measurementIterations(timing.measurementIterations())
                .measurementTime(TimeValue.milliseconds(timing.measurementTime().toMillis()))
                .timeout(TimeValue.milliseconds(longestWindow.plus(ITERATION_GRACE).toMillis()))
                .jvm(java.toString())
                .jvmArgs(BenchmarkJvm.FLAGS.toArray(String[]::new))
                .jvmArgsAppend(settings.withTrialDirectory(trials).withWindowLeadIn(timing.leadIn()).asJvmArguments().toArray(String[]::new))
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .verbosity(VerboseMode.NORMAL);
        if (!jmhToConsole) {
            options.output(log.toString());
        }
        benchmark.jmhParams().forEach((name, value) -> options.param(name, value));

        long started = System.nanoTime();
        Optional<String> failure = Optional.empty();
        Optional<Throughput> throughput = Optional.empty();
        try {
            Collection<RunResult> results = runWhenJmhIsFree(options, benchmark);
            if (results.isEmpty()) {
                failure = Optional.of("JMH produced no result (see " + log + ")");
            } else {
                throughput = throughput(results.iterator().next());
                if (throughput.isEmpty()) {
                    failure = Optional.of("JMH's result has no '" + RESPONSES + "' figure");
                }
            }
        } catch (RunnerException e) {
            failure = Optional.of("JMH could not run it: " + e.getMessage());
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - started);

        List<TrialRecord> records = TrialFiles.readAll(trials);
        Optional<String> trialFailure = records.stream().map(TrialRecord::failure).filter(Objects::nonNull).findFirst();
        if (trialFailure.isPresent()) {
            failure = trialFailure; // the harness's own account beats JMH's "no result"
        }
        return new CaseOutcome(throughput, records, jmhJson(json), failure, wallTime, log);
    }

    /**
     * Runs JMH; while another JMH run on this machine holds JMH's lock (another suite, another
     * user's benchmark), waits for it, up to {@link #JMH_LOCK_WAIT}, rather than failing or running
     * alongside it and measuring both.
     */
    private static Collection<RunResult> runWhenJmhIsFree(ChainedOptionsBuilder options, BenchmarkCase benchmark)
            throws RunnerException {
        long deadline = System.nanoTime() + JMH_LOCK_WAIT.toNanos();
        boolean told = false;
        while (true) {
            try {
                return new Runner(options.build()).run();
            } catch (RunnerException e) {
                boolean locked = e.getMessage() != null && e.getMessage().contains(JMH_LOCK_MESSAGE);
                if (!locked || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!told) {
                    System.err.println("concbench-bench: another JMH run holds JMH's lock; " + benchmark.describe()
                            + " waits for it (at most " + JMH_LOCK_WAIT.toMinutes() + " min)");
                    told = true;
                }
                try {
                    Thread.sleep(JMH_LOCK_POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new RunnerException("interrupted while waiting for JMH's lock", interrupted);
                }
            }
        }
    }

    /** JMH's figure for the responses counter, with its error and every iteration's value. */
    static Optional<Throughput> throughput(RunResult run) {
        Result<?> aggregated = run.getAggregatedResult().getSecondaryResults().get(RESPONSES);
        if (aggregated == null) {
            return Optional.empty();
        }
        List<List<Double>> raw = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            List<Double> iterations = new ArrayList<>();
            for (IterationResult iteration : fork.getIterationResults()) {
                Result<?> value = iteration.getSecondaryResults().get(RESPONSES);
                iterations.add(value == null ? 0.0 : value.getScore());
            }
            raw.add(iterations);
        }
        double score = aggregated.getScore();
        double error = aggregated.getScoreError();
        return Optional.of(Double.isNaN(error) || Double.isInfinite(error)
                ? new Throughput(score, null, Throughput.UNIT, null, null, raw)
                : Throughput.of(score, error, raw));
    }

    private static List<JsonNode> jmhJson(Path json) throws IOException {
        if (!Files.isRegularFile(json) || Files.size(json) == 0) {
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(json.toFile()).forEach(entries::add);
        return entries;
    }
}
