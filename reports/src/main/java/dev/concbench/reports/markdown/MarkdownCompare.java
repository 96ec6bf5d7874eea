package dev.concbench.reports.markdown;

import dev.concbench.reports.compare.BenchmarkComparison;
import dev.concbench.reports.compare.CapacityComparison;
import dev.concbench.reports.compare.Comparison;
import dev.concbench.reports.compare.MetricChange;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.BenchmarkKey;
import dev.concbench.results.RunResult;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link Comparison} as Markdown: the verdict, what was compared with what, a row per benchmark,
 * and the capacity brackets of the sweeps both sides ran (indicative, outside the verdict).
 */
public final class MarkdownCompare {

    private MarkdownCompare() {
    }

    public static String render(Comparison comparison) {
        var out = new StringBuilder();
        int regressions = comparison.regressions().size();
        out.append("## concbench compare: ").append(switch (comparison.verdict()) {
            case REGRESSION -> MarkdownSummary.plural(regressions, "regression");
            case IMPROVEMENT -> MarkdownSummary.plural(comparison.improvements().size(), "improvement")
                    + ", no regression";
            case NO_CHANGE -> "no significant change";
            case NOT_JUDGED -> "not judged";
        }).append("\n\n");
        out.append(context(comparison));
        if (comparison.rows().isEmpty()) {
            out.append("No benchmark of the candidate is in the baseline.\n\n");
        } else {
            out.append(table(comparison.rows())).append('\n');
        }
        out.append(MarkdownCapacity.compare(CapacityComparison.of(comparison.baselines(), comparison.candidate(),
                comparison.options().minEffectPercent())));
        unmatched(out, "New in the candidate (no verdict)", comparison.onlyInCandidate());
        unmatched(out, "Missing from the candidate (no verdict)", comparison.onlyInBaselines());
        return out.toString();
    }

    /** Candidate, baselines, the rule applied, and a warning when machines differ. */
    static String context(Comparison comparison) {
        var out = new StringBuilder();
        RunResult candidate = comparison.candidate();
        out.append("Candidate: ").append(Describe.run(candidate)).append(" on ")
                .append(Describe.machine(candidate)).append(".  \n");
        List<RunResult> baselines = comparison.baselines();
        out.append(baselines.size() == 1 ? "Baseline: " : "Baselines (" + baselines.size() + " runs, pooled): ")
                .append(baselines.stream().map(b -> Describe.run(b)
                                + (b.machineIdentity().equals(candidate.machineIdentity()) ? "" : " on " + Describe.machine(b)))
                        .collect(Collectors.joining("; ")))
                .append(".  \n");
        var options = comparison.options();
        out.append("A change counts when throughput's 99.9% confidence intervals do not overlap and it moves by at least ")
                .append(percent(options.minEffectPercent()))
                .append(", or when p99 latency leaves the baseline range by at least ")
                .append(percent(options.minLatencyEffectPercent()))
                .append("; a side with a single measured window is shown, not judged.\n\n");
        out.append("> **Runs taken at different times** carry the machine's drift (20–40 % between two runs of one "
                + "commit on a shared machine), which no interval inside either run shows: these verdicts are "
                + "indicative. For a verdict to trust, run both builds side by side in one run: "
                + "`mvn verify -Pbench -Dbench.against=REF`.\n\n");
        if (comparison.acrossMachines()) {
            out.append("> **Across machines:** the baseline ran on other hardware, so these differences include the "
                    + "machines' own; treat the verdicts as indicative only.\n\n");
        }
        return out.toString();
    }

    /** The comparison table for the given rows. */
    static String table(List<BenchmarkComparison> rows) {
        var table = new MarkdownTable("verdict", "model", "scenario", "params", "throughput before>", "after>",
                "change>", "p99 before>", "after>", "change>", "why", "notes");
        for (BenchmarkComparison row : rows) {
            MetricChange t = row.throughput();
            MetricChange l = row.p99();
            table.row(verdict(row.verdict()), row.key().model(), row.key().scenario(), row.key().paramsText(),
                    Numbers.compact(t.baseline()), Numbers.compact(t.candidate()), Numbers.signedPercent(t.changePercent()),
                    Numbers.millis(l.baseline()), Numbers.millis(l.candidate()), Numbers.signedPercent(l.changePercent()),
                    "throughput: " + t.reason() + "; p99: " + l.reason(),
                    String.join("; ", row.notes()));
        }
        return table.render();
    }

    /** A verdict as a table cell: a regression in bold. */
    static String verdict(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION -> "**regression**";
            case IMPROVEMENT -> "improvement";
            case NO_CHANGE -> "no change";
            case NOT_JUDGED -> "not judged";
        };
    }

    private static void unmatched(StringBuilder out, String title, List<BenchmarkKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        out.append(title).append(":\n\n");
        keys.forEach(k -> out.append("- ").append(k.model()).append(' ').append(k.scenario())
                .append(k.params().isEmpty() ? "" : " " + k.paramsText()).append('\n'));
        out.append('\n');
    }

    private static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                + "%";
    }
}
