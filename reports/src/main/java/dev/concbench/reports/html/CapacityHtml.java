package dev.concbench.reports.html;

import dev.concbench.reports.capacity.CapacityBracket;
import dev.concbench.reports.capacity.SweepCase;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.Objective;
import dev.concbench.results.RateSweep;
import dev.concbench.results.StepVerdict;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The capacity section of the page, when the run has sweeps: per load (scenario and parameters)
 * latency against achieved rate and the capacity brackets side by side, then a table of every
 * sweep's bracket, outcome and reason. A capacity is never shown as one number without its bracket.
 */
final class CapacityHtml {

    private CapacityHtml() {
    }

    /** Appends the section; nothing when there is no sweep. */
    static void section(Page page, List<RateSweep> sweeps) {
        if (sweeps.isEmpty()) {
            return;
        }
        List<RateSweep> ordered = sweeps.stream().sorted(Comparator.comparing(SweepCase::of)).toList();
        Objective objective = ordered.getFirst().objective();
        page.append("<section id=\"capacity\">\n<h2>Capacity at ")
                .append(Html.escape(ordered.stream().map(s -> s.objective().label()).distinct()
                        .collect(Collectors.joining(", "))))
                .append(" <small>the highest offered rate that meets the latency objective</small></h2>\n")
                .append("<p class=\"note\">Each sweep offers rates in an open loop, one window per step, and judges")
                .append(" each step: the corrected p").append(Numbers.plain(objective.percentile())).append(" at most ")
                .append(Numbers.millis(objective.limitMs())).append(", errors at most ")
                .append(Numbers.plain(objective.maxErrorShare() * 100)).append(" %, at least ")
                .append(Numbers.plain(objective.minAchievedShare() * 100)).append(" % of the offered rate achieved,")
                .append(" and the client not saturated. The capacity is a bracket: the highest rate that met the")
                .append(" objective and the lowest above it that did not. <b>client-limited</b>: the client, not the")
                .append(" server, failed above the last rate met (≥); <b>failed-at-lowest</b>: missed at the lowest")
                .append(" rate offered (&lt;); <b>inconclusive</b>: no bracket within the resolution, the reason says")
                .append(" why.</p>\n");
        var byLoad = new LinkedHashMap<String, List<RateSweep>>();
        ordered.forEach(sweep -> byLoad.computeIfAbsent(SweepCase.of(sweep).load(), k -> new java.util.ArrayList<>())
                .add(sweep));
        byLoad.forEach((load, group) -> {
            String id = "chart-capacity-" + load.replaceAll("[^A-Za-z0-9_-]", "_");
            page.append("<h3>").append(Html.escape(load)).append("</h3>\n<div class=\"charts\">\n");
            List.of(CapacityCharts.curve(id + "-curve", group), CapacityCharts.brackets(id + "-brackets", group))
                    .stream().filter(Page::drawsSomething).forEach(chart -> page.figure(chart, ""));
            page.append("</div>\n");
        });
        table(page, ordered);
        page.append("</section>\n");
    }

    private static void table(Page page, List<RateSweep> sweeps) {
        page.append("<div class=\"table-wrap\"><table class=\"capacity\">\n<thead><tr><th class=\"text\">model</th>")
                .append("<th class=\"text\">scenario</th><th class=\"text\">parameters</th><th class=\"text\">mode</th>")
                .append("<th class=\"text\">capacity</th><th class=\"text\">outcome</th><th>steps</th>")
                .append("<th class=\"text\">why</th></tr></thead>\n<tbody>\n");
        for (RateSweep sweep : sweeps) {
            CapacityBracket bracket = CapacityBracket.of(sweep.capacity());
            long met = sweep.steps().stream().filter(s -> s.verdict() == StepVerdict.PASS).count();
            page.append("<tr><td class=\"model\">").append(HtmlReport.swatch(sweep.model()))
                    .append(Html.escape(sweep.model()))
                    .append(sweep.reference() ? " <span class=\"note\">reference</span>" : "")
                    .append("</td><td class=\"text\">").append(Html.escape(sweep.scenario()))
                    .append("</td><td class=\"text\">").append(Html.escape(SweepCase.of(sweep).paramsText()))
                    .append("</td><td class=\"text\">").append(sweep.mode().name().toLowerCase(Locale.ROOT))
                    .append("</td><td class=\"text\"><b>").append(Html.escape(bracket.text()))
                    .append("</b></td><td class=\"text\">").append(outcome(bracket.outcome()))
                    .append("</td><td>").append(sweep.steps().size()).append(" (").append(met).append(" met)")
                    .append("</td><td class=\"text reason\">").append(Html.escape(sweep.capacity().reason()))
                    .append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    /** An outcome as a badge, e.g. {@code client-limited}. */
    static String outcome(String label) {
        return "<span class=\"flag outcome-" + Html.escape(label.replace('/', '-')) + "\">" + Html.escape(label)
                + "</span>";
    }
}
