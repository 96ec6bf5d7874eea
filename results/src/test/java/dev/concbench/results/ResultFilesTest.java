package dev.concbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheGoldenFileByteForByte() throws IOException {
        Path file = dir.resolve("run.json");
        ResultFiles.write(file, SampleRuns.sample());

        byte[] actual = Files.readAllBytes(file);
        byte[] expected = golden("golden/run.json");
        if (!java.util.Arrays.equals(actual, expected)) {
            Path kept = Path.of("target", "golden-actual", "run.json");
            Files.createDirectories(kept.getParent());
            Files.write(kept, actual);
        }
        assertThat(new String(actual, StandardCharsets.UTF_8))
                .as("written file (kept in target/golden-actual/run.json when it differs)")
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = dir.resolve("run.json");
        RunResult run = SampleRuns.sample();
        ResultFiles.write(file, run);

        assertThat(ResultFiles.read(file)).isEqualTo(run);
    }

    @Test
    void readsTheGoldenFile() throws IOException {
        Path file = dir.resolve("golden.json");
        Files.write(file, golden("golden/run.json"));

        assertThat(ResultFiles.read(file)).isEqualTo(SampleRuns.sample());
    }

    @Test
    void readsASchema1FileAsSchema4WithTheAddedFieldsEmpty() throws IOException {
        Path file = dir.resolve("schema1.json");
        Files.write(file, golden("golden/run-schema1.json"));

        RunResult run = ResultFiles.read(file);

        assertThat(run.schema()).isEqualTo(4);
        assertThat(run.serverMachine()).isNull();
        assertThat(run.results()).hasSize(2).allSatisfy(result -> {
            assertThat(result.client()).isNull();
            assertThat(result.errors().malformed()).isZero();
            assertThat(result.windows()).isEmpty();
        });
        // Everything schema 1 had reads as before.
        RunResult sample = SampleRuns.sample();
        assertThat(run.results().getFirst().fairness()).isEqualTo(sample.results().getFirst().fairness());
        assertThat(run.results().getFirst().errors().timeout()).isEqualTo(2);
        assertThat(run.environment()).isEqualTo(sample.environment());
    }

    @Test
    void readsASchema2FileAsSchema4WithTheAddedFieldsEmpty() throws IOException {
        Path file = dir.resolve("schema2.json");
        Files.write(file, golden("golden/run-schema2.json"));

        RunResult run = ResultFiles.read(file);

        assertThat(run.schema()).isEqualTo(4);
        assertThat(run.serverMachine()).isNull();
        assertThat(run.comparesBuilds()).isFalse();
        assertThat(run.unavailableModels()).isEmpty();
        assertThat(run.results()).hasSize(2).allSatisfy(result -> {
            assertThat(result.side()).isNull();
            assertThat(result.family()).isNull();
            assertThat(result.reference()).isFalse();
            assertThat(result.windows()).isEmpty();
            assertThat(result.extras()).isEmpty();
            assertThat(result.latency().uncorrectedHistogram()).isNull();
            assertThat(result.fairness().gaveUpConnections()).isZero();
        });
        RunResult sample = SampleRuns.sample();
        assertThat(run.results().getFirst().latency().uncorrected())
                .isEqualTo(sample.results().getFirst().latency().uncorrected());
        assertThat(run.results().getFirst().throughput()).isEqualTo(sample.results().getFirst().throughput());
    }

    @Test
    void readsASchema3FileAsSchema4WithNoSweepAndNoOverload() throws IOException {
        Path file = dir.resolve("schema3.json");
        Files.write(file, golden("golden/run-schema3.json"));

        RunResult run = ResultFiles.read(file);

        assertThat(run.schema()).isEqualTo(4);
        assertThat(run.sweeps()).isEmpty();
        assertThat(run.results()).hasSize(2).allSatisfy(result -> assertThat(result.overload()).isNull());
        RunResult sample = SampleRuns.sample();
        assertThat(run.results().getFirst()).isEqualTo(sample.results().getFirst());
        assertThat(run.abBaseline()).isEqualTo(sample.abBaseline());
    }

    @Test
    void readsAFileOfBeforeTheServerMachineAsOneWhoseServersRanOnItsMachine() throws IOException {
        Path file = dir.resolve("one-machine.json");
        Files.write(file, golden("golden/run-schema3.json"));

        RunResult run = ResultFiles.read(file);

        assertThat(run.serverMachine()).isNull();
        assertThat(run.machineIdentity()).isEqualTo(run.machine().id());
    }

    @Test
    void aSchema1FileStillFailsOnWhatSchema1Required() throws IOException {
        Path file = dir.resolve("schema1-missing.json");
        Files.writeString(file, new String(golden("golden/run-schema1.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"peakRssBytes\": 212860928,", ""));
        assertProblem(file, ResultFileException.Problem.INVALID,
                file + ": invalid result: results[0].resources: missing field \"peakRssBytes\"");
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("runs/abc/run.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");

        ResultFiles.write(file, SampleRuns.sample());

        assertThat(ResultFiles.read(file)).isEqualTo(SampleRuns.sample());
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("child"));

        assertThatThrownBy(() -> ResultFiles.write(target, SampleRuns.sample())).isInstanceOf(IOException.class);

        assertThat(target.resolve("child")).isDirectory();
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.json");
        assertProblem(file, ResultFileException.Problem.MISSING, file + ": no such file");
    }

    @Test
    void truncatedFile() throws IOException {
        String json = ResultFiles.toJson(SampleRuns.sample());
        Path file = dir.resolve("truncated.json");
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertProblem(file, ResultFileException.Problem.TRUNCATED, file + ": truncated JSON (input ends at line");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.json"));
        assertProblem(file, ResultFileException.Problem.TRUNCATED, file + ": empty file");
    }

    @Test
    void notJson() throws IOException {
        Path file = dir.resolve("page.json");
        Files.writeString(file, "<html><body>502 Bad Gateway</body></html>\n");
        assertProblem(file, ResultFileException.Problem.NOT_JSON, file + ": not JSON at line 1, column");
    }

    @Test
    void trailingGarbage() throws IOException {
        Path file = dir.resolve("twice.json");
        String json = ResultFiles.toJson(SampleRuns.sample());
        Files.writeString(file, json + json);
        assertProblem(file, ResultFileException.Problem.NOT_JSON, file + ": not JSON");
    }

    @Test
    void jsonThatIsNotAResult() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"benchmark\": \"x\"}");
        assertProblem(file, ResultFileException.Problem.NOT_A_RESULT, file + ": not a concbench result file");
    }

    @Test
    void newerSchema() throws IOException {
        Path file = dir.resolve("future.json");
        Files.writeString(file, ResultFiles.toJson(SampleRuns.sample()).replace("\"schema\": 4,", "\"schema\": 5,"));
        assertProblem(file, ResultFileException.Problem.UNSUPPORTED_SCHEMA,
                file + ": schema version 5 is newer than this concbench reads (4); use a newer concbench");
    }

    @Test
    void olderSchemaThanAnyThisReads() throws IOException {
        Path file = dir.resolve("ancient.json");
        Files.writeString(file, ResultFiles.toJson(SampleRuns.sample()).replace("\"schema\": 4,", "\"schema\": 0,"));
        assertProblem(file, ResultFileException.Problem.UNSUPPORTED_SCHEMA,
                file + ": schema version 0 is not one this concbench reads (1 to 4)");
    }

    @Test
    void missingFieldNamesItsPath() throws IOException {
        Path file = dir.resolve("missing-field.json");
        Files.writeString(file, ResultFiles.toJson(SampleRuns.sample())
                .replace("\"peakRssBytes\": 212860928,", ""));
        assertProblem(file, ResultFileException.Problem.INVALID,
                file + ": invalid result: results[0].resources: missing field \"peakRssBytes\"");
    }

    @Test
    void unknownFieldNamesItsPath() throws IOException {
        Path file = dir.resolve("unknown-field.json");
        Files.writeString(file, ResultFiles.toJson(SampleRuns.sample())
                .replace("\"peakRssBytes\":", "\"rssKb\": 1, \"peakRssBytes\":"));
        assertProblem(file, ResultFileException.Problem.INVALID,
                file + ": invalid result: results[0].resources: unknown field \"rssKb\"");
    }

    @Test
    void failedRecordCheckNamesItsPath() throws IOException {
        Path file = dir.resolve("inconsistent.json");
        Files.writeString(file, ResultFiles.toJson(SampleRuns.sample())
                .replace("\"valid\": false,", "\"valid\": true,"));
        assertProblem(file, ResultFileException.Problem.INVALID,
                file + ": invalid result: results[1]: valid is true but invalidReasons has 2 entries");
    }

    @Test
    void badInstant() throws IOException {
        Path file = dir.resolve("instant.json");
        Files.writeString(file, ResultFiles.toJson(SampleRuns.sample())
                .replace("2025-03-01T10:15:30Z", "yesterday"));
        assertProblem(file, ResultFileException.Problem.INVALID, file + ": invalid result: startedAt: ");
    }

    @Test
    void layoutNamesRunAndBaselineFiles() {
        Path results = Path.of("results");
        assertThat(ResultLayout.runFile(results, SampleRuns.sample()))
                .isEqualTo(Path.of("results/runs/3f9a1c0b2d4e-server-77c0de5a1b2f/20250301T101530Z-0123456789ab.json"));
        assertThat(ResultLayout.baselineFile(results, "3f9a1c0b2d4e"))
                .isEqualTo(Path.of("results/baseline/3f9a1c0b2d4e.json"));
    }

    private static void assertProblem(Path file, ResultFileException.Problem problem, String messageStart) {
        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOfSatisfying(ResultFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage()).startsWith(messageStart).doesNotContain("\n");
                });
    }

    private static byte[] golden(String resource) throws IOException {
        try (InputStream in = ResultFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("test resource " + resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
