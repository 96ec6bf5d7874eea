package dev.concbench.reports.markdown;

import dev.concbench.reports.format.Numbers;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Short texts about runs and results shared by the Markdown renderers. */
final class Describe {

    /** Marks an invalid result. */
    static final String INVALID = "⚠";
    /** Marks a client-bound result (it measures the load client, not the server). */
    static final String CLIENT_BOUND = "◆";
    /** Marks a server that could not take the load: a finding about the model, not an invalid figure. */
    static final String OVERLOAD = "⊘";
    /** Explains the marks. */
    static final String LEGEND = INVALID + " invalid result, " + CLIENT_BOUND
            + " client-bound (measures the load client, not the server); ± is JMH's 99.9% confidence interval.";
    /** Explains the finding's mark, where there is one. */
    static final String OVERLOAD_LEGEND = OVERLOAD + " the server could not take the load: a finding about the"
            + " model, not an invalid figure.";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Describe() {
    }

    /** {@code commit 4be1c0de9a7f (dirty), 2025-03-01 14:05 UTC} */
    static String run(RunResult run) {
        var git = run.environment().git();
        return "commit " + git.shortCommit() + (git.dirty() ? " (dirty)" : "") + ", " + WHEN.format(run.startedAt());
    }

    /**
     * {@code AMD EPYC 7B13, 8 cores, 32 GiB (machine 3f9a1c0b2d4e)}, or both machines when the
     * servers ran on another one ({@link RunResult#machinesSummary()}, {@link RunResult#machineIdentity()}).
     */
    static String machine(RunResult run) {
        return run.machinesSummary() + " (machine `" + run.machineIdentity() + "`)";
    }

    static String duration(RunResult run) {
        return Numbers.duration(Duration.between(run.startedAt(), run.finishedAt()));
    }

    /**
     * The marks a result earns: {@code ⚠} or {@code ◆} for a figure that cannot be trusted, then
     * {@code ⊘} for a server that could not take the load; or nothing.
     */
    static String marks(BenchmarkResult result) {
        String flag = result.clientBound() ? CLIENT_BOUND : result.valid() ? "" : INVALID;
        String finding = result.overload() == null ? "" : OVERLOAD;
        return flag.isEmpty() || finding.isEmpty() ? flag + finding : flag + " " + finding;
    }

    /** Parameters without connections, or an empty string. */
    static String params(BenchmarkResult result) {
        return result.key().paramsText();
    }
}
