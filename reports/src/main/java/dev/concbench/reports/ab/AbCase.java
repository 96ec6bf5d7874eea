package dev.concbench.reports.ab;

import dev.concbench.reports.compare.Direction;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.results.BenchmarkKey;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.MeasuredWindow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One case of an A/B run judged from its pairs of windows: throughput (higher is better), p99
 * latency (lower is better; corrected in an open loop) and server CPU per request (lower is
 * better). The case's verdict is the worst of the three; it is not judged, with the reason, when a
 * side failed, measured nothing or answered nothing (a server that could not take the load at all:
 * a finding, valid as a result, but with no figure to pair); CPU per request is not judged when the server used too little
 * CPU in a window for {@code /proc}'s ticks to measure it ({@link #MIN_CPU_SECONDS_PER_WINDOW}). A
 * client-bound side is judged all the same and noted: a client that sets the pace pulls the
 * throughput ratio towards 1, hiding a change rather than making one.
 *
 * @param key        the case (its side left out)
 * @param a          the baseline's result
 * @param b          the candidate's result
 * @param throughput verified responses per second, window by window
 * @param p99        each window's 99th-percentile latency
 * @param cpu        the server's CPU seconds per verified response, window by window
 * @param verdict    the worst of the three
 * @param reason     why the case is not judged, or {@code null}
 */
public record AbCase(BenchmarkKey key, BenchmarkResult a, BenchmarkResult b, AbMetric throughput, AbMetric p99,
                     AbMetric cpu, Verdict verdict, String reason) {

    /**
     * The least CPU time per window (median over a side's windows) for CPU per request to be judged:
     * {@code /proc} counts a process's CPU in ticks of 10 ms, so below 100 ms a window's figure is
     * off by more than a tenth (a sleep scenario's server idles: a few ms per window).
     */
    static final double MIN_CPU_SECONDS_PER_WINDOW = 0.1;

    public AbCase {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /** Judges the two sides of one case with this minimum effect (percent). */
    public static AbCase judge(BenchmarkResult a, BenchmarkResult b, double minEffectPercent) {
        BenchmarkKey key = a.key().withoutSide();
        String unjudged = unmeasured(a).or(() -> unmeasured(b)).orElse(null);
        if (unjudged != null) {
            AbMetric none = AbMetric.notJudged("throughput", Direction.HIGHER_IS_BETTER, unjudged);
            return new AbCase(key, a, b, none, AbMetric.notJudged("p99", Direction.LOWER_IS_BETTER, unjudged),
                    AbMetric.notJudged("CPU/request", Direction.LOWER_IS_BETTER, unjudged), Verdict.NOT_JUDGED, unjudged);
        }
        // A client-bound side is still judged (a client that set the pace pulls the ratio towards 1,
        // so it hides changes rather than inventing them); the notes say so.
        AbMetric throughput = AbMetric.judge("throughput", Direction.HIGHER_IS_BETTER,
                values(a, MeasuredWindow::requestsPerSecond), values(b, MeasuredWindow::requestsPerSecond),
                minEffectPercent);
        AbMetric p99 = AbMetric.judge("p99", Direction.LOWER_IS_BETTER, values(a, MeasuredWindow::p99Ms),
                values(b, MeasuredWindow::p99Ms), minEffectPercent);
        boolean sampled = a.windows().stream().allMatch(w -> w.serverCpuSeconds() != null)
                && b.windows().stream().allMatch(w -> w.serverCpuSeconds() != null);
        double cpuPerWindow = Math.min(medianCpuSeconds(a), medianCpuSeconds(b));
        AbMetric cpu = !sampled ? AbMetric.notJudged("CPU/request", Direction.LOWER_IS_BETTER,
                "the server's CPU was not sampled")
                : cpuPerWindow < MIN_CPU_SECONDS_PER_WINDOW ? AbMetric.notJudged("CPU/request",
                Direction.LOWER_IS_BETTER, String.format(Locale.ROOT, "the server used %.0f ms of CPU in a window,"
                        + " under the %.0f ms that /proc's 10 ms ticks resolve to 10 %%", cpuPerWindow * 1000,
                        MIN_CPU_SECONDS_PER_WINDOW * 1000))
                : AbMetric.judge("CPU/request", Direction.LOWER_IS_BETTER, values(a, AbCase::cpuPerRequest),
                values(b, AbCase::cpuPerRequest), minEffectPercent);
        Verdict verdict = Verdict.combine(Verdict.combine(throughput.verdict(), p99.verdict()), cpu.verdict());
        return new AbCase(key, a, b, throughput, p99, cpu, verdict, null);
    }

    /** The smallest change each judged metric could have shown, e.g. {@code throughput 7 %, p99 12 %}. */
    public String detectableText() {
        String text = metrics().stream().filter(AbMetric::judged)
                .map(m -> String.format(Locale.ROOT, "%s %.0f %%", m.metric(), m.detectablePercent()))
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "—" : text;
    }

    /** The three metrics in report order. */
    public List<AbMetric> metrics() {
        return List.of(throughput, p99, cpu);
    }

    private static Optional<String> unmeasured(BenchmarkResult side) {
        if (side.windows().isEmpty()) {
            return Optional.of("side " + side.side() + " measured nothing"
                    + (side.invalidReasons().isEmpty() ? "" : " (" + String.join("; ", side.invalidReasons()) + ")"));
        }
        return side.invalidReasons().stream().filter(reason -> reason.startsWith("the benchmark failed"))
                .findFirst().map(reason -> "side " + side.side() + ": " + reason)
                .or(() -> side.requestsCompleted() > 0 ? Optional.empty()
                        : Optional.of("side " + side.side() + (side.overload() != null ? ": " + side.overload()
                        : " answered nothing")));
    }

    private static double medianCpuSeconds(BenchmarkResult side) {
        double[] cpu = side.windows().stream().mapToDouble(w -> w.serverCpuSeconds() == null ? 0 : w.serverCpuSeconds())
                .sorted().toArray();
        return cpu.length == 0 ? 0 : cpu[cpu.length / 2];
    }

    private static double cpuPerRequest(MeasuredWindow window) {
        return window.serverCpuPerRequest().orElse(Double.NaN);
    }

    /** A window's figure, NaN where it has none (0 counts as none: no response, no latency). */
    private static double[] values(BenchmarkResult side, ToDoubleFunction<MeasuredWindow> figure) {
        return side.windows().stream().mapToDouble(figure).map(v -> v > 0 ? v : Double.NaN).toArray();
    }
}
