package dev.concbench.reports.html;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.concbench.reports.format.Numbers;
import dev.concbench.results.BenchmarkResult;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A self-contained HTML page: our stylesheet, the body, the chart specifications and any extra
 * data as JSON, ECharts and our chart code, all inline. Opens from disk with no network.
 */
final class Page {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Height of one category row in a dot plot or a brackets chart. */
    private static final int DOT_ROW_PX = 26;
    /** A chart's height in the stylesheet ({@code .chart}). */
    private static final int CHART_PX = 340;

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final java.util.ArrayList<ChartSpec> charts = new java.util.ArrayList<>();
    private final Map<String, String> data = new LinkedHashMap<>();

    Page(String title) {
        this.title = title;
    }

    /** Appends HTML (or a number or character) to the body as is. */
    Page append(Object html) {
        body.append(html);
        return this;
    }

    /** Embeds JSON text as {@code <script type="application/json" id="...">}. */
    Page data(String id, String json) {
        data.put(id, json);
        return this;
    }

    /**
     * Adds a chart as a figure: heading, the container the chart code fills, and a caption with
     * the note, the request errors of the results it draws, and the marks it uses.
     */
    Page figure(RunCharts.Chart chart, String extraClass) {
        ChartSpec spec = chart.spec();
        charts.add(spec);
        body.append("<figure>\n<h4>").append(Html.escape(spec.title()));
        if (spec.variants() != null && spec.variants().size() > 1) {
            body.append(" <label>at <select data-chart=\"").append(spec.id()).append("\" aria-label=\"connections\">");
            for (int i = 0; i < spec.variants().size(); i++) {
                body.append("<option value=\"").append(i).append('"')
                        .append(i == spec.variantIndex() ? " selected" : "").append('>')
                        .append(Html.escape(spec.variants().get(i).label())).append("</option>");
            }
            body.append("</select></label>");
        } else if (spec.variants() != null && !spec.variants().isEmpty()) {
            body.append(" <label>at ").append(Html.escape(spec.variants().getFirst().label())).append("</label>");
        }
        body.append("</h4>\n<div class=\"chart").append(extraClass.isEmpty() ? "" : " " + extraClass)
                .append("\" id=\"").append(spec.id()).append('"')
                .append(height(spec))
                .append(" role=\"img\" aria-label=\"")
                .append(Html.escape(spec.title())).append("\"></div>\n<figcaption>")
                .append(Html.escape(chart.note())).append(' ')
                .append(errorsCaption(chart.results()))
                .append(marksCaption(chart.results()))
                .append("</figcaption>\n</figure>\n");
        return this;
    }

    /** A row chart's height by its rows (a brackets chart no lower than the others), else the stylesheet's. */
    private static String height(ChartSpec spec) {
        if (spec.categories() == null || !(spec.kind().equals("dots") || spec.kind().equals("brackets"))) {
            return "";
        }
        int rows = spec.categories().size() * DOT_ROW_PX + 90;
        return " style=\"height:" + (spec.kind().equals("brackets") ? Math.max(CHART_PX, rows) : rows) + "px\"";
    }

    /** Whether a chart would draw anything. */
    static boolean drawsSomething(RunCharts.Chart chart) {
        ChartSpec spec = chart.spec();
        var series = spec.series() != null ? spec.series()
                : spec.variants().stream().flatMap(v -> v.series().stream()).toList();
        return series.stream().anyMatch(s -> !s.points().isEmpty());
    }

    /** The request errors of these results by model; nothing for a chart that draws no result. */
    static String errorsCaption(List<BenchmarkResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        Map<String, Long> byModel = results.stream().filter(r -> r.errors().total() > 0)
                .collect(Collectors.groupingBy(BenchmarkResult::model, java.util.TreeMap::new,
                        Collectors.summingLong(r -> r.errors().total())));
        if (byModel.isEmpty()) {
            return "<span class=\"errors\">No request errors.</span>";
        }
        return "<span class=\"errors\">Request errors: " + byModel.entrySet().stream()
                .map(e -> Html.escape(e.getKey()) + " " + Numbers.grouped(e.getValue()))
                .collect(Collectors.joining(", ")) + ".</span>";
    }

    private static String marksCaption(List<BenchmarkResult> results) {
        var out = new StringBuilder();
        if (results.stream().anyMatch(r -> !r.valid() && !r.clientBound())) {
            out.append(" <span class=\"marks-invalid\">▲ ⚠ invalid</span>");
        }
        if (results.stream().anyMatch(BenchmarkResult::clientBound)) {
            out.append(" <span class=\"marks-client-bound\">◆ client-bound</span>");
        }
        if (results.stream().anyMatch(r -> ResultText.OVERLOAD.equals(ResultText.flag(r)))) {
            out.append(" <span class=\"marks-overload\">■ ⊘ could not take the load</span>");
        }
        return out.toString();
    }

    String render() {
        var html = new StringBuilder(Assets.echartsJs().length() + body.length() + 65_536);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(Assets.css()).append("</style>\n</head>\n<body>\n")
                .append(body)
                .append("<script type=\"application/json\" id=\"concbench-charts\">")
                .append(Html.scriptJson(json(charts))).append("</script>\n");
        data.forEach((id, json) -> html.append("<script type=\"application/json\" id=\"").append(id).append("\">")
                .append(Html.scriptJson(json)).append("</script>\n"));
        html.append("<script>\n").append(Html.scriptSource(Assets.echartsJs())).append("\n</script>\n")
                .append("<script>\n").append(Html.scriptSource(Assets.chartsJs())).append("</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("chart specifications always serialise", impossible);
        }
    }
}
