package dev.concbench.reports.html;

import dev.concbench.reports.ab.AbCapacity;
import dev.concbench.reports.ab.AbCase;
import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.ab.AbMetric;
import dev.concbench.reports.capacity.CapacityBracket;
import dev.concbench.reports.capacity.SweepCase;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.format.Numbers;
import dev.concbench.reports.markdown.MarkdownCapacity;
import dev.concbench.reports.markdown.MarkdownAb;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The A/B verdict section of the page: the headline, a forest plot (one row per case, per metric
 * the ratio B/A as a dot with its interval as a bar, 1 meaning no change), the verdict table, and
 * when the run has sweeps, both sides' capacity brackets per sweep with their verdict.
 */
final class AbHtml {

    private static final String[] METRIC_COLORS = {"#2563eb", "#d97706", "#059669"};

    private AbHtml() {
    }

    /** The run with side B's results and sweeps only, for the figures below the verdict. */
    static RunResult sideB(RunResult run) {
        return new RunResult(run.schema(), run.complete(), run.incompleteReason(), run.suite(), run.startedAt(),
                run.finishedAt(), run.machine(), run.serverMachine(), run.environment(), run.abBaseline(), run.clientCeiling(),
                run.unavailableModels(),
                run.results().stream().filter(r -> BenchmarkResult.SIDE_B.equals(r.side())).toList(),
                run.jmhRawFile(), run.sweeps().stream().filter(s -> BenchmarkResult.SIDE_B.equals(s.side())).toList());
    }

    static void section(Page page, AbComparison comparison) {
        Verdict verdict = comparison.verdict();
        page.append("<section id=\"ab\">\n<h2>A/B verdict: <span class=\"verdict verdict-")
                .append(verdict.name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
                .append(Html.escape(MarkdownAb.headline(comparison).replace("**", ""))).append("</span></h2>\n")
                .append("<p class=\"note\">Side A: ").append(Html.escape(baseline(comparison)))
                .append("; side B: this working tree. Both ran side by side in this run, their windows alternating ")
                .append("(A B, then B A, …); each dot is the ratio B/A over the pairs (Hodges–Lehmann), its bar the ")
                .append(MarkdownAb.confidenceText()).append(" signed-rank interval. A regression needs the whole bar beyond ")
                .append(Numbers.plain(comparison.minEffectPercent())).append(" % in the bad direction: below 1 for ")
                .append("throughput, above 1 for p99 and CPU per request.")
                .append(comparison.selfComparison()
                        ? " <b>A/A run</b>: the same build on both sides, so every flag is a false alarm and the bars show this machine's noise."
                        : "")
                .append(" The figures further down are side B's.</p>\n");
        List<String> categories = new ArrayList<>();
        List<List<ChartSpec.Point>> points = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<AbCase> cases = comparison.byConcern();
        for (int row = 0; row < cases.size(); row++) {
            AbCase c = cases.get(row);
            categories.add(c.key().model() + " " + c.key().scenario() + " " + c.key().paramsText());
            List<AbMetric> metrics = c.metrics();
            for (int m = 0; m < metrics.size(); m++) {
                AbMetric metric = metrics.get(m);
                if (metric.judged()) {
                    points.get(m).add(new ChartSpec.Point(metric.ratio(), row, metric.low(), metric.high(),
                            metric.verdict() == Verdict.REGRESSION ? "invalid" : null, null,
                            List.of(categories.get(row), metric.metric() + " B/A " + metric.ratioText(),
                                    metric.verdict().label() + ", " + metric.pairs() + " pairs, detectable "
                                            + String.format(Locale.ROOT, "%.0f %%", metric.detectablePercent()))));
                }
            }
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            String name = cases.isEmpty() ? List.of("throughput", "p99", "CPU/request").get(m)
                    : cases.getFirst().metrics().get(m).metric();
            series.add(new ChartSpec.Series(name, METRIC_COLORS[m], false, points.get(m)));
        }
        var spec = new ChartSpec("chart-ab", "dots", "Ratio B/A per case, with its " + MarkdownAb.confidenceText() + " interval", "B / A", "",
                false, false, "ratio", categories, series, null, null, true);
        var chart = new RunCharts.Chart(spec, comparison.run().results(),
                "1 is no change; a regression's dot is marked ⚠.");
        if (Page.drawsSomething(chart)) {
            page.figure(chart, "");
        }
        page.append("<div class=\"table-wrap\"><table class=\"ab\">\n<thead><tr><th class=\"text\">case</th>")
                .append("<th class=\"text\">verdict</th><th>throughput B/A</th><th>p99 B/A</th><th>CPU/req B/A</th>")
                .append("<th>pairs</th><th>throughput pairs</th><th class=\"text\">detectable change</th>")
                .append("<th class=\"text\">notes</th></tr></thead>\n<tbody>\n");
        for (AbCase c : cases) {
            page.append("<tr class=\"").append(c.verdict() == Verdict.REGRESSION ? "row-invalid" : "")
                    .append("\"><td class=\"model\">").append(HtmlReport.swatch(c.key().model()))
                    .append(Html.escape(c.key().model() + " " + c.key().scenario() + " " + c.key().paramsText()))
                    .append("</td><td class=\"text\">").append(Html.escape(c.verdict().label())).append("</td>");
            for (AbMetric metric : c.metrics()) {
                page.append("<td").append(metric.judged() ? "" : " title=\"" + Html.escape(metric.reason()) + "\"")
                        .append('>').append(Html.escape(metric.ratioText())).append("</td>");
            }
            page.append("<td>").append(c.metrics().stream().mapToInt(AbMetric::pairs).max().orElse(0))
                    .append("</td><td>").append(c.throughput().judged() ? String.format(Locale.ROOT, "%.3f–%.3f",
                            c.throughput().pairLow(), c.throughput().pairHigh()) : "—")
                    .append("</td><td class=\"text\">").append(Html.escape(c.detectableText()))
                    .append("</td><td class=\"text reason\">")
                    .append(Html.escape(c.reason() == null ? "" : c.reason())).append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n");
        capacities(page, comparison);
        page.append("</section>\n");
    }

    /** Both sides' capacity per sweep and the verdict from the two brackets; nothing without sweeps. */
    private static void capacities(Page page, AbComparison comparison) {
        if (comparison.capacities().isEmpty() && comparison.unpairedSweeps().isEmpty()) {
            return;
        }
        page.append("<h3>Capacity, A against B</h3>\n<p class=\"note\">")
                .append(Html.escape(MarkdownCapacity.abRule(comparison.minEffectPercent()).replace("**", "")))
                .append("</p>\n<div class=\"table-wrap\"><table class=\"ab-capacity\">\n<thead><tr>")
                .append("<th class=\"text\">sweep</th><th class=\"text\">verdict</th><th class=\"text\">A</th>")
                .append("<th class=\"text\">B</th><th class=\"text\">objective</th><th class=\"text\">notes</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (AbCapacity c : comparison.capacitiesByConcern()) {
            page.append("<tr class=\"").append(c.verdict() == Verdict.REGRESSION ? "row-invalid" : "")
                    .append("\"><td class=\"model\">").append(HtmlReport.swatch(c.key().model()))
                    .append(Html.escape(c.key().label())).append("</td><td class=\"text\">")
                    .append(Html.escape(c.verdict().label())).append("</td><td class=\"text\">")
                    .append(bracket(c.change().a())).append("</td><td class=\"text\">").append(bracket(c.change().b()))
                    .append("</td><td class=\"text\">").append(Html.escape(c.b().objective().label()))
                    .append("</td><td class=\"text reason\">")
                    .append(Html.escape(c.change().reason() == null ? "" : c.change().reason())).append("</td></tr>\n");
        }
        comparison.unpairedSweeps().forEach(sweep -> page.append("<tr><td class=\"model\">")
                .append(HtmlReport.swatch(sweep.model())).append(Html.escape(SweepCase.of(sweep).label()))
                .append("</td><td class=\"text\">not judged</td><td class=\"text\" colspan=\"3\"></td>")
                .append("<td class=\"text reason\">only side ").append(sweep.side()).append(" ran</td></tr>\n"));
        page.append("</tbody></table></div>\n");
    }

    private static String bracket(CapacityBracket bracket) {
        return "<b>" + Html.escape(bracket.text()) + "</b> " + CapacityHtml.outcome(bracket.outcome());
    }

    private static String baseline(AbComparison comparison) {
        var baseline = comparison.run().abBaseline();
        return baseline.self() ? "this build again (A/A)" : baseline.against()
                + (baseline.commit() == null ? "" : " (" + baseline.commit().substring(0, Math.min(12,
                baseline.commit().length())) + ")");
    }
}
