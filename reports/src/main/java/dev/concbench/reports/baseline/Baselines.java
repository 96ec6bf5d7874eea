package dev.concbench.reports.baseline;

import dev.concbench.results.AtomicFiles;
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
     * What {@link #promote} wrote.
     *
     * @param baseline          the baseline result file
     * @param jmhRawFile        JMH's raw JSON copied beside it, or {@code null} when the run kept none
     * @param missingJmhRawFile the raw file the run names but which was not there, or {@code null}
     */
    public record Promoted(Path baseline, Path jmhRawFile, Path missingJmhRawFile) {
    }

    /**
     * Makes a run its machine's baseline: reads it (so a damaged file is refused), checks that it
     * is complete, and writes it to {@code <resultsDirectory>/baseline/<machine-id>.json},
     * atomically (a reader sees the old baseline or the new one, never a part). The copy is in
     * the canonical format of {@link ResultFiles#write}. JMH's raw JSON, when the run names one,
     * is copied beside it as {@code <machine-id>.jmh.json} and the copy names that file; a raw
     * file the run names but which is gone leaves the baseline without one (reported, not fatal).
     * A raw file of an earlier baseline is removed when the new one has none.
     *
     * @throws ResultFileException      if the file cannot be read as a result
     * @throws IllegalArgumentException if the run is incomplete
     * @throws IOException              if the baseline cannot be written
     */
    public static Promoted promote(Path resultFile, Path resultsDirectory) throws IOException {
        RunResult run = ResultFiles.read(resultFile);
        if (!run.complete()) {
            throw new IllegalArgumentException(resultFile + ": an incomplete run (" + run.incompleteReason()
                    + ") cannot become a baseline");
        }
        Path target = ResultLayout.baselineFile(resultsDirectory, run.machineIdentity());
        Path rawTarget = target.resolveSibling(run.machineIdentity() + ".jmh.json");
        Path rawSource = run.jmhRawFile() == null ? null : resultFile.resolveSibling(run.jmhRawFile());
        if (rawSource != null && Files.isRegularFile(rawSource)) {
            AtomicFiles.write(rawTarget, Files.readAllBytes(rawSource));
            ResultFiles.write(target, run.withJmhRawFile(rawTarget.getFileName().toString()));
            return new Promoted(target, rawTarget, null);
        }
        ResultFiles.write(target, run.withJmhRawFile(null));
        Files.deleteIfExists(rawTarget);
        return new Promoted(target, null, rawSource);
    }

    /** The baseline of a machine, when there is one. */
    public static Optional<RunResult> find(Path resultsDirectory, String machineId) throws ResultFileException {
        Path file = ResultLayout.baselineFile(resultsDirectory, machineId);
        return Files.isRegularFile(file) ? Optional.of(ResultFiles.read(file)) : Optional.empty();
    }
}
