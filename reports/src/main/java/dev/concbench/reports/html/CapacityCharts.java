package dev.concbench.reports.html;

import dev.concbench.reports.capacity.CapacityBracket;
import dev.concbench.reports.capacity.SweepCase;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.Objective;
import dev.concbench.results.Percentiles;
import dev.concbench.results.RateSweep;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The charts of the capacity section, for the sweeps of one load (scenario and parameters): latency
 * against achieved rate, and each model's capacity bracket.
 */
final class CapacityCharts {

    private CapacityCharts() {
    }

    /**
     * Latency against achieved rate, one line per model through its steps in the order of their
     * offered rates: the objective's percentile corrected for coordinated omission, the uncorrected
     * one dashed and off until shown from the legend, failing steps marked, the objective's limit a
     * dashed red line. Steps that answered nothing have no point on log axes.
     */
    static RunCharts.Chart curve(String id, List<RateSweep> sweeps) {
        Objective objective = sweeps.getFirst().objective();
        String percentile = "p" + Numbers.plain(objective.percentile());
        var series = new ArrayList<ChartSpec.Series>();
        var hidden = new ArrayList<String>();
        for (RateSweep sweep : sweeps) {
            List<SweepStep> steps = sweep.steps().stream()
                    .filter(s -> s.achievedRate() > 0 && s.corrected().count() > 0)
                    .sorted(Comparator.comparingDouble(SweepStep::offeredRate)).toList();
            if (steps.isEmpty()) {
                continue;
            }
            String color = ModelStyle.color(sweep.model());
            series.add(new ChartSpec.Series(sweep.model(), color, ModelStyle.dashed(sweep.model()),
                    steps.stream().map(s -> step(sweep, s, s.corrected(), flag(s))).toList()));
            String uncorrected = sweep.model() + " uncorrected";
            series.add(new ChartSpec.Series(uncorrected, color, true,
                    steps.stream().map(s -> step(sweep, s, s.uncorrected(), null)).toList()));
            hidden.add(uncorrected);
        }
        var spec = new ChartSpec(id, "curve", percentile + " latency against achieved rate", "achieved, requests/s",
                "ms", true, true, "ms", null, series, null, null, true,
                new ChartSpec.Threshold(objective.limitMs(), percentile + " < " + Numbers.millis(objective.limitMs())),
                hidden);
        return new RunCharts.Chart(spec, List.of(), "Solid: " + percentile + " corrected for coordinated omission"
                + " (from each request's intended send time); dashed, off until clicked in the legend: uncorrected."
                + " ■ ✕ a step that missed the objective, ◆ one the client could not drive. Red dashed line: the"
                + " objective.");
    }

    /**
     * Each model's capacity as its bracket: from the highest rate that met the objective to the
     * lowest that did not, an arrow where an end is open, the outcome as the marker. A sweep with
     * neither end (a failed one) has no row here; the table has it.
     */
    static RunCharts.Chart brackets(String id, List<RateSweep> sweeps) {
        var categories = new ArrayList<String>();
        var points = new ArrayList<ChartSpec.Point>();
        for (RateSweep sweep : sweeps) {
            CapacityBracket bracket = CapacityBracket.of(sweep.capacity());
            if (bracket.low() == null && bracket.high() == null) {
                continue;
            }
            String label = sweep.model() + (sweep.reference() ? " (reference)" : "");
            points.add(new ChartSpec.Point(bracket.low() != null ? bracket.low() : bracket.high(), categories.size(),
                    bracket.low(), bracket.high(), bracket.outcome(), ModelStyle.color(sweep.model()),
                    List.of(label + " · " + SweepCase.of(sweep).load(),
                            "capacity " + bracket.text() + " · " + bracket.outcome(),
                            sweep.capacity().reason(), sweep.steps().size() + " steps")));
            categories.add(label);
        }
        var spec = new ChartSpec(id, "brackets", "Capacity at " + sweeps.getFirst().objective().label(),
                "offered, requests/s", "", true, false, "rate", categories,
                List.of(new ChartSpec.Series("capacity", "#111827", false, points)), null, null, false);
        return new RunCharts.Chart(spec, List.of(), "Bar: from the highest offered rate that met the objective to"
                + " the lowest that did not; an arrow is an open end. ● bracketed, ◆ client-limited (the client"
                + " failed first: at least this much), ■ failed at the lowest rate (less than that), ○ inconclusive.");
    }

    private static ChartSpec.Point step(RateSweep sweep, SweepStep s, Percentiles latency, String flag) {
        double percentile = sweep.objective().percentile();
        var tip = new ArrayList<String>();
        tip.add(sweep.model() + " · step " + (s.index() + 1) + " of " + sweep.steps().size());
        tip.add("offered " + CapacityBracket.rate(s.offeredRate()) + "/s · achieved "
                + CapacityBracket.rate(s.achievedRate()) + "/s");
        tip.add("p" + Numbers.plain(percentile) + " " + Numbers.millis(at(s.corrected(), percentile)) + " corrected · "
                + Numbers.millis(at(s.uncorrected(), percentile)) + " uncorrected");
        tip.add(Numbers.grouped(s.requests()) + " requests · " + ResultText.errors(s.errors()) + " · client "
                + String.format(Locale.ROOT, "%.0f %%", s.clientUtilization() * 100) + " busy");
        if (s.reason() != null) {
            tip.add("⚠ " + s.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + s.reason());
        }
        return new ChartSpec.Point(s.achievedRate(), at(latency, percentile), null, null, flag, null, tip);
    }

    private static String flag(SweepStep step) {
        return step.verdict() == StepVerdict.SERVER_FAILED ? "failed"
                : step.verdict() == StepVerdict.CLIENT_FAILED ? ResultText.CLIENT_BOUND : null;
    }

    /** The latency at the smallest recorded percentile at or above the objective's (p50 … p99.99). */
    static double at(Percentiles p, double percentile) {
        if (percentile <= 50) {
            return p.p50Ms();
        }
        if (percentile <= 75) {
            return p.p75Ms();
        }
        if (percentile <= 90) {
            return p.p90Ms();
        }
        if (percentile <= 99) {
            return p.p99Ms();
        }
        return percentile <= 99.9 ? p.p999Ms() : p.p9999Ms();
    }
}
