package dev.concbench.reports.html;

import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.ab.AbRuns;
import dev.concbench.reports.support.Fixtures;
import dev.concbench.reports.support.Sweeps;
import dev.concbench.results.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's structure without a browser; {@link BrowserTest} checks what a browser makes of it. */
class HtmlReportTest {

    private static final RunResult run = Fixtures.run("run-epyc.json");
    private static final String html = HtmlReport.render(run);

    /** The page without the bodies of its four inline script elements. */
    private static String markup() {
        return html.replaceAll("(?s)<script[^>]*>.*?</script>", "<script/>");
    }

    @Test
    void loadsNothingFromOutside() {
        String markup = markup();
        boolean external = Pattern.compile("(?i)<(img|iframe|link|source|video|audio|embed|object)\\b|\\bsrc=|@import|url\\(")
                .matcher(markup).find();
        assertThat(external).as("the markup refers to no external resource").isFalse();
        assertThat(Pattern.compile("<script/>").matcher(markup).results().count())
                .as("inline script elements: chart specs, run data, ECharts, chart code").isEqualTo(4);
    }

    @Test
    void inlinesEchartsAndTheData() {
        assertThat(html.contains("<script type=\"application/json\" id=\"concbench-charts\">")).isTrue();
        assertThat(html.contains("<script type=\"application/json\" id=\"concbench-run\">")).isTrue();
        assertThat(html.contains("echarts")).isTrue();
        assertThat(html.length()).as("page size with ECharts inlined").isGreaterThan(1_000_000);
    }

    @Test
    void everyChartSpecHasItsContainer() {
        var ids = Pattern.compile("\"id\":\"(chart-[^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(ids).hasSizeGreaterThan(20).doesNotHaveDuplicates();
        String markup = markup();
        ids.forEach(id -> assertThat(markup.contains("<div class=\"chart\" id=\"" + id + "\"")).as(id).isTrue());
    }

    @Test
    void showsEnvironmentCeilingAndEveryFlag() {
        String markup = markup();
        assertThat(markup).contains("182k req/s", run.machine().cpuModel(), run.environment().git().commit(),
                "-XX:+AlwaysPreTouch", "server <code>0-3</code>, client <code>4-7</code>",
                "8 of 107 results are flagged (5 invalid, 3 client-bound)");
        run.results().stream().filter(r -> !r.valid()).flatMap(r -> r.invalidReasons().stream()).distinct()
                .forEach(reason -> assertThat(markup).contains(reason));
    }

    @Test
    void showsBothMachinesWhenTheServersRanOnAnother() {
        var xeon = Fixtures.run("run-xeon.json").machine();
        String page = HtmlReport.render(Fixtures.withServerMachine(run, xeon))
                .replaceAll("(?s)<script[^>]*>.*?</script>", "");

        assertThat(page).contains("<h2>Client machine</h2>", "<h2>Server machine</h2>", run.machine().cpuModel(),
                xeon.cpuModel(), "<code>" + xeon.id() + "</code>", "client " + run.machine().summary() + "; server ");
        assertThat(markup()).doesNotContain("Server machine");
    }

    @Test
    void showsTheBlogsExperiment() {
        String markup = markup();
        assertThat(markup).contains("id=\"blog\"", "id=\"chart-blog\"");
        assertThat(markup).containsPattern("iterative</td><td><b>10\\.0</b>");
    }

    @Test
    void escapesWhatComesFromTheFile() {
        assertThat(Html.escape("<b>\"x\" & 'y'</b>")).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
        assertThat(Html.scriptJson("{\"a\":\"</script><!--\"}")).isEqualTo("{\"a\":\"\\u003c/script>\\u003c!--\"}");
        assertThat(Html.scriptSource("x='</SCRIPT>'")).isEqualTo("x='<\\/SCRIPT>'");
    }

    @Test
    void theSchema4SampleShowsItsCapacityBracketWithOutcomeAndReason() {
        RunResult sample = Fixtures.run("schema4-sample.json");
        RunResult plain = new RunResult(sample.schema(), sample.complete(), sample.incompleteReason(), sample.suite(),
                sample.startedAt(), sample.finishedAt(), sample.machine(), sample.serverMachine(), sample.environment(), null,
                sample.clientCeiling(), sample.unavailableModels(), sample.results(), sample.jmhRawFile(),
                sample.sweeps());
        String page = HtmlReport.render(plain);
        String markup = page.replaceAll("(?s)<script[^>]*>.*?</script>", "<script/>");

        assertThat(markup).contains("<section id=\"capacity\">", "Capacity at p99&lt;10ms", "<h3>hello connections=64</h3>",
                "<b>2,000–4,000/s</b>", "outcome-inconclusive\">inconclusive</span>",
                "met at 2,000/s, missed at 4,000/s: p99 48.5 ms &gt; 10.0 ms (the bracket is wider than the resolution)",
                "3 (2 met)", "<a href=\"#capacity\">capacity</a>",
                "id=\"chart-capacity-hello_connections_64-curve\"", "id=\"chart-capacity-hello_connections_64-brackets\"");
        assertThat(page).contains("\"kind\":\"curve\"", "\"threshold\":{\"y\":10.0,\"label\":\"p99 \\u003c 10.0 ms\"}",
                "\"hidden\":[\"pool uncorrected\"]", "\"kind\":\"brackets\"", "\"flag\":\"failed\"");
        assertThat(markup).as("the sample's overload is a finding, not a flag")
                .contains("1 of 2 results are flagged (1 invalid, 0 client-bound)", "<h3 id=\"overload\">Could not take the load</h3>",
                        "⊘ could not take the load</span> the server could not take the load: 7,682 of 8,000 requests timed out");
    }

    @Test
    void aServerThatCouldNotTakeTheLoadIsAFindingNotAFlag() {
        String markup = HtmlReport.render(Sweeps.withFindings(run)).replaceAll("(?s)<script[^>]*>.*?</script>", "");

        assertThat(markup).contains("3 of 107 results are flagged (0 invalid, 3 client-bound)",
                "5 of 107 results are findings, not faults of the measurement",
                "<tr class=\"row-overload\"><td class=\"model\">",
                "the server could not take the load: 68.15 % of requests failed (107 timed out",
                "marks-overload");
        assertThat(markup).doesNotContain("<tr class=\"row-invalid\">", "<span class=\"flag flag-invalid\">");
    }

    @Test
    void everySweepHasItsChartsAndItsRow() {
        RunResult swept = Sweeps.withSweeps(run);
        String markup = HtmlReport.render(swept).replaceAll("(?s)<script[^>]*>.*?</script>", "");

        assertThat(markup).contains("<h3>hello connections=64</h3>", "<h3>sleep connections=64 ms=1</h3>",
                "outcome-client-limited\">client-limited</span>", "outcome-failed-at-lowest\">failed-at-lowest</span>",
                "outcome-bracketed\">bracketed</span>", "<b>≥ ", "<b>&lt; 1,000/s</b>", "<b>no bracket</b>",
                "netty <span class=\"note\">reference</span>");
        assertThat(Pattern.compile("<tr><td class=\"model\">").matcher(markup.substring(markup.indexOf("class=\"capacity\"")))
                .results().count()).isEqualTo(swept.sweeps().size());
        assertThat(markup.indexOf("id=\"capacity\"")).isGreaterThan(markup.indexOf("id=\"blog\""));
    }

    @Test
    void anAbRunShowsBothSidesBracketsWithTheirVerdict() {
        RunResult ab = Sweeps.withSweeps(AbRuns.of(20, false, 1, 1, false), List.of("A", "B"), 0.8, List.of("pool"));
        String markup = HtmlReport.render(ab, AbComparison.of(ab, 5)).replaceAll("(?s)<script[^>]*>.*?</script>", "");

        assertThat(markup).contains("A/B verdict: <span class=\"verdict verdict-regression\">2 regressions</span>",
                "<h3>Capacity, A against B</h3>", "a regression when B missed the objective at a rate at least 5 %",
                "pool hello connections=64</td><td class=\"text\">regression</td><td class=\"text\"><b>26,909–28,100/s</b>",
                "side A is inconclusive (no bracket)");
        assertThat(markup.substring(markup.indexOf("<section id=\"capacity\">")))
                .as("the figures below the verdict are side B's").containsPattern("<b>2[12],\\d{3}–2[12],\\d{3}/s</b>")
                .doesNotContain("<b>26,909–28,100/s</b>");
    }

    @Test
    void anIncompleteRunSaysSoAtTheTop() {
        RunResult r = run;
        var incomplete = new RunResult(r.schema(), false, "interrupted by SIGINT", r.suite(), r.startedAt(),
                r.finishedAt(), r.machine(), r.serverMachine(), r.environment(), null, null, Map.of(), r.results().subList(0, 3),
                r.jmhRawFile(), r.sweeps());
        String page = HtmlReport.render(incomplete).replaceAll("(?s)<script[^>]*>.*?</script>", "");
        assertThat(page).contains("Incomplete run: interrupted by SIGINT", "not measured");
        assertThat(page.indexOf("Incomplete run")).isLessThan(page.indexOf("id=\"environment\""));
    }
}
