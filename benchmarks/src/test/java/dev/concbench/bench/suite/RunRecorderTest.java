package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    @Test
    void keepsWhatFinishedAndSaysTheRunIsIncompleteUntilItEnds(@TempDir Path results) throws Exception {
        RunRecorder recorder = RecorderFixtures.recorder(results, 5);
        assertThat(recorder.resultFile()).isEqualTo(
                results.resolve("runs/test-machine/20260102T030405Z-0123456789ab.json"));

        recorder.ceiling(RecorderFixtures.CEILING);
        var pool = RecorderFixtures.result("pool", 1000);
        var thread = RecorderFixtures.result("thread", 2000);
        recorder.record(RecorderFixtures.CEILING, List.of(pool), List.of(JsonNodeFactory.instance.objectNode()));
        recorder.record(RecorderFixtures.CEILING, List.of(pool, thread), List.of(JsonNodeFactory.instance.objectNode()));

        RunResult running = ResultFiles.read(recorder.resultFile());
        assertThat(running.complete()).isFalse();
        assertThat(running.incompleteReason()).isEqualTo("running: 2 of 5 benchmarks finished");
        assertThat(running.results()).extracting(r -> r.model()).containsExactly("pool", "thread");
        assertThat(running.jmhRawFile()).isEqualTo("20260102T030405Z-0123456789ab.jmh.json");
        assertThat(new ObjectMapper().readTree(recorder.resultFile().resolveSibling(running.jmhRawFile()).toFile()))
                .hasSize(2);

        assertThat(recorder.incomplete("the runner failed (boom)")).isTrue();
        RunResult failed = ResultFiles.read(recorder.resultFile());
        assertThat(failed.complete()).isFalse();
        assertThat(failed.incompleteReason()).isEqualTo("the runner failed (boom) after 2 of 5 benchmarks");
        assertThat(failed.results()).hasSize(2);
    }

    @Test
    void aCompleteRunStaysComplete(@TempDir Path results) throws Exception {
        RunRecorder recorder = RecorderFixtures.recorder(results, 1);
        recorder.ceiling(RecorderFixtures.CEILING);
        recorder.record(RecorderFixtures.CEILING, List.of(RecorderFixtures.result("pool", 1000)), List.of());
        assertThatThrownBy(() -> recorder.record(RecorderFixtures.CEILING, List.of(), List.of()))
                .hasMessageContaining("never dropped");
        recorder.complete();

        assertThat(recorder.incomplete("interrupted")).isFalse();
        RunResult done = ResultFiles.read(recorder.resultFile());
        assertThat(done.complete()).isTrue();
        assertThat(done.incompleteReason()).isNull();
        assertThat(done.clientCeiling()).isEqualTo(RecorderFixtures.CEILING);
        try (var files = Files.list(recorder.resultFile().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aSignalledRunKeepsItsResultsAndSaysItWasInterrupted(@TempDir Path results) throws Exception {
        Process probe = startProbe(results);
        try {
            Path file = awaitReady(probe);
            probe.destroy(); // SIGTERM: the shutdown hook runs
            assertThat(probe.waitFor(20, TimeUnit.SECONDS)).isTrue();

            RunResult run = ResultFiles.read(file);
            assertThat(run.complete()).isFalse();
            assertThat(run.incompleteReason()).isEqualTo("interrupted (SIGINT, SIGTERM or exit) after 1 of 3 benchmarks");
            assertThat(run.results()).hasSize(1);
        } finally {
            probe.destroyForcibly();
        }
    }

    @Test
    void aKilledRunLeavesAReadableFileMarkedIncomplete(@TempDir Path results) throws Exception {
        Process probe = startProbe(results);
        try {
            Path file = awaitReady(probe);
            probe.destroyForcibly(); // SIGKILL: nothing runs on the way out
            assertThat(probe.waitFor(20, TimeUnit.SECONDS)).isTrue();

            RunResult run = ResultFiles.read(file);
            assertThat(run.complete()).isFalse();
            assertThat(run.incompleteReason()).isEqualTo("running: 1 of 3 benchmarks finished");
            assertThat(run.results()).hasSize(1);
        } finally {
            probe.destroyForcibly();
        }
    }

    private static Process startProbe(Path results) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecorderProbe.class.getName(), results.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Path awaitReady(Process probe) throws Exception {
        String line = new BufferedReader(new InputStreamReader(probe.getInputStream())).readLine();
        assertThat(line).startsWith("ready ");
        return Path.of(line.substring("ready ".length()));
    }
}
