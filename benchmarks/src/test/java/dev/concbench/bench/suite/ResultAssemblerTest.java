package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.bench.Scenario;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.client.ErrorKind;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.LoadModel;
import dev.concbench.results.Throughput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultAssemblerTest {

    private static final BenchmarkCase HELLO = new BenchmarkCase(Scenario.HELLO, "pool", Map.of("connections", "64"),
            Timing.of(1, 1, 1, 2, 1));

    static final ModelFacts FACTS = new ModelFacts("a thread per connection", false);

    private static BenchmarkResult plain(CaseOutcome outcome, Double ceiling) {
        List<BenchmarkResult> results = ResultAssembler.assemble(HELLO, outcome, ceiling, FACTS, false);
        assertThat(results).singleElement().extracting(BenchmarkResult::side).isNull();
        return results.getFirst();
    }

    private static CaseOutcome outcome(double score, List<TrialRecord> trials, String failure) {
        return new CaseOutcome(score < 0 ? Optional.empty()
                : Optional.of(Throughput.of(score, score / 100, List.of(List.of(score, score)))), trials, List.of(),
                Optional.ofNullable(failure), Duration.ofSeconds(5), Path.of("jmh.log"));
    }

    @Test
    void aCleanRunIsValidAndCarriesEveryFigure() {
        TrialRecord trial = Trials.hello("pool", 10_000, Map.of(), 1, 1, 2, 3, 40);

        BenchmarkResult result = plain( outcome(5_000, List.of(trial), null), 20_000.0);

        assertThat(result.valid()).isTrue();
        assertThat(result.clientBound()).isFalse();
        assertThat(result.model()).isEqualTo("pool");
        assertThat(result.scenario()).isEqualTo("hello");
        assertThat(result.params()).containsExactly(Map.entry("connections", "64"));
        assertThat(result.loadModel()).isEqualTo(LoadModel.CLOSED);
        assertThat(result.throughput().score()).isEqualTo(5_000);
        assertThat(result.requestsCompleted()).isEqualTo(10_000);
        assertThat(result.measuredSeconds()).isEqualTo(2.0);
        assertThat(result.latency().corrected()).isNull();
        assertThat(result.latency().uncorrected().count()).isEqualTo(5);
        assertThat(result.latency().uncorrected().p50Ms()).isCloseTo(2, within(0.01));
        assertThat(result.latency().uncorrected().maxMs()).isCloseTo(40, within(0.05));
        assertThat(result.resources().processesSpawned()).isEqualTo(7); // the server's own count beats the samples
        assertThat(result.resources().peakThreads()).isEqualTo(20);
        assertThat(result.serverInfo()).containsEntry("workers", "4").containsEntry("stopped.childrenSpawned", "7");
        assertThat(result.client().transport()).isEqualTo("epoll");
        assertThat(result.client().eventLoops()).isEqualTo(1);
        assertThat(result.client().eventLoopCpuSeconds()).isEqualTo(0.8);
        assertThat(result.client().processCpuSeconds()).isEqualTo(1.2);
    }

    @Test
    void lostRequestsAboveATenthOfAPercentAreAServerThatCouldNotTakeTheLoadAndAreCountedByKind() {
        TrialRecord trial = Trials.hello("iterative", 1_000,
                Map.of(ErrorKind.TIMEOUT, 2L, ErrorKind.MALFORMED, 1L, ErrorKind.CONNECT, 3L), 5);

        BenchmarkResult result = plain( outcome(500, List.of(trial), null), 20_000.0);

        assertThat(result.valid()).isTrue();
        assertThat(result.overload()).isEqualTo("the server could not take the load: 0.50 % of requests failed"
                + " (2 timed out, 3 connections refused, 0 reset or closed)");
        assertThat(result.errors().timeout()).isEqualTo(2);
        assertThat(result.errors().connect()).isEqualTo(3);
        assertThat(result.errors().malformed()).isEqualTo(1);
        assertThat(result.errors().body()).isZero();
        assertThat(result.errors().total()).isEqualTo(6);
    }

    @Test
    void wrongAnswersAboveATenthOfAPercentMakeItInvalid() {
        TrialRecord trial = Trials.hello("iterative", 1_000, Map.of(ErrorKind.STATUS, 4L, ErrorKind.BODY, 1L), 5);

        BenchmarkResult result = plain( outcome(500, List.of(trial), null), 20_000.0);

        assertThat(result.valid()).isFalse();
        assertThat(result.invalidReasons()).containsExactly("wrong answers are 0.50 % of requests (above 0.1 %)");
        assertThat(result.overload()).isNull();
    }

    @Test
    void aServerThatAnsweredNothingIsAFindingNotAQuietZeroNorAnInvalidMeasurement() {
        TrialRecord trial = Trials.hello("process", 0, Map.of());

        BenchmarkResult result = plain( outcome(0, List.of(trial), null), 20_000.0);

        assertThat(result.errors().total()).isZero();
        assertThat(result.valid()).isTrue();
        assertThat(result.overload()).startsWith("the server answered nothing in 2.0 s of measurement");
    }

    @Test
    void aThroughputNearTheClientCeilingIsClientBound() {
        TrialRecord trial = Trials.hello("netty", 40_000, Map.of(), 1);

        BenchmarkResult result = plain( outcome(18_000, List.of(trial), null), 20_000.0);

        assertThat(result.clientBound()).isTrue();
        assertThat(result.valid()).isFalse();
        assertThat(result.invalidReasons()).singleElement().asString().startsWith("client-bound: 18000 responses/s");
    }

    @Test
    void aFailedBenchmarkIsKeptAsAnInvalidResultWithItsReason() {
        BenchmarkResult result = plain(
                outcome(-1, List.of(Trials.failed("pool", "IOException: server pool exited")), "IOException: server pool exited"),
                20_000.0);

        assertThat(result.valid()).isFalse();
        assertThat(result.invalidReasons()).containsExactly("the benchmark failed: IOException: server pool exited");
        assertThat(result.throughput().score()).isZero();
        assertThat(result.throughput().hasConfidenceInterval()).isFalse();
        assertThat(result.resources()).isNull();
        assertThat(result.client()).isNull();
        assertThat(result.latency().uncorrected().count()).isZero();
    }

    @Test
    void forksAreMergedHistogramsAddedNeverPercentilesAveraged() {
        TrialRecord fast = Trials.hello("pool", 100, Map.of(), 1, 1, 1, 1);
        TrialRecord slow = Trials.hello("pool", 100, Map.of(), 100, 100, 100, 100);

        BenchmarkResult result = plain( outcome(100, List.of(fast, slow), null), null);

        assertThat(result.latency().uncorrected().count()).isEqualTo(8);
        assertThat(result.latency().uncorrected().p50Ms()).isCloseTo(1, within(0.01));
        assertThat(result.latency().uncorrected().p90Ms()).isCloseTo(100, within(0.1));
        assertThat(result.requestsCompleted()).isEqualTo(200);
        assertThat(result.measuredSeconds()).isEqualTo(4.0);
        assertThat(result.resources().processesSpawned()).isEqualTo(14);
        assertThat(result.client().eventLoopCpuSeconds()).isEqualTo(1.6); // both forks' measurements
    }

    @Test
    void everyErrorKindOfTheClientReachesTheResultFile() {
        // One of each kind, a distinct count each: a kind dropped or put in another's place shows.
        Map<ErrorKind, Long> errors = new java.util.EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, 1L << kind.ordinal());
        }
        BenchmarkResult result = plain(outcome(500, List.of(Trials.hello("pool", 1_000, errors, 1)), null), null);

        var counts = result.errors();
        Map<ErrorKind, Long> carried = Map.of(ErrorKind.CONNECT, counts.connect(), ErrorKind.READ, counts.read(),
                ErrorKind.WRITE, counts.write(), ErrorKind.TIMEOUT, counts.timeout(), ErrorKind.STATUS, counts.status(),
                ErrorKind.BODY, counts.body(), ErrorKind.MALFORMED, counts.malformed());
        assertThat(carried).isEqualTo(errors);
        assertThat(counts.total()).isEqualTo((1L << ErrorKind.values().length) - 1);
    }

    @Test
    void theHandOffCarriesWindowsExtrasGaveUpHistogramsAndSpawnCounts() {
        TrialRecord trial = Trials.hello("process", 1_000, Map.of(), 1, 2, 3);
        TrialRecord.Side side = trial.sides().getFirst();
        var measured = side.measurement();
        var withExtras = new dev.concbench.bench.trial.TrialMeasurement(measured.iterations(), measured.requests(),
                measured.errors(), measured.firstErrors(), measured.unfinished(), measured.bytesRead(),
                measured.windowSeconds(), measured.windows(), measured.latency(), measured.uncorrectedLatency(),
                new dev.concbench.bench.trial.TrialMeasurement.TrialFairness(64, 10, 20, 30, 1, 250.0, 5),
                measured.eventLoopCpuSeconds(), measured.processCpuSeconds(), measured.eventLoopUtilization(),
                Map.of("slowResponses", 7.0, "slowErrors", 1.0));
        TrialRecord changed = new TrialRecord(trial.benchmark(), trial.scenario(), trial.params(), trial.openLoop(),
                trial.client(), List.of(new TrialRecord.Side(null, side.server(), withExtras, side.resources())), null);

        BenchmarkResult result = plain(outcome(500, List.of(changed, changed), null), null);

        assertThat(result.extras()).containsEntry("slowResponses", 14.0).containsEntry("slowErrors", 2.0);
        assertThat(result.fairness().gaveUpConnections()).isEqualTo(10);
        assertThat(result.windows()).extracting(dev.concbench.results.MeasuredWindow::index).containsExactly(0, 1);
        assertThat(result.windows()).allSatisfy(window -> assertThat(window.serverCpuSeconds()).isEqualTo(1.5));
        assertThat(result.latency().uncorrectedHistogram()).isNotBlank();
        assertThat(result.resources().processesSpawned()).isEqualTo(14); // childrenSpawned=7 in each trial
        assertThat(result.family()).isEqualTo(FACTS.family());
    }

    @Test
    void theProcessesSpawnedAreTheModelsOwnCountOfChildrenOrOfWorkersElseTheChildrenSampled() {
        assertThat(processesSpawned(Map.of("maxChildren", "64", "childrenSpawned", "7"))).isEqualTo(7);
        assertThat(processesSpawned(Map.of("workers", "4", "workersSpawned", "5", "workersReplaced", "1")))
                .isEqualTo(5);
        assertThat(processesSpawned(Map.of("workers", "4"))).isEqualTo(2); // the samples saw two children
    }

    /** The processes spawned in the result of a trial whose server reported this when it stopped. */
    private static long processesSpawned(Map<String, String> stopInfo) {
        TrialRecord trial = Trials.hello("prefork", 1_000, Map.of(), 1);
        TrialRecord.Side side = trial.sides().getFirst();
        TrialRecord.ServerSide server = side.server();
        TrialRecord.ServerSide stopped = new TrialRecord.ServerSide(server.inProcess(), server.cpus(),
                server.jvmFlags(), server.startInfo(), stopInfo);
        TrialRecord changed = new TrialRecord(trial.benchmark(), trial.scenario(), trial.params(), trial.openLoop(),
                trial.client(), List.of(new TrialRecord.Side(null, stopped, side.measurement(), side.resources())),
                null);
        return plain(outcome(500, List.of(changed), null), null).resources().processesSpawned();
    }

    @Test
    void anAbCaseGivesOneResultPerSideEachWithItsOwnWindowsAndThroughput() {
        TrialRecord plain = Trials.hello("pool", 1_000, Map.of(), 1, 2);
        TrialRecord.Side one = plain.sides().getFirst();
        TrialRecord ab = new TrialRecord(plain.benchmark(), plain.scenario(), plain.params(), false, plain.client(),
                List.of(new TrialRecord.Side("A", one.server(), one.measurement(), one.resources()),
                        new TrialRecord.Side("B", one.server(), null, null)), null);

        List<BenchmarkResult> results = ResultAssembler.assemble(HELLO, outcome(123, List.of(ab), null), null, FACTS,
                true);

        assertThat(results).extracting(BenchmarkResult::side).containsExactly("A", "B");
        BenchmarkResult a = results.get(0);
        // A's throughput is its own windows' rate (1,000 in 2 s), not JMH's mixed figure.
        assertThat(a.throughput().score()).isEqualTo(500.0);
        assertThat(a.valid()).isTrue();
        assertThat(results.get(1).valid()).isFalse();
        assertThat(results.get(1).invalidReasons()).containsExactly("no measurement was recorded");
    }
}
