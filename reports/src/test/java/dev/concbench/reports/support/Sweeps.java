package dev.concbench.reports.support;

import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.Capacity;
import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.ErrorCounts;
import dev.concbench.results.Objective;
import dev.concbench.results.Percentiles;
import dev.concbench.results.RateSweep;
import dev.concbench.results.RunResult;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepMode;
import dev.concbench.results.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Schema-4 figures added to the hand-modelled fixtures (which are older files): capacity searches
 * on a simulated server with a known knee, and servers that could not take the load.
 */
public final class Sweeps {

    /** Where every search starts, requests/s. */
    public static final double FIRST_RATE = 1000;
    /** The bracket's width a search stops at. */
    private static final double RESOLUTION = 0.05;
    /** The rate above which the simulated client saturates, requests/s. */
    public static final double CLIENT_LIMIT = 40_000;

    private static final Map<String, String> FAMILIES = Map.of("iterative", "one request at a time",
            "process", "one request at a time", "prefork", "a thread per connection", "thread",
            "a thread per connection", "pool", "a thread per connection", "virtual", "a thread per connection",
            "selector", "event loops", "netty", "event loops");
    /** Each model's knee for hello and for /sleep?ms=1 at 64 connections; 0: the trial fails. */
    private static final Map<String, double[]> KNEES = Map.of("iterative", new double[] {9_000, 900},
            "process", new double[] {0, 0}, "prefork", new double[] {21_000, 7_200}, "thread",
            new double[] {30_000, 21_000}, "pool", new double[] {28_000, 14_500}, "virtual",
            new double[] {33_000, 20_000}, "selector", new double[] {25_000, 950}, "netty",
            new double[] {60_000, 15_000});

    private Sweeps() {
    }

    /**
     * The run with a capacity search for hello and for /sleep?ms=1 (64 connections) of each of its
     * models on each of {@code sides} (null for a plain run), each knee scaled by {@code kneeFactor}
     * for the models in {@code changed} on side B or in a plain run. Outcomes: bracketed for most,
     * client-limited for netty on hello, failed at the lowest rate for iterative and selector on
     * sleep, inconclusive (the trial failed) for process.
     */
    public static RunResult withSweeps(RunResult run, List<String> sides, double kneeFactor, List<String> changed) {
        List<RateSweep> sweeps = new ArrayList<>(run.sweeps());
        List<String> models = run.results().stream().map(BenchmarkResult::model).distinct()
                .filter(KNEES::containsKey).toList();
        for (String side : sides) {
            for (String model : models) {
                double factor = !"A".equals(side) && changed.contains(model) ? kneeFactor : 1;
                sweeps.add(search(model, side, "hello", Map.of("connections", "64"), KNEES.get(model)[0] * factor));
                sweeps.add(search(model, side, "sleep", Map.of("connections", "64", "ms", "1"),
                        KNEES.get(model)[1] * factor));
            }
        }
        return new RunResult(run.schema(), run.complete(), run.incompleteReason(), run.suite(), run.startedAt(),
                run.finishedAt(), run.machine(), run.serverMachine(), run.environment(), run.abBaseline(), run.clientCeiling(),
                run.unavailableModels(), run.results(), run.jmhRawFile(), sweeps);
    }

    /** A plain run with sweeps. */
    public static RunResult withSweeps(RunResult run) {
        return withSweeps(run, java.util.Collections.singletonList(null), 1, List.of());
    }

    /**
     * The run as schema 4 records it: each result invalid only because requests timed out is valid,
     * with the finding that the server could not take the load.
     */
    public static RunResult withFindings(RunResult run) {
        List<BenchmarkResult> results = run.results().stream().map(r -> {
            boolean timedOut = !r.valid() && !r.clientBound() && r.errors().timeout() == r.errors().total();
            if (!timedOut) {
                return r;
            }
            String overload = String.format(Locale.ROOT, "the server could not take the load: %.2f %% of requests"
                    + " failed (%,d timed out, 0 connections refused, 0 reset or closed)",
                    r.errors().timeout() * 100.0 / (r.errors().timeout() + r.requestsCompleted()), r.errors().timeout());
            return new BenchmarkResult(r.benchmark(), r.model(), r.side(), r.family(), r.reference(), r.scenario(),
                    r.params(), r.loadModel(), r.measuredSeconds(), r.throughput(), r.latency(), r.requestsCompleted(),
                    r.errors(), r.fairness(), r.client(), r.resources(), r.serverInfo(), r.windows(), r.extras(), true,
                    List.of(), false, overload);
        }).toList();
        return new RunResult(run.schema(), run.complete(), run.incompleteReason(), run.suite(), run.startedAt(),
                run.finishedAt(), run.machine(), run.serverMachine(), run.environment(), run.abBaseline(), run.clientCeiling(),
                run.unavailableModels(), results, run.jmhRawFile(), run.sweeps());
    }

    /**
     * A capacity search against a server whose corrected p99 reaches the 10 ms objective at
     * {@code knee} requests/s: ×4 from {@link #FIRST_RATE} to the first failure, then geometric
     * bisection to 5 %; the client fails every step above {@link #CLIENT_LIMIT}, and a bracket
     * whose failing end is the client's is client-limited.
     */
    public static RateSweep search(String model, String side, String scenario, Map<String, String> params,
                                   double knee) {
        List<SweepStep> steps = new ArrayList<>();
        if (knee == 0) {
            return sweep(model, side, scenario, params, steps, new Capacity(null, null, CapacityOutcome.INCONCLUSIVE,
                    "the trial failed: the server exited before the first step"));
        }
        Double pass = null;
        Double fail = null;
        SweepStep failed = null;
        double rate = FIRST_RATE;
        while (true) {
            SweepStep step = step(steps.size(), rate, knee);
            steps.add(step);
            if (step.verdict() == StepVerdict.PASS) {
                pass = rate;
            } else {
                fail = rate;
                failed = step;
            }
            if (pass == null) {
                return sweep(model, side, scenario, params, steps, new Capacity(null, rate,
                        CapacityOutcome.FAILED_AT_LOWEST, "missed at the lowest rate, " + whole(rate) + "/s: "
                        + step.reason()));
            }
            if (fail != null && fail / pass <= 1 + RESOLUTION) {
                boolean client = failed.verdict() == StepVerdict.CLIENT_FAILED;
                return sweep(model, side, scenario, params, steps, new Capacity(pass, fail,
                        client ? CapacityOutcome.CLIENT_LIMITED : CapacityOutcome.BRACKETED, "met at " + whole(pass)
                        + "/s, missed at " + whole(fail) + "/s" + (client ? " by the client: " : ": ")
                        + failed.reason()));
            }
            rate = fail == null ? rate * 4 : Math.sqrt(pass * fail);
        }
    }

    private static SweepStep step(int index, double rate, double knee) {
        double load = rate / knee;
        double p99 = 0.4 + 9.6 * Math.pow(load, 6);
        double achieved = Math.min(rate, knee * 1.08);
        double uncorrectedP99 = Math.min(p99, 0.4 + 2.6 * load);
        boolean clientFailed = rate > CLIENT_LIMIT;
        double utilization = Math.min(0.97, rate / CLIENT_LIMIT * 0.9);
        StepVerdict verdict;
        String reason = null;
        if (clientFailed) {
            verdict = StepVerdict.CLIENT_FAILED;
            reason = String.format(Locale.ROOT, "the client's event loops were %.0f %% busy", utilization * 100);
        } else if (p99 > 10 || achieved < rate * 0.99) {
            verdict = StepVerdict.SERVER_FAILED;
            reason = String.format(Locale.ROOT, "p99 %.1f ms > 10.0 ms; answered %s/s of the %s/s offered", p99,
                    whole(achieved), whole(rate));
        } else {
            verdict = StepVerdict.PASS;
        }
        long requests = Math.round(achieved);
        return new SweepStep(index, rate, achieved, 1.0, requests, new ErrorCounts(0, 0, 0, 0, 0, 0, 0),
                percentiles(requests, p99), percentiles(requests, uncorrectedP99), utilization, achieved * 20e-6,
                verdict, reason);
    }

    private static Percentiles percentiles(long count, double p99) {
        return new Percentiles(count, p99 * 0.1, p99 * 0.3, p99 * 0.4, p99 * 0.6, p99, p99 * 1.3, p99 * 1.5,
                p99 * 1.6);
    }

    private static RateSweep sweep(String model, String side, String scenario, Map<String, String> params,
                                   List<SweepStep> steps, Capacity capacity) {
        return new RateSweep(model, side, FAMILIES.get(model), model.equals("netty"), scenario, params,
                SweepMode.SEARCH, Objective.DEFAULT, RESOLUTION, steps, capacity, null, Map.of());
    }

    private static String whole(Double rate) {
        return String.format(Locale.ROOT, "%,d", Math.round(rate));
    }
}
