package dev.concbench.reports.html;

import dev.concbench.reports.figures.ScenarioGroup;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.LoadModel;
import dev.concbench.results.Percentiles;
import dev.concbench.results.ServerResources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the chart specifications of a run's report. */
final class RunCharts {

    /** A chart and the results it draws (for its caption). */
    record Chart(ChartSpec spec, List<BenchmarkResult> results, String note) {
    }

    private static final double[] PERCENTILES = {0, 50, 75, 90, 99, 99.9, 99.99, 100};

    private RunCharts() {
    }

    static Chart throughput(String id, SortedMap<String, List<BenchmarkResult>> models) {
        var series = perModel(models, r -> new ChartSpec.Point(connections(r), r.throughput().score(),
                r.throughput().confidenceLow(), r.throughput().confidenceHigh(), ResultText.flag(r), null,
                ResultText.tip(r)));
        return new Chart(ChartSpec.lines(id, "Throughput against connections", "connections", "ops/s", true, true,
                "rate", series), all(models), "Error bars: JMH's 99.9% confidence interval.");
    }

    static Chart p99(String id, ScenarioGroup group, SortedMap<String, List<BenchmarkResult>> models) {
        boolean open = group.loadModel() == LoadModel.OPEN;
        var series = perModel(models, r -> {
            Percentiles p = r.latency().effective();
            return p.count() == 0 ? null : new ChartSpec.Point(connections(r), p.p99Ms(), null, null,
                    ResultText.flag(r), null, ResultText.tip(r));
        });
        return new Chart(ChartSpec.lines(id, "p99 latency against connections" + (open ? " (corrected)" : ""),
                "connections", "ms", true, true, "ms", series), all(models),
                "Percentiles carry no confidence interval; the sample count is in each tooltip.");
    }

    static Chart spectrum(String id, SortedMap<String, List<BenchmarkResult>> models) {
        var connectionCounts = new TreeSet<Integer>();
        models.values().forEach(rs -> rs.forEach(r -> r.connections().ifPresent(connectionCounts::add)));
        var variants = new ArrayList<ChartSpec.Variant>();
        for (int c : connectionCounts) {
            var series = new ArrayList<ChartSpec.Series>();
            models.forEach((model, results) -> results.stream()
                    .filter(r -> r.connections().orElse(-1) == c && r.latency().effective().count() > 0)
                    .findFirst()
                    .ifPresent(r -> {
                        String name = model + (r.latency().corrected() != null ? " (corrected)" : "");
                        series.add(new ChartSpec.Series(name, ModelStyle.color(model), false,
                                percentilePoints(r, r.latency().effective())));
                        if (r.latency().corrected() != null) {
                            series.add(new ChartSpec.Series(model + " (uncorrected)", ModelStyle.color(model), true,
                                    percentilePoints(r, r.latency().uncorrected())));
                        }
                    }));
            variants.add(new ChartSpec.Variant(c + (c == 1 ? " connection" : " connections"), series));
        }
        var spec = new ChartSpec(id, "spectrum", "Latency by percentile", "percentile", "ms", true, true, "ms",
                null, null, variants, Math.max(0, variants.size() - 1), true);
        return new Chart(spec, all(models), "Percentile axis as in HdrHistogram plots: 90%, 99%, 99.9%… evenly spaced.");
    }

    /** The server-resource charts of a group; empty when no result was sampled. */
    static List<Chart> resources(String idPrefix, SortedMap<String, List<BenchmarkResult>> models) {
        boolean sampled = all(models).stream().anyMatch(r -> r.resources() != null);
        if (!sampled) {
            return List.of();
        }
        var charts = new ArrayList<Chart>();
        charts.add(resource(idPrefix + "-threads", "Peak threads", "threads", "count", true, models,
                res -> (double) res.peakThreads()));
        charts.add(resource(idPrefix + "-fds", "Peak file descriptors", "descriptors", "count", true, models,
                res -> (double) res.peakFileDescriptors()));
        charts.add(resource(idPrefix + "-rss", "Peak RSS", "MiB", "mib", false, models,
                res -> res.peakRssBytes() / 1048576.0));
        charts.add(cpuPerRequest(idPrefix + "-cpu", models));
        boolean spawned = all(models).stream().anyMatch(r -> r.resources() != null && r.resources().processesSpawned() > 0);
        if (spawned) {
            charts.add(resource(idPrefix + "-spawned", "Processes spawned", "processes", "count", true, models,
                    res -> res.processesSpawned() > 0 ? (double) res.processesSpawned() : null));
        }
        return charts;
    }

    private static Chart resource(String id, String title, String yName, String format, boolean yLog,
                                  SortedMap<String, List<BenchmarkResult>> models,
                                  Function<ServerResources, Double> value) {
        var series = perModel(models, r -> {
            Double y = r.resources() == null ? null : value.apply(r.resources());
            return y == null ? null : new ChartSpec.Point(connections(r), y, null, null, ResultText.flag(r), null,
                    ResultText.tip(r));
        });
        return new Chart(ChartSpec.lines(id, title, "connections", yName, true, yLog, format, series).withoutLegend(),
                all(models), "Sampled from /proc; no error estimate.");
    }

    private static Chart cpuPerRequest(String id, SortedMap<String, List<BenchmarkResult>> models) {
        var series = perModel(models, r -> {
            if (r.resources() == null || r.requestsCompleted() == 0) {
                return null;
            }
            double micros = r.resources().cpuSeconds() / r.requestsCompleted() * 1e6;
            return micros <= 0 ? null : new ChartSpec.Point(connections(r), micros, null, null, ResultText.flag(r),
                    null, ResultText.tip(r));
        });
        return new Chart(ChartSpec.lines(id, "CPU per request", "connections", "µs", true, true, "us", series)
                .withoutLegend(), all(models), "Server CPU seconds (children included) over completed requests.");
    }

    /** The blog's experiment: requests completed in 10 s with a 1 s sleep and 10 connections. */
    static Chart blog(String id, List<BenchmarkResult> results) {
        var categories = results.stream().map(BenchmarkResult::model).toList();
        var points = new ArrayList<ChartSpec.Point>();
        for (int i = 0; i < results.size(); i++) {
            BenchmarkResult r = results.get(i);
            Double error = r.throughput().scoreError();
            double in10s = r.throughput().score() * 10;
            points.add(new ChartSpec.Point(i, in10s, error == null ? null : Math.max(0, in10s - error * 10),
                    error == null ? null : in10s + error * 10, ResultText.flag(r), ModelStyle.color(r.model()),
                    ResultText.tip(r)));
        }
        var spec = new ChartSpec(id, "bars", "Requests completed in 10 s, 1 s sleep, 10 connections", "model",
                "requests in 10 s", false, false, "count", categories,
                List.of(new ChartSpec.Series("requests in 10 s", "#3182bd", false, points)), null, null, false);
        return new Chart(spec, results, "Throughput × 10 s; error bars: JMH's 99.9% confidence interval × 10 s.");
    }

    private static List<ChartSpec.Point> percentilePoints(BenchmarkResult r, Percentiles p) {
        double[] values = {p.minMs(), p.p50Ms(), p.p75Ms(), p.p90Ms(), p.p99Ms(), p.p999Ms(), p.p9999Ms(), p.maxMs()};
        var points = new ArrayList<ChartSpec.Point>();
        for (int i = 0; i < values.length; i++) {
            boolean last = i == values.length - 1;
            points.add(new ChartSpec.Point(PERCENTILES[i], values[i], null, null, last ? ResultText.flag(r) : null, null,
                    List.of(r.model() + " · " + ResultText.connections(r),
                            "n = " + dev.concbench.reports.format.Numbers.grouped(p.count()) + " · "
                                    + ResultText.errors(r.errors()))));
        }
        return points;
    }

    private static List<ChartSpec.Series> perModel(SortedMap<String, List<BenchmarkResult>> models,
                                                   Function<BenchmarkResult, ChartSpec.Point> point) {
        var series = new ArrayList<ChartSpec.Series>();
        for (Map.Entry<String, List<BenchmarkResult>> entry : models.entrySet()) {
            var points = entry.getValue().stream().filter(r -> r.connections().isPresent()).map(point)
                    .filter(Objects::nonNull).toList();
            if (!points.isEmpty()) {
                series.add(new ChartSpec.Series(entry.getKey(), ModelStyle.color(entry.getKey()),
                        ModelStyle.dashed(entry.getKey()), points));
            }
        }
        return series;
    }

    private static double connections(BenchmarkResult r) {
        return r.connections().orElseThrow();
    }

    static List<BenchmarkResult> all(SortedMap<String, List<BenchmarkResult>> models) {
        return models.values().stream().flatMap(List::stream).toList();
    }
}
