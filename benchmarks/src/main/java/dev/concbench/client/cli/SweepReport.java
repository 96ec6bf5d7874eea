package dev.concbench.client.cli;

import dev.concbench.client.LoadSpec;
import dev.concbench.client.capacity.StepFigures;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.Capacity;
import dev.concbench.results.Objective;
import dev.concbench.results.Percentiles;
import dev.concbench.results.SweepMode;
import dev.concbench.results.SweepStep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.util.Comparator;
import java.util.Locale;

/**
 * The report of a rate sweep ({@code --sweep}, {@code --capacity}): what is swept and how each
 * step is paced and judged, one row per step (as it is judged, and again in the curve ordered by
 * offered rate), and the capacity as a bracket {@code [last pass, first fail]} with its outcome and
 * reason, never one rate alone. Latencies are corrected for coordinated omission except the column
 * marked uncorrected.
 */
final class SweepReport {

    private static final String ROW = "  %4s %12s %12s %9s %9s %9s %9s %9s %7s %6s  %-13s %s";

    private SweepReport() {
    }

    /** The lines printed before the first step. */
    static String header(URI url, LoadValues.SweepRates rates, Sweep sweep, LoadSpec template, SweepRunner.Pace pace,
                         int threads, String transport) {
        StringBuilder out = new StringBuilder();
        if (sweep.mode() == SweepMode.CURVE) {
            out.append(String.format(Locale.ROOT, "Latency curve @ %s: %d rates from %s to %s%n", url, rates.steps(),
                    StepFigures.rate(rates.from()), StepFigures.rate(rates.to())));
        } else {
            out.append(String.format(Locale.ROOT, "Capacity search @ %s: from %s up to at most %s, bracketed to within"
                            + " %s%n", url, StepFigures.rate(rates.from()), StepFigures.rate(rates.to()),
                    percent(sweep.resolution())));
        }
        out.append(TextReport.connections(template, "open loop", threads, transport));
        String window = pace.shortestWindow().equals(pace.longestWindow())
                ? Units.shortDuration(pace.shortestWindow())
                : String.format(Locale.ROOT, "%s, up to %s to hold %d requests",
                        Units.shortDuration(pace.shortestWindow()), Units.shortDuration(pace.longestWindow()),
                        pace.fewestRequests());
        if (!pace.warmUp().isZero()) {
            out.append(String.format(Locale.ROOT, "  first %s of closed-loop warm-up, not counted%n",
                    Units.shortDuration(pace.warmUp())));
        }
        out.append(String.format(Locale.ROOT, "  each step: %s, then a window of %s; a %s pause after a failed one%n",
                pace.leadIn().isZero() ? "no lead-in" : Units.shortDuration(pace.leadIn()) + " of lead-in", window,
                Units.shortDuration(pace.coolDown())));
        Objective objective = sweep.objective();
        out.append(String.format(Locale.ROOT, "  a step passes at %s (corrected), errors <= %s, achieved >= %s of"
                        + " offered, the client not saturated%n", objective.label(), percent(objective.maxErrorShare()),
                percent(objective.minAchievedShare())));
        return out.toString();
    }

    /** The columns' names, above the rows. */
    static String columns() {
        return line("step", "offered", "achieved", "p50", "p90", "p99", "p99.9", "p99 unc", "errors", "client",
                "verdict", "reason");
    }

    /** One step: rates, corrected latencies, the uncorrected p99, errors, the client's busy share, verdict, reason. */
    static String row(SweepStep step) {
        Percentiles corrected = step.corrected();
        return line(step.index(), StepFigures.rate(step.offeredRate()),
                StepFigures.rate(step.achievedRate()), time(corrected, corrected.p50Ms()), time(corrected, corrected.p90Ms()),
                time(corrected, corrected.p99Ms()), time(corrected, corrected.p999Ms()),
                time(step.uncorrected(), step.uncorrected().p99Ms()), step.errors().total(),
                String.format(Locale.ROOT, "%.0f%%", step.clientUtilization() * 100),
                step.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                step.reason() == null ? "" : step.reason());
    }

    /** After the sweep: its steps ordered by offered rate, then the capacity. */
    static String body(Sweep sweep) {
        StringBuilder out = new StringBuilder();
        out.append("The curve by offered rate (step: the order they ran in; p99 unc: from the actual send time)\n");
        out.append(columns());
        sweep.steps().stream().sorted(Comparator.comparingDouble(SweepStep::offeredRate))
                .forEach(step -> out.append(row(step)));
        out.append(capacity(sweep.objective(), sweep.capacity()));
        return out.toString();
    }

    /** {@code Capacity at p99<10ms: [12,800/s, 13,400/s] bracketed: reason}. */
    static String capacity(Objective objective, Capacity capacity) {
        return String.format(Locale.ROOT, "Capacity at %s: [%s, %s] %s: %s%n", objective.label(),
                capacity.lastPassRate() == null ? "none passed" : StepFigures.rate(capacity.lastPassRate()),
                capacity.firstFailRate() == null ? "none failed" : StepFigures.rate(capacity.firstFailRate()),
                capacity.outcome().label(), capacity.reason());
    }

    private static String line(Object... cells) {
        return String.format(Locale.ROOT, ROW, cells).stripTrailing() + "\n";
    }

    private static String time(Percentiles latency, double ms) {
        return latency.count() == 0 ? "-" : Units.time(ms * 1e6);
    }

    /** {@code 5 %}, {@code 0.1 %}, {@code 99 %}. */
    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " %";
    }
}
