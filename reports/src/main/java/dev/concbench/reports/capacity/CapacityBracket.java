package dev.concbench.reports.capacity;

import dev.concbench.reports.format.Numbers;
import dev.concbench.results.Capacity;
import dev.concbench.results.CapacityOutcome;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a sweep's capacity says about the server, as the bounds it proves: the capacity (the highest
 * rate meeting the objective) is at least {@code low} and below {@code high}; a missing bound is
 * not known. Read from a {@link Capacity} by its outcome:
 * <ul>
 *   <li>bracketed: both ends;</li>
 *   <li>client-limited: only the last passing rate (the client, not the server, failed above it),
 *       or nothing when even the lowest rate was the client's failure;</li>
 *   <li>failed at the lowest rate: only the first failing rate;</li>
 *   <li>inconclusive: the ends recorded (a bracket wider than the resolution still bounds the
 *       capacity; a top rate that still met the objective is a lower bound; a failed trial has
 *       neither).</li>
 * </ul>
 *
 * @param low     a rate the server met the objective at, requests/s, or {@code null}
 * @param high    a higher rate it did not, requests/s, or {@code null}
 * @param outcome how the sweep ended, e.g. {@code client-limited} (several, {@code /}-separated, for
 *                the union of several runs' brackets)
 */
public record CapacityBracket(Double low, Double high, String outcome) {

    public CapacityBracket {
        Objects.requireNonNull(outcome, "outcome");
        if (low != null && high != null && low >= high) {
            throw new IllegalArgumentException("a bracket's low end " + low + " must be below its high end " + high);
        }
    }

    /** The bounds a recorded capacity proves. */
    public static CapacityBracket of(Capacity capacity) {
        Double high = capacity.outcome() == CapacityOutcome.CLIENT_LIMITED ? null : capacity.firstFailRate();
        return new CapacityBracket(capacity.lastPassRate(), high, capacity.outcome().label());
    }

    /**
     * What several runs' brackets prove together, the widest reading: the lowest low end and the
     * highest high end, each unknown when one run's is.
     */
    public static CapacityBracket union(List<CapacityBracket> brackets) {
        if (brackets.isEmpty()) {
            throw new IllegalArgumentException("no bracket");
        }
        boolean lows = brackets.stream().allMatch(b -> b.low() != null);
        boolean highs = brackets.stream().allMatch(b -> b.high() != null);
        return new CapacityBracket(lows ? brackets.stream().mapToDouble(CapacityBracket::low).min().orElseThrow() : null,
                highs ? brackets.stream().mapToDouble(CapacityBracket::high).max().orElseThrow() : null,
                brackets.stream().map(CapacityBracket::outcome).distinct().collect(Collectors.joining("/")));
    }

    /** Whether both ends are known. */
    public boolean closed() {
        return low != null && high != null;
    }

    /**
     * The bracket as text, never one number alone: {@code 1,000–1,050/s}, {@code ≥ 2,000/s} (no
     * upper bound), {@code < 500/s} (no lower bound) or {@code no bracket}.
     */
    public String text() {
        if (closed()) {
            return rate(low) + "–" + rate(high) + "/s";
        }
        if (low != null) {
            return "≥ " + rate(low) + "/s";
        }
        return high != null ? "< " + rate(high) + "/s" : "no bracket";
    }

    /** A rate as a whole number with thousands separators, e.g. {@code 12,500}. */
    public static String rate(double perSecond) {
        return Numbers.grouped(Math.round(perSecond));
    }
}
