package dev.concbench.reports.ab;

import dev.concbench.reports.capacity.CapacityBracket;
import dev.concbench.reports.capacity.CapacityChange;
import dev.concbench.reports.capacity.SweepCase;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.results.RateSweep;
import java.util.Objects;

/**
 * One sweep of an A/B run, both sides' capacities judged against each other by
 * {@link CapacityChange}'s rule; the two sides' steps alternated, so the machine's drift reaches
 * both alike.
 *
 * @param key    the sweep's case
 * @param a      the baseline's sweep
 * @param b      the candidate's sweep
 * @param change the verdict from the two brackets
 */
public record AbCapacity(SweepCase key, RateSweep a, RateSweep b, CapacityChange change) {

    public AbCapacity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(change, "change");
    }

    /** Judges the two sides of one sweep with this minimum effect (percent). */
    public static AbCapacity judge(RateSweep a, RateSweep b, double minEffectPercent) {
        return new AbCapacity(SweepCase.of(a), a, b, CapacityChange.judge(CapacityBracket.of(a.capacity()),
                CapacityBracket.of(b.capacity()), minEffectPercent));
    }

    public Verdict verdict() {
        return change.verdict();
    }
}
