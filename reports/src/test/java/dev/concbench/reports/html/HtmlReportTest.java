package dev.concbench.reports.html;

import dev.concbench.reports.support.Fixtures;
import dev.concbench.results.RunResult;
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
    void anIncompleteRunSaysSoAtTheTop() {
        RunResult r = run;
        var incomplete = new RunResult(r.schema(), false, "interrupted by SIGINT", r.suite(), r.startedAt(),
                r.finishedAt(), r.machine(), r.serverMachine(), r.environment(), null, null, Map.of(), r.results().subList(0, 3),
                r.jmhRawFile());
        String page = HtmlReport.render(incomplete).replaceAll("(?s)<script[^>]*>.*?</script>", "");
        assertThat(page).contains("Incomplete run: interrupted by SIGINT", "not measured");
        assertThat(page.indexOf("Incomplete run")).isLessThan(page.indexOf("id=\"environment\""));
    }
}
