package dev.concbench.results;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where result files live under a results directory (normally {@code results/} in the
 * repository): runs in {@code runs/<machine-id>/<UTC timestamp>-<commit>.json}, baselines in
 * {@code baseline/<machine-id>.json}, where a run whose servers ran on another machine has the
 * pair's id ({@link RunResult#machineIdentity()}).
 */
public final class ResultLayout {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ResultLayout() {
    }

    /** The file a run is stored in, e.g. {@code runs/3f9a1c0b2d4e/20250101T120000Z-0123456789ab.json}. */
    public static Path runFile(Path resultsDirectory, RunResult run) {
        return resultsDirectory.resolve("runs").resolve(run.machineIdentity()).resolve(runFileName(run));
    }

    /** {@code <UTC start, yyyyMMddTHHmmssZ>-<12-digit commit or "nocommit">.json}. */
    public static String runFileName(RunResult run) {
        return TIMESTAMP.format(run.startedAt()) + "-" + run.environment().git().shortCommit() + ".json";
    }

    /** The baseline file of a machine (or pair of machines: {@link RunResult#machineIdentity()}). */
    public static Path baselineFile(Path resultsDirectory, String machineId) {
        return resultsDirectory.resolve("baseline").resolve(machineId + ".json");
    }
}
