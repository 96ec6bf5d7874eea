package dev.concbench.reports.machines;

import dev.concbench.reports.figures.RunFigures;
import dev.concbench.reports.figures.ScenarioGroup;
import dev.concbench.reports.figures.Scenarios;
import dev.concbench.results.BenchmarkKey;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The same benchmarks measured on several machines, side by side: one column per run, headed
 * by its machine's fingerprint (the pair's, for a run whose servers ran on another machine), one row per benchmark present in any run.
 *
 * <p>With {@code normalised}, every throughput is divided by its own run's client ceiling, so
 * that machines whose load client could drive more do not look faster for that reason alone;
 * values are then fractions of the ceiling (1.0 = the ceiling).
 *
 * @param columns    one per run, in the order given
 * @param rows       one per benchmark key, in key order
 * @param normalised whether values are fractions of each run's client ceiling
 */
public record MachineMatrix(List<Column> columns, List<Row> rows, boolean normalised) {

    /**
     * A run and how to head its column.
     *
     * @param run         the run
     * @param heading     CPU model, cores, memory (of both machines when the servers ran on another) and
     *                    JVM, plus the start time when a machine appears twice
     * @param machineId   the machine's id, or the pair's ({@link RunResult#machineIdentity()})
     */
    public record Column(RunResult run, String heading, String machineId) {
    }

    /**
     * One value in the matrix.
     *
     * @param result the underlying result
     * @param value  throughput in ops/s, or a fraction of the client ceiling when normalised
     * @param error  the 99.9 % error in the same unit, or {@code null}
     */
    public record Cell(BenchmarkResult result, double value, Double error) {
    }

    /**
     * One benchmark across the columns.
     *
     * @param key   benchmark, model, scenario, parameters
     * @param cells one per column; {@code null} where that run lacks the benchmark
     */
    public record Row(BenchmarkKey key, List<Cell> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }

    /**
     * A model's best figure in one scenario group on every machine (the chart's bars).
     *
     * @param group the scenario group
     * @param model the model
     * @param cells one per column, the highest-throughput result there; {@code null} where missing
     */
    public record HeadlineRow(ScenarioGroup group, String model, List<Cell> cells) {
        public HeadlineRow {
            cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public MachineMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Arranges runs side by side.
     *
     * @throws IllegalArgumentException if there is no run, or normalising and a run has no client ceiling
     */
    public static MachineMatrix of(List<RunResult> runs, boolean normalise) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("machines needs at least one result file");
        }
        if (normalise) {
            for (RunResult run : runs) {
                if (run.clientCeiling() == null || run.clientCeiling().requestsPerSecond() <= 0) {
                    throw new IllegalArgumentException("cannot normalise: the run of " + WHEN.format(run.startedAt())
                            + " on " + run.machineIdentity() + " has no client ceiling");
                }
            }
        }
        var columns = columns(runs);
        var keys = new TreeSet<BenchmarkKey>(Scenarios.KEY_ORDER);
        runs.forEach(run -> run.results().forEach(r -> keys.add(r.key())));
        var byRun = runs.stream().map(run -> {
            var map = new HashMap<BenchmarkKey, BenchmarkResult>();
            run.results().forEach(r -> map.put(r.key(), r));
            return map;
        }).toList();
        var rows = new ArrayList<Row>();
        for (BenchmarkKey key : keys) {
            var cells = new ArrayList<Cell>();
            for (int i = 0; i < runs.size(); i++) {
                BenchmarkResult result = byRun.get(i).get(key);
                cells.add(result == null ? null : cell(runs.get(i), result, normalise));
            }
            rows.add(new Row(key, cells));
        }
        return new MachineMatrix(columns, rows, normalise);
    }

    /** The best figure of each model in each scenario group, per column. */
    public List<HeadlineRow> headline() {
        var figures = columns.stream().map(c -> RunFigures.of(c.run())).toList();
        var groups = new TreeMap<ScenarioGroup, TreeSet<String>>();
        for (RunFigures f : figures) {
            f.groups().forEach((group, models) ->
                    groups.computeIfAbsent(group, g -> new TreeSet<>(Scenarios.MODEL_ORDER)).addAll(models.keySet()));
        }
        var headline = new ArrayList<HeadlineRow>();
        groups.forEach((group, models) -> models.forEach(model -> {
            var cells = new ArrayList<Cell>();
            for (int i = 0; i < columns.size(); i++) {
                RunResult run = columns.get(i).run();
                cells.add(figures.get(i).best(group, model).map(r -> cell(run, r, normalised)).orElse(null));
            }
            headline.add(new HeadlineRow(group, model, cells));
        }));
        return headline;
    }

    private static Cell cell(RunResult run, BenchmarkResult result, boolean normalise) {
        double divisor = normalise ? run.clientCeiling().requestsPerSecond() : 1;
        Double error = result.throughput().scoreError();
        return new Cell(result, result.throughput().score() / divisor, error == null ? null : error / divisor);
    }

    private static List<Column> columns(List<RunResult> runs) {
        Map<String, Long> perMachine = new HashMap<>();
        runs.forEach(run -> perMachine.merge(run.machineIdentity(), 1L, Long::sum));
        return runs.stream().map(run -> {
            var jvm = run.environment().serverJvm();
            String heading = run.machinesSummary() + ", JDK " + jvm.version() + " (" + jvm.vendor() + ")";
            if (perMachine.get(run.machineIdentity()) > 1) {
                heading += ", run of " + WHEN.format(run.startedAt());
            }
            return new Column(run, heading, run.machineIdentity());
        }).toList();
    }
}
