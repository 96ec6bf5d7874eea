package dev.concbench.reports.html;

import dev.concbench.reports.format.Numbers;
import dev.concbench.reports.machines.MachineMatrix;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several machines side by side as one self-contained HTML page: the machines' fingerprints,
 * one dot plot of every model's best figure per scenario (one colour per machine, error bars),
 * and the full table.
 */
public final class MachinesHtml {

    private MachinesHtml() {
    }

    public static String render(MachineMatrix matrix) {
        var page = new Page("concbench on " + matrix.columns().size() + " machines");
        page.append("<header class=\"page-header\">\n<h1>concbench <span class=\"suite\">on ")
                .append(matrix.columns().size()).append(" machines</span></h1>\n<p class=\"lede\">")
                .append(matrix.normalised() ? "Throughput as a share of each run's own client ceiling."
                        : "Throughput in ops/s.")
                .append(" ± is JMH's 99.9% confidence interval.</p>\n</header>\n<main>\n");
        page.append("<section id=\"machines\">\n<h2>Machines</h2>\n<div class=\"table-wrap\"><table>\n<thead><tr>")
                .append("<th class=\"text\">#</th><th class=\"text\">machine</th><th class=\"text\">id</th>")
                .append("<th class=\"text\">OS, kernel</th><th class=\"text\">commit, started</th><th>client ceiling</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < matrix.columns().size(); i++) {
            var column = matrix.columns().get(i);
            var run = column.run();
            page.append("<tr><td class=\"text\"><span class=\"swatch\" style=\"display:inline-block;width:10px;height:10px;background:")
                    .append(ModelStyle.machineColor(i)).append("\"></span> ").append(i + 1).append("</td><td class=\"text\">")
                    .append(Html.escape(column.heading())).append("</td><td class=\"text\"><code>")
                    .append(Html.escape(column.machineId())).append("</code></td><td class=\"text\">")
                    .append(Html.escape(run.machine().os() + ", " + run.machine().kernel())).append("</td><td class=\"text\"><code>")
                    .append(Html.escape(run.environment().git().shortCommit())).append("</code>, ")
                    .append(run.startedAt().toString()).append("</td><td>")
                    .append(run.clientCeiling() == null ? "not measured"
                            : Numbers.compact(run.clientCeiling().requestsPerSecond()) + " req/s")
                    .append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n</section>\n<section id=\"chart\">\n<h2>Best figure per model and scenario</h2>\n");
        page.figure(chart(matrix), "");
        page.append("</section>\n<section id=\"table\">\n<h2>Every benchmark</h2>\n");
        table(page, matrix);
        page.append("</section>\n</main>\n<footer>charts by ECharts ").append(Assets.ECHARTS_VERSION)
                .append(" (Apache-2.0), embedded.</footer>\n");
        return page.render();
    }

    private static RunCharts.Chart chart(MachineMatrix matrix) {
        List<MachineMatrix.HeadlineRow> rows = matrix.headline();
        var categories = rows.stream().map(r -> r.model() + " · " + r.group().label()).toList();
        var series = new ArrayList<ChartSpec.Series>();
        var results = new ArrayList<BenchmarkResult>();
        for (int column = 0; column < matrix.columns().size(); column++) {
            var points = new ArrayList<ChartSpec.Point>();
            for (int row = 0; row < rows.size(); row++) {
                MachineMatrix.Cell cell = rows.get(row).cells().get(column);
                if (cell == null || cell.value() <= 0) {
                    continue;
                }
                results.add(cell.result());
                var tip = new ArrayList<String>();
                tip.add("(" + (column + 1) + ") " + matrix.columns().get(column).heading());
                tip.add(value(cell, matrix.normalised()) + " at " + ResultText.connections(cell.result()));
                tip.addAll(ResultText.tip(cell.result()).subList(1, ResultText.tip(cell.result()).size()));
                points.add(new ChartSpec.Point(cell.value(), row,
                        cell.error() == null ? null : Math.max(cell.value() * 0.01, cell.value() - cell.error()),
                        cell.error() == null ? null : cell.value() + cell.error(),
                        ResultText.flag(cell.result()), null, tip));
            }
            series.add(new ChartSpec.Series("(" + (column + 1) + ") " + cpus(matrix.columns().get(column).run()),
                    ModelStyle.machineColor(column), false, points));
        }
        var spec = new ChartSpec("chart-machines", "dots", matrix.normalised()
                ? "Best throughput per model and scenario, share of each run's client ceiling"
                : "Best throughput per model and scenario", matrix.normalised() ? "share of client ceiling" : "ops/s",
                "", true, false, matrix.normalised() ? "percent" : "rate", categories, series, null, null, true);
        return new RunCharts.Chart(spec, results, "Log axis; error bars: JMH's 99.9% confidence interval.");
    }

    private static void table(Page page, MachineMatrix matrix) {
        page.append("<div class=\"table-wrap\"><table>\n<thead><tr><th class=\"text\">model</th><th class=\"text\">scenario</th>")
                .append("<th class=\"text\">parameters</th>");
        for (int i = 0; i < matrix.columns().size(); i++) {
            page.append("<th>(").append(i + 1).append(") ").append(Html.escape(cpus(matrix.columns().get(i).run())))
                    .append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        for (MachineMatrix.Row row : matrix.rows()) {
            page.append("<tr><td class=\"model\">").append(HtmlReport.swatch(row.key().model()))
                    .append(Html.escape(row.key().model())).append("</td><td class=\"text\">")
                    .append(Html.escape(row.key().scenario())).append("</td><td class=\"text\">")
                    .append(Html.escape(row.key().paramsText())).append("</td>");
            for (MachineMatrix.Cell cell : row.cells()) {
                if (cell == null) {
                    page.append("<td>–</td>");
                    continue;
                }
                String flag = ResultText.flag(cell.result());
                page.append("<td").append(flag == null ? "" : " class=\"" + ("invalid".equals(flag) ? "starved" : "")
                                + "\" title=\"" + Html.escape(String.join("; ", cell.result().invalidReasons())) + "\"")
                        .append('>').append(value(cell, matrix.normalised()))
                        .append(flag == null ? "" : " <span class=\"flag flag-" + flag + "\">" + flag + "</span>")
                        .append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    private static String value(MachineMatrix.Cell cell, boolean normalised) {
        if (normalised) {
            return percent(cell.value()) + (cell.error() == null ? "" : " ± " + percent(cell.error()));
        }
        return Numbers.withError(cell.value(), cell.error());
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** The run's CPU model, and the server's when the servers ran on another machine. */
    private static String cpus(RunResult run) {
        return run.serverMachine() == null ? run.machine().cpuModel()
                : run.machine().cpuModel() + ", server " + run.serverMachine().cpuModel();
    }
}
