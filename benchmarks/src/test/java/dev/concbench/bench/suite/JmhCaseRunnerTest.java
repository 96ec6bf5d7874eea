package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.bench.HarnessSettings;
import dev.concbench.bench.Scenario;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.results.BenchmarkResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real, short benchmark through JMH: a forked JVM, a server process, the load client. */
class JmhCaseRunnerTest {

    @Test
    void runsABenchmarkAndCollectsJmhsFiguresAndTheTrialRecord(@TempDir Path work) throws Exception {
        HarnessSettings settings = new HarnessSettings(null, false, null, null,
                List.of("-Xmx128m", "--enable-native-access=ALL-UNNAMED"), 1, Duration.ZERO, null, null);
        JmhCaseRunner runner = new JmhCaseRunner(Path.of(System.getProperty("java.home"), "bin", "java"), settings,
                work, false);
        BenchmarkCase hello = new BenchmarkCase(Scenario.HELLO, "pool", Map.of("connections", "4"),
                Timing.of(1, 1, 1, 1, 1).withLeadIn(0.5));

        CaseOutcome outcome = runner.run(hello, "001-hello-pool");

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.throughput()).isPresent();
        assertThat(outcome.jmhJson()).hasSize(1);
        assertThat(outcome.trials()).hasSize(1);
        TrialRecord trial = outcome.trials().getFirst();
        assertThat(trial.model()).isEqualTo("pool");
        assertThat(trial.params()).containsEntry("connections", "4");
        TrialRecord.Side side = trial.sides().getFirst();
        assertThat(trial.sides()).hasSize(1);
        assertThat(side.side()).isNull();
        assertThat(side.measurement().iterations()).isEqualTo(1);
        // The lead-in is load before the window, never part of it.
        assertThat(side.measurement().windowSeconds()).isCloseTo(1.0, within(0.05));
        assertThat(side.measurement().requests()).isPositive();
        assertThat(side.measurement().windows()).singleElement()
                .satisfies(window -> assertThat(window.serverCpuSeconds()).isPositive());
        assertThat(side.resources().peakThreads()).isPositive();
        assertThat(side.resources().cpuSeconds()).isPositive();
        assertThat(side.server().startInfo()).containsKey("workers");
        // JMH's figure is the client's own rate over its measured window (connection set-up and
        // tear-down scaled out), up to JMH's loop and a busy machine's scheduling: within 5 %.
        double clientRate = side.measurement().windows().getFirst().requestsPerSecond();
        assertThat(outcome.throughput().get().score()).isCloseTo(clientRate, within(clientRate * 0.05));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void anAbCaseAlternatesTwoServersAndRecordsEachSidesWindows(@TempDir Path work) throws Exception {
        // Side A from this JVM's class path too (an A/A case): two server processes, one client.
        HarnessSettings settings = new HarnessSettings(null, false, null, null,
                List.of("-Xmx128m", "--enable-native-access=ALL-UNNAMED"), 1, Duration.ZERO,
                System.getProperty("java.class.path"), null);
        JmhCaseRunner runner = new JmhCaseRunner(Path.of(System.getProperty("java.home"), "bin", "java"), settings,
                work, false);
        BenchmarkCase hello = new BenchmarkCase(Scenario.HELLO, "pool", Map.of("connections", "4"),
                Timing.of(1, 1, 0.3, 1, 0.3).withLeadIn(0.2).inPairs(3));

        CaseOutcome outcome = runner.run(hello, "001-hello-pool-ab");

        assertThat(outcome.failure()).isEmpty();
        TrialRecord trial = outcome.trials().getFirst();
        assertThat(trial.sides()).extracting(TrialRecord.Side::side).containsExactly("A", "B");
        for (TrialRecord.Side side : trial.sides()) {
            assertThat(side.measurement().windows()).hasSize(3).allSatisfy(window -> {
                assertThat(window.requests()).isPositive();
                assertThat(window.seconds()).isCloseTo(0.3, within(0.05));
                assertThat(window.serverCpuSeconds()).isNotNull();
            });
            assertThat(side.resources().peakThreads()).isPositive();
        }
        List<BenchmarkResult> results = ResultAssembler.assemble(hello, outcome, null, ResultAssemblerTest.FACTS,
                true);
        assertThat(results).extracting(BenchmarkResult::side).containsExactly("A", "B");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.windows()).hasSize(3);
            assertThat(result.throughput().score()).isPositive();
            assertThat(result.throughput().hasConfidenceInterval()).isTrue();
        });
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aModelThatCannotStartIsAFailureWithItsReasonNotAHang(@TempDir Path work) throws Exception {
        JmhCaseRunner runner = new JmhCaseRunner(Path.of(System.getProperty("java.home"), "bin", "java"),
                HarnessSettings.defaults(), work, false);
        BenchmarkCase broken = new BenchmarkCase(Scenario.HELLO, "no-such-model", Map.of("connections", "1"),
                Timing.of(1, 0, 1, 1, 1));

        CaseOutcome outcome = runner.run(broken, "001-hello-broken");

        assertThat(outcome.throughput()).isEmpty();
        assertThat(outcome.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("unknown model 'no-such-model'"));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
