package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.bench.server.CpuList;
import dev.concbench.results.RateSweep;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;
import dev.concbench.results.SweepMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's sweep stage, kept short: the quick suite narrowed to one model, its sleep scenario
 * and 4 connections runs the blog's benchmark, then the capacity search of a 1 ms sleep, printed
 * step by step and recorded with every step; the runner, pinned to the client's CPU for the sweep,
 * gets its CPUs back.
 */
class SuiteRunnerSweepTest {

    @Test
    void aNarrowedQuickSuiteSearchesTheCapacityAndRecordsEveryStep(@TempDir Path dir) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var before = CpuList.ofThisProcess();

        int exit = SuiteRunner.run(new String[] {"--suite=quick", "--models=pool", "--scenarios=sleep",
                "--connections=4", "--server-cpus=1", "--client-cpus=0", "--results-dir=" + dir.resolve("results"),
                "--work-dir=" + dir.resolve("work")},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("1 benchmarks and 1 rate sweeps", "[2/2] capacity sleep model=pool connections=4"
                + " ms=1 (p99<10ms)", "step 1: 100/s offered", "capacity at p99<10ms [");
        Path resultFile = Path.of(Files.readString(dir.resolve("work").resolve(SuiteRunner.LAST_RUN_FILE)).strip());
        RunResult run = ResultFiles.read(resultFile);
        assertThat(run.complete()).isTrue();
        assertThat(run.results()).hasSize(1);
        assertThat(run.sweeps()).singleElement().satisfies(sweep -> {
            assertThat(sweep.model()).isEqualTo("pool");
            assertThat(sweep.params()).isEqualTo(Map.of("connections", "4", "ms", "1"));
            assertThat(sweep.mode()).isEqualTo(SweepMode.SEARCH);
            assertThat(sweep.steps()).isNotEmpty().allSatisfy(step -> assertThat(step.seconds()).isPositive());
            assertThat(sweep.steps().getFirst().offeredRate()).isEqualTo(100);
            assertThat(sweep.resources()).isNotNull();
            assertThat(printed).contains(sweep.capacity().outcome().label());
        });
        assertThat(run.sweeps()).extracting(RateSweep::family).containsExactly("a thread per connection");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(CpuList.ofThisProcess()).as("the runner pinned itself for the sweeps, then gave its CPUs back")
                .isEqualTo(before);
    }
}
