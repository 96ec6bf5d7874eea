package dev.concbench.reports.markdown;

import dev.concbench.reports.ab.AbCapacity;
import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.capacity.CapacityBracket;
import dev.concbench.reports.capacity.SweepCase;
import dev.concbench.reports.compare.CapacityComparison;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.RateSweep;
import dev.concbench.results.StepVerdict;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Capacity at a latency objective as Markdown: a run's brackets, an A/B run's capacity verdicts,
 * and two runs' brackets side by side. Every capacity is a bracket with its outcome, never one
 * number alone.
 */
public final class MarkdownCapacity {

    /** How a bracket reads, for the text under each table. */
    static final String BRACKETS = "A bracket is the highest offered rate that met the objective and the lowest"
            + " above it that did not; ≥ has no upper bound (the client, not the server, failed above it, or the"
            + " highest rate offered still met it), < no lower bound (missed at the lowest rate offered).";

    private MarkdownCapacity() {
    }

    /** A run's capacities, one row per sweep; empty text when the run has no sweep. */
    static String run(List<RateSweep> sweeps) {
        if (sweeps.isEmpty()) {
            return "";
        }
        var table = new MarkdownTable("model", "scenario", "params", "bracket", "outcome", "steps>", "why");
        List<RateSweep> ordered = sweeps.stream()
                .sorted(Comparator.comparing((RateSweep s) -> SweepCase.of(s)).thenComparing(s -> String.valueOf(s.side())))
                .toList();
        for (RateSweep sweep : ordered) {
            CapacityBracket bracket = CapacityBracket.of(sweep.capacity());
            table.row(model(sweep), sweep.scenario(), SweepCase.of(sweep).paramsText(), bracket.text(),
                    bracket.outcome(), steps(sweep), sweep.capacity().reason());
        }
        return heading(sweeps) + "\n\n" + objectiveText(sweeps) + " " + BRACKETS + "\n\n" + table.render() + "\n";
    }

    /** An A/B run's capacity verdicts; empty text when it has no sweep. */
    static String ab(AbComparison comparison) {
        if (comparison.capacities().isEmpty() && comparison.unpairedSweeps().isEmpty()) {
            return "";
        }
        List<RateSweep> all = comparison.run().sweeps();
        var out = new StringBuilder(heading(all)).append("\n\n").append(objectiveText(all)).append(' ')
                .append(BRACKETS).append(' ').append(abRule(comparison.minEffectPercent())).append("\n\n");
        var table = new MarkdownTable("case", "verdict", "A bracket", "A outcome", "B bracket", "B outcome", "notes");
        for (AbCapacity c : comparison.capacitiesByConcern()) {
            CapacityBracket a = c.change().a();
            CapacityBracket b = c.change().b();
            table.row(c.key().label(), MarkdownCompare.verdict(c.verdict()), a.text(), a.outcome(), b.text(),
                    b.outcome(), c.change().reason() == null ? "" : c.change().reason());
        }
        out.append(table.isEmpty() ? "No sweep has both sides.\n" : table.render()).append('\n');
        if (!comparison.unpairedSweeps().isEmpty()) {
            out.append("Sweeps without their other side (not judged): ").append(comparison.unpairedSweeps().stream()
                    .map(s -> "`" + SweepCase.of(s).label() + " side " + s.side() + "`")
                    .collect(Collectors.joining(" "))).append("\n\n");
        }
        return out.toString();
    }

    /** The A/B rule in one sentence, as the reports explain it. */
    public static String abRule(double minEffectPercent) {
        String e = Numbers.plain(minEffectPercent) + " %";
        return "Capacity counts in the verdict like the other figures: a **regression** when B missed the objective"
                + " at a rate at least " + e + " below one A met (B's bracket wholly below A's by the minimum effect),"
                + " an **improvement** the mirror image, otherwise **no change** when both brackets are closed;"
                + " **not judged** when a side's bracket is open (client-limited, failed at the lowest rate, no"
                + " bracket) and the ends known do not prove a change.";
    }

    /** Two runs' brackets side by side; empty text when no sweep matched. */
    static String compare(List<CapacityComparison> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        var table = new MarkdownTable("model", "scenario", "params", "before", "after", "indicative", "notes");
        for (CapacityComparison row : rows) {
            table.row(model(row.candidate()), row.key().scenario(), row.key().paramsText(),
                    row.baselines().stream().map(s -> bracketWithOutcome(CapacityBracket.of(s.capacity())))
                            .collect(Collectors.joining("; ")),
                    bracketWithOutcome(CapacityBracket.of(row.candidate().capacity())),
                    MarkdownCompare.verdict(row.indicative().verdict()),
                    row.indicative().reason() == null ? "" : row.indicative().reason());
        }
        List<RateSweep> candidates = rows.stream().map(CapacityComparison::candidate).toList();
        return heading(candidates) + "\n\n" + BRACKETS + " The reading applies the A/B rule to the union of the"
                + " baselines' brackets; it is **indicative only and not part of the verdict above**: the runs"
                + " were taken at different times, and a sweep measures each rate in a single window.\n\n"
                + table.render() + "\n";
    }

    private static String bracketWithOutcome(CapacityBracket bracket) {
        return bracket.text() + " (" + bracket.outcome() + ")";
    }

    private static String heading(Collection<RateSweep> sweeps) {
        return "### Capacity at " + sweeps.stream().map(s -> s.objective().label()).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String objectiveText(Collection<RateSweep> sweeps) {
        var objective = sweeps.iterator().next().objective();
        return "Capacity: the highest offered rate at which the corrected " + objective.label().replace("<", " < ")
                + ", errors ≤ " + Numbers.plain(objective.maxErrorShare() * 100) + " % and achieved ≥ "
                + Numbers.plain(objective.minAchievedShare() * 100) + " % of offered, with the client not saturated.";
    }

    /** The model, its side in an A/B run, and whether it is a reference (other HTTP code than the shared codec). */
    private static String model(RateSweep sweep) {
        return sweep.model() + (sweep.side() == null ? "" : " side " + sweep.side())
                + (sweep.reference() ? " (reference)" : "");
    }

    /** E.g. {@code 9 (6 met)}. */
    private static String steps(RateSweep sweep) {
        return sweep.steps().size() + " (" + sweep.steps().stream().filter(s -> s.verdict() == StepVerdict.PASS).count()
                + " met)";
    }
}
