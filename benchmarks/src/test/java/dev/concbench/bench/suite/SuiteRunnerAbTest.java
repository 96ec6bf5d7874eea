package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.bench.Scenario;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole A/B path, kept short: the smoke suite narrowed to one model and its sleep scenario,
 * run against the same build ({@code --against self}): no client ceiling, then one case with two
 * servers whose windows alternate, recorded as sides A and B with their paired windows.
 */
class SuiteRunnerAbTest {

    @Test
    void aNarrowedSmokeSuiteRunsAbAndRecordsBothSidesWindowByWindow(@TempDir Path dir) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exit = SuiteRunner.run(new String[] {"--suite=smoke", "--models=pool", "--scenarios=sleep",
                "--against=self", "--results-dir=" + dir.resolve("results"), "--work-dir=" + dir.resolve("work")},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("A/B: side A is this build again", "B/A throughput");
        Path resultFile = Path.of(Files.readString(dir.resolve("work").resolve(SuiteRunner.LAST_RUN_FILE)).strip());
        RunResult run = ResultFiles.read(resultFile);
        assertThat(run.complete()).isTrue();
        assertThat(run.comparesBuilds()).isTrue();
        assertThat(run.abBaseline().self()).isTrue();
        assertThat(run.clientCeiling()).as("an A/B run judges its sides against each other").isNull();
        assertThat(run.results()).extracting(BenchmarkResult::side).containsExactly("A", "B");
        Timing sleep = SuitePreset.SMOKE.scenarios().stream().filter(plan -> plan.scenario() == Scenario.SLEEP)
                .findFirst().orElseThrow().abTiming();
        for (BenchmarkResult side : run.results()) {
            // Pairs of 0.5 s windows of 100 ms sleeps on 10 connections: about 50 answers each.
            assertThat(side.windows()).hasSize(sleep.measurementIterations()).allSatisfy(window -> {
                assertThat(window.requests()).isBetween(15L, 60L);
                assertThat(window.serverCpuSeconds()).isNotNull();
            });
            assertThat(side.latency().uncorrectedHistogram()).isNotBlank();
            assertThat(side.family()).isEqualTo("a thread per connection");
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void anAgainstThatNamesNothingIsAOneLineErrorWithExitTwo(@TempDir Path dir) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exit = SuiteRunner.run(new String[] {"--suite=smoke", "--models=pool", "--against=no-such-ref-xyz",
                "--results-dir=" + dir.resolve("results"), "--work-dir=" + dir.resolve("work")},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("concbench-bench: --against no-such-ref-xyz: not a"
                + " commit of this repository, nor the path of a checkout, nor 'self'\n");
    }
}
