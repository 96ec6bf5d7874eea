package dev.concbench.reports.support;

import dev.concbench.results.MachineInfo;
import dev.concbench.results.ResultFileException;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-modelled result files under src/test/resources/fixtures and the golden files. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture's path on disk, e.g. {@code compare/baseline.json}. */
    public static Path path(String name) {
        URL url = Fixtures.class.getClassLoader().getResource("fixtures/" + name);
        assertThat(url).as("fixture " + name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static RunResult run(String name) {
        try {
            return ResultFiles.read(path(name));
        } catch (ResultFileException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code actual} equals the golden file {@code golden/<name>}; on a difference
     * the actual text is kept in {@code target/golden-actual/<name>} for review.
     */
    public static void assertGolden(String actual, String name) {
        URL url = Fixtures.class.getClassLoader().getResource("golden/" + name);
        String expected = "";
        try {
            if (url != null) {
                expected = Files.readString(Path.of(url.toURI()), StandardCharsets.UTF_8);
            }
            if (!expected.equals(actual)) {
                Path kept = Path.of("target", "golden-actual", name);
                Files.createDirectories(kept.getParent());
                Files.writeString(kept, actual, StandardCharsets.UTF_8);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        assertThat(url).as("golden file golden/" + name + " (actual output kept in target/golden-actual/)").isNotNull();
        assertThat(actual).as("golden/" + name + " (actual output kept in target/golden-actual/" + name + ")")
                .isEqualTo(expected);
    }

    /** The run as if its servers had run on that machine (over SSH). */
    public static RunResult withServerMachine(RunResult run, MachineInfo serverMachine) {
        return new RunResult(run.schema(), run.complete(), run.incompleteReason(), run.suite(), run.startedAt(),
                run.finishedAt(), run.machine(), serverMachine, run.environment(), run.abBaseline(), run.clientCeiling(),
                run.unavailableModels(), run.results(), run.jmhRawFile(), run.sweeps());
    }
}
