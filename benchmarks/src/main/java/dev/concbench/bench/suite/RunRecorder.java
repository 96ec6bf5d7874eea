package dev.concbench.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.concbench.results.AbBaseline;
import dev.concbench.results.AtomicFiles;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ClientCeiling;
import dev.concbench.results.Environment;
import dev.concbench.results.MachineInfo;
import dev.concbench.results.RateSweep;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.ResultLayout;
import dev.concbench.results.RunResult;
import dev.concbench.results.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result file of one run, rewritten atomically after every benchmark so that what finished is
 * kept whatever happens next. Until {@link #complete()} the file says it is incomplete, with the
 * reason: still running, interrupted, or failed. JMH's own JSON entries are kept beside it in
 * {@code <name>.jmh.json}, rewritten the same way.
 *
 * <p>Thread-safe: the runner's thread and the shutdown hook may both write.
 */
final class RunRecorder {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Suite suite;
    private final Instant startedAt;
    private final MachineInfo machine;
    private final MachineInfo serverMachine;
    private final Environment environment;
    private final AbBaseline abBaseline;
    private final Map<String, String> unavailableModels;
    private final Path resultFile;
    private final Path rawFile;
    private final int planned;
    private final List<BenchmarkResult> results = new ArrayList<>();
    private final List<RateSweep> sweeps = new ArrayList<>();
    private final ArrayNode raw = JSON.createArrayNode();
    private ClientCeiling ceiling;
    private boolean complete;
    private String incompleteReason;

    /**
     * @param serverMachine     the machine the servers run on when it is another (over SSH), else {@code null}
     * @param abBaseline        the baseline of an A/B run, {@code null} for a plain run
     * @param unavailableModels models left out because they cannot run here, with the reason
     */
    RunRecorder(Path resultsDirectory, Suite suite, Instant startedAt, MachineInfo machine, MachineInfo serverMachine,
                Environment environment, AbBaseline abBaseline, Map<String, String> unavailableModels, int planned) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.serverMachine = serverMachine;
        this.environment = Objects.requireNonNull(environment, "environment");
        this.abBaseline = abBaseline;
        this.unavailableModels = Map.copyOf(unavailableModels);
        this.planned = planned;
        this.resultFile = ResultLayout.runFile(resultsDirectory, snapshot(false, "starting"));
        String name = resultFile.getFileName().toString();
        this.rawFile = resultFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".jmh.json");
        this.incompleteReason = "running: no benchmark finished yet";
    }

    Path resultFile() {
        return resultFile;
    }

    /** Records the client ceiling and writes the file (still incomplete). */
    synchronized void ceiling(ClientCeiling clientCeiling) throws IOException {
        this.ceiling = clientCeiling;
        write();
    }

    /**
     * Records the results so far, judged against this ceiling (earlier results may have been
     * judged again: they keep their order), and JMH's entries for the newest, and writes both
     * files (still incomplete).
     */
    synchronized void record(ClientCeiling clientCeiling, List<BenchmarkResult> all, List<JsonNode> newJmhEntries)
            throws IOException {
        if (complete) {
            throw new IllegalStateException("the run is complete");
        }
        if (all.size() < results.size()) {
            throw new IllegalArgumentException("results are never dropped: had " + results.size() + ", got "
                    + all.size());
        }
        ceiling = clientCeiling;
        results.clear();
        results.addAll(all);
        newJmhEntries.forEach(raw::add);
        incompleteReason = "running: " + results.size() + " of " + planned + " benchmarks finished";
        AtomicFiles.write(rawFile, JSON.writeValueAsBytes(raw));
        write();
    }

    /** Adds a finished sweep (one per side in an A/B run) and writes the file (still incomplete). */
    synchronized void recordSweeps(List<RateSweep> finished) throws IOException {
        if (complete) {
            throw new IllegalStateException("the run is complete");
        }
        sweeps.addAll(finished);
        incompleteReason = "running: " + results.size() + " benchmark results and " + sweeps.size()
                + " sweeps recorded";
        write();
    }

    /** Marks the run complete and writes the file for the last time. */
    synchronized void complete() throws IOException {
        complete = true;
        incompleteReason = null;
        write();
    }

    /**
     * Marks the run incomplete for this reason and writes the file, unless it is already complete.
     * Never throws: it runs on the way out of a failing or interrupted run.
     *
     * @return whether the file was written
     */
    synchronized boolean incomplete(String reason) {
        if (complete) {
            return false;
        }
        incompleteReason = reason + " after " + results.size() + " of " + planned + " benchmarks"
                + (sweeps.isEmpty() ? "" : " and " + sweeps.size() + " sweeps");
        try {
            write();
            return true;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("concbench-bench: could not mark " + resultFile + " incomplete: " + e.getMessage());
            return false;
        }
    }

    synchronized boolean isComplete() {
        return complete;
    }

    private void write() throws IOException {
        ResultFiles.write(resultFile, snapshot(complete, incompleteReason));
    }

    private RunResult snapshot(boolean done, String reason) {
        Instant now = Instant.now();
        return new RunResult(RunResult.SCHEMA_VERSION, done, done ? null : reason, suite, startedAt,
                now.isBefore(startedAt) ? startedAt : now, machine, serverMachine, environment, abBaseline, ceiling,
                unavailableModels, results,
                raw.isEmpty() ? null : rawFile.getFileName().toString(), sweeps);
    }
}
