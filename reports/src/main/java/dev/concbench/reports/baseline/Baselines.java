package dev.concbench.reports.baseline;

import dev.concbench.results.ResultFileException;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.ResultLayout;
import dev.concbench.results.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Baselines: one promoted run per machine, in {@code <results>/baseline/<machine-id>.json}.
 * A new result is compared with its machine's baseline; promoting makes a run the new baseline.
 */
public final class Baselines {

    private Baselines() {
    }

    /**
     * Makes a run its machine's baseline: reads it (so a damaged file is refused), checks that it
     * is complete, and writes it to {@code <resultsDirectory>/baseline/<machine-id>.json},
     * atomically (a reader sees the old baseline or the new one, never a part). The copy is in
     * the canonical format of {@link ResultFiles#write}; its content equals the original's.
     *
     * @return the baseline file written
     * @throws ResultFileException      if the file cannot be read as a result
     * @throws IllegalArgumentException if the run is incomplete
     * @throws IOException              if the baseline cannot be written
     */
    public static Path promote(Path resultFile, Path resultsDirectory) throws IOException {
        RunResult run = ResultFiles.read(resultFile);
        if (!run.complete()) {
            throw new IllegalArgumentException(resultFile + ": an incomplete run (" + run.incompleteReason()
                    + ") cannot become a baseline");
        }
        Path target = ResultLayout.baselineFile(resultsDirectory, run.machine().id());
        ResultFiles.write(target, run);
        return target;
    }

    /** The baseline of a machine, when there is one. */
    public static Optional<RunResult> find(Path resultsDirectory, String machineId) throws ResultFileException {
        Path file = ResultLayout.baselineFile(resultsDirectory, machineId);
        return Files.isRegularFile(file) ? Optional.of(ResultFiles.read(file)) : Optional.empty();
    }
}
