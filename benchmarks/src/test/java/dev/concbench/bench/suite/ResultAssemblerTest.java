package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.bench.Scenario;
import dev.concbench.bench.trial.TrialRecord;
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

    private static CaseOutcome outcome(double score, List<TrialRecord> trials, String failure) {
        return new CaseOutcome(score < 0 ? Optional.empty()
                : Optional.of(Throughput.of(score, score / 100, List.of(List.of(score, score)))), trials, List.of(),
                Optional.ofNullable(failure), Duration.ofSeconds(5), Path.of("jmh.log"));
    }

    @Test
    void aCleanRunIsValidAndCarriesEveryFigure() {
        TrialRecord trial = Trials.hello("pool", 10_000, Map.of(), 1, 1, 2, 3, 40);

        BenchmarkResult result = ResultAssembler.assemble(HELLO, outcome(5_000, List.of(trial), null), 20_000.0);

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
        assertThat(result.serverInfo()).containsEntry("workers", "4").containsEntry("stopped.processesSpawned", "7");
        assertThat(result.client().transport()).isEqualTo("epoll");
        assertThat(result.client().eventLoops()).isEqualTo(1);
        assertThat(result.client().eventLoopCpuSeconds()).isEqualTo(0.8);
        assertThat(result.client().processCpuSeconds()).isEqualTo(1.2);
    }

    @Test
    void errorsAboveATenthOfAPercentMakeItInvalidAndAreCountedByKind() {
        TrialRecord trial = Trials.hello("iterative", 1_000, Map.of("timeout", 2L, "malformed", 1L, "connect", 3L), 5);

        BenchmarkResult result = ResultAssembler.assemble(HELLO, outcome(500, List.of(trial), null), 20_000.0);

        assertThat(result.valid()).isFalse();
        assertThat(result.invalidReasons()).containsExactly("errors are 0.60 % of requests (above 0.1 %)");
        assertThat(result.errors().timeout()).isEqualTo(2);
        assertThat(result.errors().connect()).isEqualTo(3);
        assertThat(result.errors().malformed()).isEqualTo(1);
        assertThat(result.errors().body()).isZero();
        assertThat(result.errors().total()).isEqualTo(6);
    }

    @Test
    void noVerifiedResponseAndNoErrorIsInvalidNotAQuietZero() {
        TrialRecord trial = Trials.hello("process", 0, Map.of());

        BenchmarkResult result = ResultAssembler.assemble(HELLO, outcome(0, List.of(trial), null), 20_000.0);

        assertThat(result.errors().total()).isZero();
        assertThat(result.valid()).isFalse();
        assertThat(result.invalidReasons()).singleElement().asString()
                .startsWith("no verified response in 2.0 s of measurement");
    }

    @Test
    void aThroughputNearTheClientCeilingIsClientBound() {
        TrialRecord trial = Trials.hello("netty", 40_000, Map.of(), 1);

        BenchmarkResult result = ResultAssembler.assemble(HELLO, outcome(18_000, List.of(trial), null), 20_000.0);

        assertThat(result.clientBound()).isTrue();
        assertThat(result.valid()).isFalse();
        assertThat(result.invalidReasons()).singleElement().asString().startsWith("client-bound: 18000 responses/s");
    }

    @Test
    void aFailedBenchmarkIsKeptAsAnInvalidResultWithItsReason() {
        BenchmarkResult result = ResultAssembler.assemble(HELLO,
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

        BenchmarkResult result = ResultAssembler.assemble(HELLO, outcome(100, List.of(fast, slow), null), null);

        assertThat(result.latency().uncorrected().count()).isEqualTo(8);
        assertThat(result.latency().uncorrected().p50Ms()).isCloseTo(1, within(0.01));
        assertThat(result.latency().uncorrected().p90Ms()).isCloseTo(100, within(0.1));
        assertThat(result.requestsCompleted()).isEqualTo(200);
        assertThat(result.measuredSeconds()).isEqualTo(4.0);
        assertThat(result.resources().processesSpawned()).isEqualTo(14);
        assertThat(result.client().eventLoopCpuSeconds()).isEqualTo(1.6); // both forks' measurements
    }
}
