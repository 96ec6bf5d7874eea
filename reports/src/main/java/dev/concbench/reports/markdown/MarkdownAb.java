package dev.concbench.reports.markdown;

import dev.concbench.reports.ab.AbCase;
import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.ab.AbMetric;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.AbBaseline;
import dev.concbench.results.BenchmarkResult;
import java.util.Locale;

/**
 * The verdict of an A/B run as Markdown, verdict first: one row per case with each metric's ratio
 * B/A and its interval, the spread of the pairs, and the smallest change the run could have seen;
 * then one row per sweep with both sides' capacity brackets and their verdict.
 */
public final class MarkdownAb {

    private MarkdownAb() {
    }

    /** The nominal confidence of the verdicts' intervals, e.g. {@code 90 %}. */
    public static String confidenceText() {
        return Math.round(AbMetric.CONFIDENCE * 100) + " %";
    }

    /** The verdict section. */
    public static String render(AbComparison comparison) {
        var out = new StringBuilder();
        out.append("## A/B verdict: ").append(headline(comparison)).append("\n\n");
        out.append(sides(comparison.run().abBaseline(), comparison)).append("\n\n");
        out.append("Pairs of windows measured one after the other in this run (A B, then B A, …); per metric the")
                .append(" ratio B/A (Hodges–Lehmann) and its ").append(confidenceText())
                .append(" signed-rank interval over the pairs (each end a one-sided 95 % bound). A regression")
                .append(" needs the whole interval beyond ").append(Numbers.plain(comparison.minEffectPercent()))
                .append(" % in the bad direction. *detectable*: the smallest change this run could have flagged,")
                .append(" given its pairs' spread.\n\n");
        if (comparison.selfComparison()) {
            out.append("> **A/A run**: the same build on both sides. Any flag below is a false alarm; the")
                    .append(" *detectable* column is what a \"no change\" is worth on this machine now.\n\n");
        }
        var table = new MarkdownTable("case", "verdict", "throughput B/A", "p99 B/A", "CPU/req B/A", "pairs>",
                "throughput pairs", "detectable", "notes");
        for (AbCase c : comparison.byConcern()) {
            table.row(c.key().model() + " " + c.key().scenario() + " " + c.key().paramsText(), MarkdownCompare.verdict(c.verdict()),
                    cell(c.throughput()), cell(c.p99()), cell(c.cpu()),
                    String.valueOf(c.metrics().stream().mapToInt(AbMetric::pairs).max().orElse(0)),
                    c.throughput().judged() ? String.format(Locale.ROOT, "%.3f–%.3f", c.throughput().pairLow(),
                            c.throughput().pairHigh()) : "—",
                    c.detectableText(), notes(c));
        }
        out.append(table.isEmpty() ? "No case has both sides.\n" : table.render()).append('\n');
        if (!comparison.unpaired().isEmpty()) {
            out.append("Without their other side (not judged): ");
            comparison.unpaired().forEach(r -> out.append('`').append(r.model()).append(' ').append(r.scenario())
                    .append(" side ").append(r.side()).append("` "));
            out.append("\n\n");
        }
        out.append(MarkdownCapacity.ab(comparison));
        return out.toString();
    }

    /** E.g. {@code 1 regression} or {@code no significant change}. */
    public static String headline(AbComparison comparison) {
        int regressions = comparison.count(Verdict.REGRESSION);
        int improvements = comparison.count(Verdict.IMPROVEMENT);
        if (regressions > 0) {
            return "**" + MarkdownSummary.plural(regressions, "regression") + "**"
                    + (improvements > 0 ? ", " + MarkdownSummary.plural(improvements, "improvement") : "");
        }
        if (improvements > 0) {
            return MarkdownSummary.plural(improvements, "improvement");
        }
        return comparison.verdict() == Verdict.NOT_JUDGED ? "not judged (no case had both sides measured)"
                : "no significant change";
    }

    private static String sides(AbBaseline baseline, AbComparison comparison) {
        var git = comparison.run().environment().git();
        String a = baseline.self() ? "this build again" : "`" + baseline.against() + "`"
                + (baseline.commit() == null ? "" : " (" + baseline.commit().substring(0, Math.min(12,
                baseline.commit().length())) + (baseline.dirty() ? ", with uncommitted changes" : "") + ")");
        return "Side A: " + a + "; side B: the working tree (" + git.shortCommit()
                + (git.dirty() ? ", with uncommitted changes" : "") + "). " + comparison.cases().size() + " cases.";
    }

    private static String cell(AbMetric metric) {
        if (!metric.judged()) {
            return "—";
        }
        String text = metric.ratioText();
        return metric.verdict() == Verdict.REGRESSION ? "**" + text + "**" : text;
    }

    private static String notes(AbCase c) {
        if (c.reason() != null) {
            return c.reason();
        }
        var notes = new StringBuilder();
        for (AbMetric metric : c.metrics()) {
            if (!metric.judged()) {
                notes.append(notes.isEmpty() ? "" : "; ").append(metric.metric()).append(": ").append(metric.reason());
            }
        }
        for (BenchmarkResult side : new BenchmarkResult[] {c.a(), c.b()}) {
            if (side.clientBound()) {
                notes.append(notes.isEmpty() ? "" : "; ").append("side ").append(side.side())
                        .append(" client-bound: a slower server may hide behind the client's pace");
            } else if (!side.valid()) {
                notes.append(notes.isEmpty() ? "" : "; ").append("side ").append(side.side()).append(" invalid: ")
                        .append(String.join("; ", side.invalidReasons()));
            }
            if (side.overload() != null) {
                notes.append(notes.isEmpty() ? "" : "; ").append("side ").append(side.side())
                        .append(" could not take the load: ").append(side.overload());
            }
        }
        return notes.toString();
    }
}
