package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.bench.HarnessSettings;
import dev.concbench.bench.Scenario;
import dev.concbench.bench.trial.TrialRecord;
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
                List.of("-Xmx128m", "--enable-native-access=ALL-UNNAMED"), 1, Duration.ZERO);
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
        assertThat(trial.measurement().iterations()).isEqualTo(1);
        // The lead-in is load before the window, never part of it.
        assertThat(trial.measurement().windowSeconds()).isCloseTo(1.0, within(0.05));
        assertThat(trial.measurement().requests()).isPositive();
        assertThat(trial.resources().peakThreads()).isPositive();
        assertThat(trial.resources().cpuSeconds()).isPositive();
        assertThat(trial.server().startInfo()).containsKey("workers");
        // JMH's figure is the client's own rate over its measured window (connection set-up and
        // tear-down scaled out), up to JMH's loop and a busy machine's scheduling: within 5 %.
        double clientRate = trial.measurement().windowRates().getFirst();
        assertThat(outcome.throughput().get().score()).isCloseTo(clientRate, within(clientRate * 0.05));
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
