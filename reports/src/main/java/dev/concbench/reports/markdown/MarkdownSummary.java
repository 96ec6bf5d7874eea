package dev.concbench.reports.markdown;

import dev.concbench.reports.compare.BenchmarkComparison;
import dev.concbench.reports.compare.Comparison;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.figures.RunFigures;
import dev.concbench.reports.figures.ScenarioGroup;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run as Markdown for a CI job summary: the environment, a headline table (model × scenario,
 * each model's best throughput over connections), the capacity brackets of the run's sweeps, every
 * flagged result, the servers that could not take the load (findings, not flags), connections left
 * starving, and, given a comparison, the largest changes against the baseline.
 */
public final class MarkdownSummary {

    /** How many changes the summary lists. */
    static final int TOP_CHANGES = 5;

    private MarkdownSummary() {
    }

    /** Renders a run alone. */
    public static String render(RunResult run) {
        return render(run, null);
    }

    /**
     * Renders a run and, when {@code comparison} is not null, its top changes.
     *
     * @param comparison a comparison whose candidate is {@code run}, or {@code null}
     */
    public static String render(RunResult run, Comparison comparison) {
        if (comparison != null && comparison.candidate() != run) {
            throw new IllegalArgumentException("the comparison's candidate is not this run");
        }
        var figures = RunFigures.of(run);
        var out = new StringBuilder();
        out.append("## concbench ").append(run.suite().label()).append(" suite on ")
                .append(run.machinesSummary()).append("\n\n");
        out.append(Describe.run(run)).append(", ").append(Describe.duration(run))
                .append(" · machine `").append(run.machineIdentity()).append("`")
                .append(" · JDK ").append(run.environment().serverJvm().version())
                .append(" · JMH ").append(run.environment().jmhVersion()).append("\n\n");
        if (run.clientCeiling() != null) {
            var c = run.clientCeiling();
            out.append("Client ceiling: **").append(Numbers.compact(c.requestsPerSecond())).append(" req/s** (")
                    .append(c.model()).append(", ").append(c.scenario()).append(", ").append(c.connections())
                    .append(" connections).\n\n");
        } else {
            out.append("Client ceiling: **not measured**; client-bound results cannot be recognised.\n\n");
        }
        if (!run.complete()) {
            out.append("> **Incomplete run:** ").append(run.incompleteReason()).append("\n\n");
        }
        headline(out, figures);
        out.append(MarkdownCapacity.run(run.sweeps()));
        flags(out, figures);
        if (comparison != null) {
            changes(out, comparison);
        }
        return out.toString();
    }

    private static void headline(StringBuilder out, RunFigures figures) {
        out.append("### Throughput, ops/s (each model's best over connections)\n\n");
        if (figures.groups().isEmpty()) {
            out.append("No results.\n\n");
            return;
        }
        var groups = new ArrayList<>(figures.groups().keySet());
        var headers = new ArrayList<String>();
        headers.add("model");
        groups.forEach(g -> headers.add(g.label() + ">"));
        var table = new MarkdownTable(headers.toArray(String[]::new));
        for (String model : figures.models()) {
            var row = new ArrayList<String>();
            row.add(model);
            for (ScenarioGroup group : groups) {
                row.add(figures.best(group, model)
                        .map(r -> Numbers.withError(r.throughput().score(), r.throughput().scoreError())
                                + r.connections().stream().mapToObj(c -> " @" + c + "c").findFirst().orElse("")
                                + (Describe.marks(r).isEmpty() ? "" : " " + Describe.marks(r)))
                        .orElse("–"));
            }
            table.row(row);
        }
        out.append(table.render()).append('\n');
        out.append("@Nc: the connection count of that figure. ").append(Describe.LEGEND)
                .append(figures.overloaded().isEmpty() ? "" : " " + Describe.OVERLOAD_LEGEND).append("\n\n");
    }

    private static void flags(StringBuilder out, RunFigures figures) {
        List<BenchmarkResult> flagged = figures.flagged();
        int total = figures.run().results().size();
        out.append("### Flags\n\n");
        if (flagged.isEmpty()) {
            out.append("All ").append(total).append(" results are valid.\n\n");
        } else {
            out.append(flagged.size()).append(" of ").append(total)
                    .append(" results are flagged; they are shown, not dropped.\n\n");
            var table = new MarkdownTable("model", "scenario", "params", "flag", "reasons");
            for (BenchmarkResult r : flagged) {
                table.row(r.model(), r.scenario(), Describe.params(r),
                        r.clientBound() ? Describe.CLIENT_BOUND + " client-bound" : Describe.INVALID + " invalid",
                        String.join("; ", r.invalidReasons()));
            }
            out.append(table.render()).append('\n');
        }
        List<BenchmarkResult> overloaded = figures.overloaded();
        if (!overloaded.isEmpty()) {
            out.append("### Could not take the load\n\n").append(overloaded.size()).append(" of ").append(total)
                    .append(" results are findings about the model, not faults of the measurement: the server")
                    .append(" timed out, refused or reset connections, or answered nothing.\n\n");
            var table = new MarkdownTable("model", "scenario", "params", "finding");
            overloaded.forEach(r -> table.row(r.model(), r.scenario(), Describe.params(r),
                    Describe.OVERLOAD + " " + r.overload()));
            out.append(table.render()).append('\n');
        }
        var starving = figures.groups().values().stream()
                .flatMap(models -> models.values().stream())
                .flatMap(List::stream)
                .filter(r -> r.fairness().starvedConnections() > 0)
                .toList();
        if (!starving.isEmpty()) {
            out.append("Connections left starving (fewer than a tenth of the mean requests; a fast average hides them):\n\n");
            var table = new MarkdownTable("model", "scenario", "params", "starved>", "longest wait>");
            for (BenchmarkResult r : starving) {
                table.row(r.model(), r.scenario(), Describe.params(r),
                        r.fairness().starvedConnections() + " of " + r.fairness().connections(),
                        Numbers.millis(r.fairness().longestWaitMs()));
            }
            out.append(table.render()).append('\n');
        }
    }

    private static void changes(StringBuilder out, Comparison comparison) {
        out.append("### Against the baseline\n\n");
        out.append(MarkdownCompare.context(comparison));
        int regressions = comparison.regressions().size();
        int improvements = comparison.improvements().size();
        int unchanged = comparison.rows().size() - regressions - improvements;
        out.append("**").append(plural(regressions, "regression")).append("**, ")
                .append(plural(improvements, "improvement")).append(", ")
                .append(unchanged).append(" without significant change")
                .append(" (").append(comparison.rows().size()).append(" benchmarks matched).\n\n");
        List<BenchmarkComparison> top = comparison.rows().stream()
                .filter(r -> r.verdict() != Verdict.NO_CHANGE)
                .sorted(Comparator.comparing((BenchmarkComparison r) -> r.verdict() != Verdict.REGRESSION)
                        .thenComparing(r -> -largestChange(r))
                        .thenComparing(BenchmarkComparison::key))
                .limit(TOP_CHANGES)
                .toList();
        if (!top.isEmpty()) {
            out.append("Top changes:\n\n").append(MarkdownCompare.table(top)).append('\n');
        }
    }

    private static double largestChange(BenchmarkComparison row) {
        double t = Math.abs(row.throughput().changePercent());
        double l = Math.abs(row.p99().changePercent());
        return Math.max(Double.isNaN(t) ? 0 : t, Double.isNaN(l) ? 0 : l);
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
