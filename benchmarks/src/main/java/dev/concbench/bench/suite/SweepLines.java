package dev.concbench.bench.suite;

import dev.concbench.client.capacity.StepFigures;
import dev.concbench.results.Capacity;
import dev.concbench.results.RateSweep;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import java.util.Locale;

/** The runner's lines for a sweep: one per step as it is judged, one for the capacity it found. */
final class SweepLines {

    private SweepLines() {
    }

    /**
     * E.g. {@code A step 4: 3,200/s offered, 3,198/s answered, p99 410 us (390 us uncorrected), 0 errors,
     * client 23 % busy: pass}.
     */
    static String step(String side, SweepStep step) {
        return String.format(Locale.ROOT, "%sstep %d: %,.0f/s offered, %,.0f/s answered, p99 %s (%s uncorrected),"
                        + " %,d errors, client %.0f %% busy: %s", side == null ? "" : side + " ", step.index() + 1,
                step.offeredRate(), step.achievedRate(), StepFigures.millis(step.corrected().p99Ms()),
                StepFigures.millis(step.uncorrected().p99Ms()), step.errors().total(),
                step.clientUtilization() * 100,
                step.verdict() == StepVerdict.PASS ? "pass"
                        : (step.verdict() == StepVerdict.CLIENT_FAILED ? "client failed: " : "missed: ") + step.reason());
    }

    /** E.g. {@code capacity [12,800/s, 13,400/s] bracketed (9 steps): met at ..., missed at ...}. */
    static String capacity(RateSweep sweep) {
        Capacity capacity = sweep.capacity();
        return String.format(Locale.ROOT, "%scapacity at %s [%s, %s] %s (%d steps): %s",
                sweep.side() == null ? "" : sweep.side() + ": ", sweep.objective().label(), rate(capacity.lastPassRate()),
                rate(capacity.firstFailRate()), capacity.outcome().label(), sweep.steps().size(), capacity.reason());
    }

    private static String rate(Double rate) {
        return rate == null ? "-" : StepFigures.rate(rate);
    }
}
