package dev.concbench.reports.html;

import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.figures.RunFigures;
import dev.concbench.reports.figures.ScenarioGroup;
import dev.concbench.reports.figures.Scenarios;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.AtomicFiles;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.JvmInfo;
import dev.concbench.results.MachineInfo;
import dev.concbench.results.Percentiles;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SortedMap;

/**
 * A run as one self-contained HTML page ({@code index.html}): environment and client ceiling at
 * the top, every flagged result and every server that could not take the load (a finding, kept
 * apart from the flags), the blog's experiment, the capacity at the latency objective when the run
 * has sweeps, then per scenario group throughput and
 * p99 against connections, the latency spectrum, server resources and the full table. The page
 * embeds its data and ECharts and makes no network request. Pure function of the run.
 */
public final class HtmlReport {

    private static final String OVERLOAD_BADGE = "<span class=\"flag flag-overload\">⊘ could not take the load</span>";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    /** Writes {@code directory/index.html} atomically; returns its path. */
    public static Path write(RunResult run, Path directory) throws IOException {
        Path file = directory.resolve("index.html");
        AtomicFiles.write(file, render(run).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** The page's HTML. */
    public static String render(RunResult run) {
        return render(run, null);
    }

    /**
     * The page's HTML; for an A/B run, with its verdict first (a forest plot of the ratios B/A and
     * their intervals, and the table), and the figures below drawn from side B, the working tree.
     *
     * @param comparison the A/B verdict of {@code run}, or {@code null} for a plain run
     */
    public static String render(RunResult run, AbComparison comparison) {
        RunResult shown = run.comparesBuilds() ? AbHtml.sideB(run) : run;
        var figures = RunFigures.of(shown);
        var page = new Page("concbench " + run.suite().label() + " — " + run.machinesSummary() + " — "
                + WHEN.format(run.startedAt()));
        header(page, run);
        if (comparison != null) {
            AbHtml.section(page, comparison);
        }
        environment(page, run);
        flags(page, figures);
        toc(page, figures);
        blog(page, figures);
        CapacityHtml.section(page, shown.sweeps());
        figures.groups().forEach((group, models) -> group(page, group, models));
        footer(page, run);
        page.data("concbench-run", ResultFiles.toJson(run));
        return page.render();
    }

    private static void header(Page page, RunResult run) {
        var git = run.environment().git();
        page.append("<header class=\"page-header\">\n<h1>concbench <span class=\"suite\">")
                .append(Html.escape(run.suite().label())).append(" suite</span></h1>\n<p class=\"lede\">")
                .append(Html.escape(run.machinesSummary())).append(" · commit <code>")
                .append(Html.escape(git.shortCommit())).append("</code>").append(git.dirty() ? " (dirty)" : "")
                .append(" · ").append(WHEN.format(run.startedAt())).append(", ")
                .append(duration(run)).append(" · ").append(run.results().size()).append(" results</p>\n</header>\n<main>\n");
        if (!run.complete()) {
            page.append("<div class=\"banner banner-incomplete\" role=\"alert\">Incomplete run: ")
                    .append(Html.escape(run.incompleteReason())).append(". The results below are what finished.</div>\n");
        }
    }

    private static void environment(Page page, RunResult run) {
        var m = run.machine();
        var env = run.environment();
        page.append("<section id=\"environment\" class=\"panels\">\n<div class=\"panel ceiling\">\n<h2>Client ceiling</h2>\n");
        if (run.clientCeiling() != null) {
            var c = run.clientCeiling();
            page.append("<p class=\"big\">").append(Numbers.compact(c.requestsPerSecond())).append(" req/s</p>\n<p>")
                    .append("What the load client could drive: measured against ").append(Html.escape(c.model()))
                    .append(", ").append(Html.escape(c.scenario())).append(", ").append(c.connections())
                    .append(" connections. Results within reach of it are marked <span class=\"flag flag-client-bound\">")
                    .append("client-bound</span>: they measure the client, not the server.</p>\n");
        } else {
            page.append("<p class=\"big\">not measured</p>\n<p>Client-bound results cannot be recognised in this run.</p>\n");
        }
        page.append("</div>\n");
        machine(page, run.serverMachine() == null ? "Machine" : "Client machine", m);
        if (run.serverMachine() != null) {
            machine(page, "Server machine", run.serverMachine());
        }
        page.append("<div class=\"panel\">\n<h2>Software</h2>\n<dl>\n");
        row(page, "commit", "<code>" + Html.escape(env.git().commit() == null ? "none" : env.git().commit()) + "</code>"
                + (env.git().dirty() ? " (uncommitted changes)" : ""));
        row(page, "server JVM", jvm(env.serverJvm()));
        row(page, "benchmark JVM", jvm(env.benchmarkJvm()));
        row(page, "JMH", Html.escape(env.jmhVersion()));
        row(page, "CPU pinning", "server " + cpus(env.pinning().serverCpus()) + ", client " + cpus(env.pinning().clientCpus()));
        row(page, "run", Html.escape(run.suite().label()) + " suite, " + WHEN.format(run.startedAt()) + " to "
                + WHEN.format(run.finishedAt()));
        page.append("</dl>\n</div>\n</section>\n");
    }

    private static String jvm(JvmInfo jvm) {
        return Html.escape(jvm.version() + " (" + jvm.vendor() + ")")
                + (jvm.flags().isEmpty() ? "" : "<br><code>" + Html.escape(String.join(" ", jvm.flags())) + "</code>");
    }

    private static String cpus(String list) {
        return list == null ? "not pinned" : "<code>" + Html.escape(list) + "</code>";
    }

    /** A panel describing one machine: the run's, or, when the servers ran on another, the client's or the server's. */
    private static void machine(Page page, String title, MachineInfo m) {
        page.append("<div class=\"panel\">\n<h2>").append(title).append("</h2>\n<dl>\n");
        row(page, "CPU", Html.escape(m.cpuModel()));
        row(page, "cores", m.cores() + " logical CPUs");
        row(page, "memory", Numbers.bytes(m.memoryBytes()));
        row(page, "OS", Html.escape(m.os()) + " (" + Html.escape(m.arch()) + ")");
        row(page, "kernel", Html.escape(m.kernel()));
        row(page, "machine id", "<code>" + Html.escape(m.id()) + "</code>");
        page.append("</dl>\n</div>\n");
    }

    private static void row(Page page, String name, String valueHtml) {
        page.append("<dt>").append(name).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static void flags(Page page, RunFigures figures) {
        List<BenchmarkResult> flagged = figures.flagged();
        int total = figures.run().results().size();
        page.append("<section id=\"flags\">\n<h2>Flags</h2>\n");
        if (flagged.isEmpty()) {
            page.append("<p class=\"summary-line ok\">All ").append(total).append(" results are valid.</p>\n");
        } else {
            long bound = flagged.stream().filter(BenchmarkResult::clientBound).count();
            page.append("<p class=\"summary-line\">").append(flagged.size()).append(" of ").append(total)
                    .append(" results are flagged (").append(flagged.size() - bound).append(" invalid, ").append(bound)
                    .append(" client-bound). They stay in every chart and table, marked ▲ ⚠ invalid or ◆ client-bound.</p>\n")
                    .append("<div class=\"table-wrap\"><table class=\"flags\">\n<thead><tr><th class=\"text\">model</th>")
                    .append("<th class=\"text\">scenario</th><th class=\"text\">parameters</th><th class=\"text\">flag</th>")
                    .append("<th class=\"text\">reasons</th></tr></thead>\n<tbody>\n");
            for (BenchmarkResult r : flagged) {
                page.append("<tr class=\"").append(rowClass(r)).append("\"><td class=\"model\">")
                        .append(swatch(r.model())).append(Html.escape(r.model())).append("</td><td class=\"text\">")
                        .append(Html.escape(r.scenario())).append("</td><td class=\"text\">")
                        .append(Html.escape(r.key().paramsText())).append("</td><td class=\"text\">").append(badge(r))
                        .append("</td><td class=\"text reason\">")
                        .append(Html.escape(String.join("; ", r.invalidReasons()))).append("</td></tr>\n");
            }
            page.append("</tbody></table></div>\n");
        }
        overloaded(page, figures);
        page.append("</section>\n");
    }

    /** The servers that could not take the load: findings about the models, not faults of the measurement. */
    private static void overloaded(Page page, RunFigures figures) {
        List<BenchmarkResult> overloaded = figures.overloaded();
        if (overloaded.isEmpty()) {
            return;
        }
        page.append("<h3 id=\"overload\">Could not take the load</h3>\n<p class=\"summary-line\">")
                .append(overloaded.size()).append(" of ").append(figures.run().results().size())
                .append(" results are findings, not faults of the measurement: the server timed out, refused or")
                .append(" reset connections, or answered nothing. Marked ■ ⊘ in the charts.</p>\n")
                .append("<div class=\"table-wrap\"><table class=\"flags\">\n<thead><tr><th class=\"text\">model</th>")
                .append("<th class=\"text\">scenario</th><th class=\"text\">parameters</th>")
                .append("<th class=\"text\">finding</th></tr></thead>\n<tbody>\n");
        for (BenchmarkResult r : overloaded) {
            page.append("<tr class=\"row-overload\"><td class=\"model\">").append(swatch(r.model()))
                    .append(Html.escape(r.model())).append("</td><td class=\"text\">").append(Html.escape(r.scenario()))
                    .append("</td><td class=\"text\">").append(Html.escape(r.key().paramsText()))
                    .append("</td><td class=\"text reason\">").append(OVERLOAD_BADGE).append(' ')
                    .append(Html.escape(r.overload())).append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    private static void toc(Page page, RunFigures figures) {
        page.append("<nav class=\"toc\">Jump to: <a href=\"#blog\">the blog's experiment</a>");
        if (!figures.run().sweeps().isEmpty()) {
            page.append("<a href=\"#capacity\">capacity</a>");
        }
        figures.groups().keySet().forEach(g -> page.append("<a href=\"#").append(g.anchor()).append("\">")
                .append(Html.escape(g.label())).append("</a>"));
        page.append("</nav>\n");
    }

    private static void blog(Page page, RunFigures figures) {
        List<BenchmarkResult> results = figures.blogExperiment();
        page.append("<section id=\"blog\">\n<h2>The blog's experiment <small>requests completed in 10 s when each ")
                .append("request sleeps 1 s, 10 connections</small></h2>\n");
        if (results.isEmpty()) {
            page.append("<p class=\"note\">This run has no result for scenario sleep with ms=1000 and 10 connections.</p>\n</section>\n");
            return;
        }
        page.append("<p class=\"note\">The classic post's iterative server completed 9 requests in 10 s: one slow ")
                .append("request holds everyone up. A model that serves requests concurrently completes about 10 per second.</p>\n");
        families(page, results);
        page.append("<div class=\"blog\">\n<div class=\"table-wrap\"><table>\n<thead><tr><th class=\"text\">model</th>")
                .append("<th>requests in 10 s</th><th>completed / measured</th><th>p50</th><th>p99</th><th>errors</th>")
                .append("<th class=\"text\">flags</th></tr></thead>\n<tbody>\n");
        for (BenchmarkResult r : results) {
            Double error = r.throughput().scoreError();
            Percentiles p = r.latency().effective();
            page.append("<tr class=\"").append(rowClass(r)).append("\"><td class=\"model\">").append(swatch(r.model()))
                    .append(Html.escape(r.model())).append("</td><td><b>")
                    .append(Numbers.compact(r.throughput().score() * 10)).append("</b>")
                    .append(error == null ? "" : " <span class=\"err\">± " + Numbers.error(error * 10) + "</span>")
                    .append("</td><td>").append(Numbers.grouped(r.requestsCompleted())).append(" in ")
                    .append(Numbers.compact(r.measuredSeconds())).append(" s</td><td>").append(Numbers.millis(p.p50Ms()))
                    .append("</td><td>").append(Numbers.millis(p.p99Ms())).append("</td><td>")
                    .append(Numbers.grouped(r.errors().total())).append("</td><td class=\"text flags\">").append(flagsCell(r))
                    .append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n<div>\n");
        page.figure(RunCharts.blog("chart-blog", results), "");
        page.append("</div>\n</div>\n</section>\n");
    }

    /** One sentence per family present: what it does with a blocking call. */
    private static void families(Page page, List<BenchmarkResult> results) {
        var present = results.stream().map(BenchmarkResult::family).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        var sentences = Scenarios.blockingCallByFamily().entrySet().stream()
                .filter(e -> present.contains(e.getKey())).toList();
        if (sentences.isEmpty()) {
            return;
        }
        page.append("<ul class=\"families\">\n");
        for (var sentence : sentences) {
            String models = results.stream().filter(r -> sentence.getKey().equals(r.family()))
                    .map(BenchmarkResult::model).distinct().collect(java.util.stream.Collectors.joining(", "));
            page.append("<li><b>").append(Html.escape(sentence.getKey())).append("</b> (").append(Html.escape(models))
                    .append("): ").append(Html.escape(sentence.getValue())).append(".</li>\n");
        }
        page.append("</ul>\n");
    }

    private static void group(Page page, ScenarioGroup group, SortedMap<String, List<BenchmarkResult>> models) {
        String id = group.anchor();
        String question = Scenarios.question(group.scenario());
        page.append("<section class=\"group\" id=\"").append(id).append("\">\n<h2>").append(Html.escape(group.label()))
                .append(question.isEmpty() ? "" : " <small>" + Html.escape(question) + "</small>").append("</h2>\n")
                .append("<div class=\"charts\">\n");
        // Lines against connections need at least two connection counts; the table holds single points.
        boolean againstConnections = RunCharts.all(models).stream().map(BenchmarkResult::connections)
                .filter(java.util.OptionalInt::isPresent).distinct().count() > 1;
        var charts = new java.util.ArrayList<RunCharts.Chart>();
        if (againstConnections) {
            charts.add(RunCharts.throughput("chart-" + id + "-throughput", models));
            charts.add(RunCharts.p99("chart-" + id + "-p99", group, models));
        }
        charts.add(RunCharts.spectrum("chart-" + id + "-spectrum", models));
        charts.stream().filter(Page::drawsSomething).forEach(chart -> page.figure(chart, ""));
        page.append("</div>\n");
        List<RunCharts.Chart> resources = !againstConnections ? List.of()
                : RunCharts.resources("chart-" + id + "-res", models).stream().filter(Page::drawsSomething).toList();
        if (!resources.isEmpty()) {
            page.append("<h3>Server resources</h3>\n<p class=\"legend\">");
            models.keySet().forEach(model -> page.append("<span>").append(swatch(model)).append(Html.escape(model))
                    .append("</span>"));
            page.append("</p>\n<div class=\"charts small\">\n");
            resources.forEach(chart -> page.figure(chart, ""));
            page.append("</div>\n");
        }
        table(page, group, models);
        page.append("</section>\n");
    }

    private static void table(Page page, ScenarioGroup group, SortedMap<String, List<BenchmarkResult>> models) {
        boolean open = group.loadModel() == dev.concbench.results.LoadModel.OPEN;
        page.append("<h3>All results").append(open ? " <small class=\"note\">(latency corrected for coordinated omission)</small>" : "")
                .append("</h3>\n<div class=\"table-wrap\"><table>\n<thead><tr><th class=\"text\">model</th><th>conns</th>")
                .append("<th>throughput, ops/s</th><th>p50</th><th>p99</th><th>p99.9</th><th>max</th><th>requests</th>")
                .append("<th>errors</th><th>starved</th><th>threads</th><th>fds</th><th>RSS</th><th>CPU/req</th>")
                .append("<th>spawned</th><th class=\"text\">flags</th></tr></thead>\n<tbody>\n");
        RunCharts.all(models).forEach(r -> {
            Percentiles p = r.latency().effective();
            var res = r.resources();
            page.append("<tr class=\"").append(rowClass(r)).append("\"><td class=\"model\">").append(swatch(r.model()))
                    .append(Html.escape(r.model())).append("</td><td>")
                    .append(r.connections().stream().mapToObj(String::valueOf).findFirst().orElse("–")).append("</td><td>")
                    .append(Numbers.compact(r.throughput().score()))
                    .append(r.throughput().scoreError() == null ? ""
                            : " <span class=\"err\">± " + Numbers.error(r.throughput().scoreError()) + "</span>")
                    .append("</td><td>").append(Numbers.millis(p.p50Ms())).append("</td><td>").append(Numbers.millis(p.p99Ms()))
                    .append("</td><td>").append(Numbers.millis(p.p999Ms())).append("</td><td>").append(Numbers.millis(p.maxMs()))
                    .append("</td><td>").append(Numbers.grouped(r.requestsCompleted())).append("</td><td")
                    .append(r.errors().total() > 0 ? " title=\"" + Html.escape(ResultText.errors(r.errors())) + "\"" : "")
                    .append('>').append(Numbers.grouped(r.errors().total())).append("</td><td")
                    .append(r.fairness().starvedConnections() > 0 ? " class=\"starved\"" : "").append('>')
                    .append(r.fairness().starvedConnections()).append(" / ").append(r.fairness().connections())
                    .append("</td>");
            if (res == null) {
                page.append("<td colspan=\"5\" class=\"note\">not sampled</td>");
            } else {
                page.append("<td>").append(res.peakThreads()).append("</td><td>").append(res.peakFileDescriptors())
                        .append("</td><td>").append(Numbers.bytes(res.peakRssBytes())).append("</td><td>")
                        .append(r.requestsCompleted() == 0 ? "–"
                                : Numbers.compact(res.cpuSeconds() / r.requestsCompleted() * 1e6) + " µs")
                        .append("</td><td>").append(Numbers.grouped(res.processesSpawned())).append("</td>");
            }
            page.append("<td class=\"text flags\">").append(flagsCell(r)).append("</td></tr>\n");
        });
        page.append("</tbody></table></div>\n");
    }

    private static void footer(Page page, RunResult run) {
        page.append("</main>\n<footer>\nResult file schema ").append(run.schema())
                .append(run.jmhRawFile() == null ? "" : " · JMH raw output: <code>" + Html.escape(run.jmhRawFile()) + "</code>")
                .append(" · charts by ECharts ").append(Assets.ECHARTS_VERSION)
                .append(" (Apache-2.0), embedded · the run's data is embedded as JSON in <code>#concbench-run</code>.\n</footer>\n");
    }

    private static String rowClass(BenchmarkResult r) {
        return r.clientBound() ? "row-client-bound" : !r.valid() ? "row-invalid"
                : r.overload() != null ? "row-overload" : "";
    }

    private static String badge(BenchmarkResult r) {
        return r.clientBound() ? "<span class=\"flag flag-client-bound\">◆ client-bound</span>"
                : "<span class=\"flag flag-invalid\">⚠ invalid</span>";
    }

    /** The flag and its reasons for a figure that cannot be trusted, then the finding of a server that could not take the load. */
    private static String flagsCell(BenchmarkResult r) {
        String flag = r.valid() ? ""
                : badge(r) + " <span class=\"reason\">" + Html.escape(String.join("; ", r.invalidReasons())) + "</span>";
        String finding = r.overload() == null ? ""
                : OVERLOAD_BADGE + " <span class=\"reason\">" + Html.escape(r.overload()) + "</span>";
        return flag.isEmpty() || finding.isEmpty() ? flag + finding : flag + "<br>" + finding;
    }

    static String swatch(String model) {
        return "<span class=\"swatch\" style=\"background:" + ModelStyle.color(model) + "\"></span>";
    }

    private static String duration(RunResult run) {
        return Numbers.duration(Duration.between(run.startedAt(), run.finishedAt()));
    }
}
