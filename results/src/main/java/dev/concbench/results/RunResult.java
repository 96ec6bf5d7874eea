package dev.concbench.results;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;
import java.util.Objects;

/**
 * One benchmark run: the root of a result file. See {@code results/README.md} for the file
 * format; {@link ResultFiles} reads and writes it.
 *
 * <p>Null rule: a field documented as nullable is written as an explicit JSON {@code null}, never
 * left out; lists and maps are never null (empty instead); every other field is required.
 *
 * @param schema           the file format version, {@value #SCHEMA_VERSION} for this reader
 * @param complete         false when the run was interrupted; the results then hold what finished
 * @param incompleteReason why the run stopped early; {@code null} exactly when complete
 * @param suite            the suite that ran
 * @param startedAt        when the run started (UTC instant)
 * @param finishedAt       when the run finished or was interrupted (UTC instant)
 * @param machine          the machine it ran on: the load client's, and the server's too unless
 *                         {@code serverMachine} says otherwise
 * @param serverMachine    the machine the servers ran on when it was another one (over SSH), or
 *                         {@code null} when they ran on {@code machine}
 * @param environment      versions, flags, commit and CPU pinning (of the working tree: side B in
 *                         an A/B run)
 * @param abBaseline       in an A/B run, the baseline build (side A); {@code null} in a plain run
 * @param clientCeiling    the load client's own ceiling; {@code null} in an A/B run (its sides are
 *                         judged against each other) and in an incomplete run stopped before it
 *                         was measured
 * @param unavailableModels models left out of the run, with the reason: they cannot run on this
 *                         machine (e.g. io_uring refused by the kernel), or the suite leaves them
 *                         out of an A/B run; sorted by name
 * @param results          one entry per benchmark × model × scenario × parameters (× side in an A/B
 *                         run), keys unique
 * @param jmhRawFile       file name of JMH's own JSON output kept beside this file, or {@code null}
 * @param sweeps           the open-loop rate sweeps (capacity searches and latency curves), one per
 *                         model × scenario × parameters (× side), keys unique; empty in files of schema 1–3
 */
public record RunResult(int schema, boolean complete, String incompleteReason, Suite suite, Instant startedAt,
                        Instant finishedAt, MachineInfo machine, MachineInfo serverMachine, Environment environment,
                        AbBaseline abBaseline,
                        ClientCeiling clientCeiling, Map<String, String> unavailableModels,
                        List<BenchmarkResult> results, String jmhRawFile, List<RateSweep> sweeps) {

    /** The schema version this code reads and writes. */
    public static final int SCHEMA_VERSION = 4;

    public RunResult {
        if (schema != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schema must be " + SCHEMA_VERSION + ", got " + schema);
        }
        if (complete != (incompleteReason == null)) {
            throw new IllegalArgumentException(complete
                    ? "a complete run must have incompleteReason null"
                    : "an incomplete run needs an incompleteReason");
        }
        if (incompleteReason != null) {
            Checks.notBlank(incompleteReason, "incompleteReason");
        }
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt " + finishedAt + " is before startedAt " + startedAt);
        }
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(environment, "environment");
        if (complete && clientCeiling == null && abBaseline == null) {
            throw new IllegalArgumentException("a complete run must record its clientCeiling (only an A/B run has none)");
        }
        var unavailable = new TreeMap<String, String>();
        Objects.requireNonNullElse(unavailableModels, Map.<String, String>of()).forEach((model, reason) -> {
            Checks.notBlank(model, "unavailableModels key");
            unavailable.put(model, Checks.notBlank(reason, "unavailableModels reason of " + model));
        });
        unavailableModels = Collections.unmodifiableSortedMap(unavailable);
        results = List.copyOf(Objects.requireNonNullElse(results, List.of()));
        var keys = new HashSet<BenchmarkKey>();
        for (BenchmarkResult result : results) {
            if (!keys.add(result.key())) {
                throw new IllegalArgumentException("results hold " + result.key() + " twice");
            }
        }
        sweeps = List.copyOf(Objects.requireNonNullElse(sweeps, List.of()));
        var sweepKeys = new HashSet<String>();
        for (RateSweep sweep : sweeps) {
            if (!sweepKeys.add(sweep.key())) {
                throw new IllegalArgumentException("sweeps hold " + sweep.key() + " twice");
            }
        }
        if (jmhRawFile != null && (jmhRawFile.isBlank() || jmhRawFile.contains("/") || jmhRawFile.contains("\\")
                || jmhRawFile.startsWith(".."))) {
            throw new IllegalArgumentException("jmhRawFile must be a plain file name beside the result file, got \""
                    + jmhRawFile + "\"");
        }
    }

    /**
     * The identity runs are compared and stored by: the machine's id, or for a run whose servers ran
     * on another machine the pair, {@code CLIENT-server-SERVER} (e.g. {@code 3f9a1c0b2d4e-server-77c0de5a1b2f}),
     * so that a two-machine run is never taken for a one-machine run of either.
     */
    public String machineIdentity() {
        return serverMachine == null ? machine.id() : machine.id() + "-server-" + serverMachine.id();
    }

    /**
     * The machine's {@link MachineInfo#summary()}, or both machines', e.g. {@code client AMD EPYC
     * 7B13, 2 cores, 8 GiB; server Intel Xeon E-2388G, 16 cores, 64 GiB}.
     */
    public String machinesSummary() {
        return serverMachine == null ? machine.summary()
                : "client " + machine.summary() + "; server " + serverMachine.summary();
    }

    /** Whether this is an A/B run: each case measured on two builds' servers, windows alternating. */
    public boolean comparesBuilds() {
        return abBaseline != null;
    }

    /** This run with another JMH raw file name (e.g. when a copy is stored under another name). */
    public RunResult withJmhRawFile(String name) {
        return new RunResult(schema, complete, incompleteReason, suite, startedAt, finishedAt, machine, serverMachine,
                environment, abBaseline, clientCeiling, unavailableModels, results, name, sweeps);
    }
}
