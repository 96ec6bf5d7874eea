package dev.concbench.client.capacity;

import static dev.concbench.client.capacity.StepFigures.rate;

import dev.concbench.results.Capacity;
import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;

/** The capacity a sweep's steps show, for both kinds of sweep: one place for the outcomes' wording. */
final class Brackets {

    private Brackets() {
    }

    /** Nothing run yet, or nothing to show. */
    static Capacity notYet() {
        return new Capacity(null, null, CapacityOutcome.INCONCLUSIVE, "no step has run");
    }

    /**
     * The capacity when a step failed above the last passing rate ({@code null}: none passed).
     * A client failure is the client's limit, however wide the bracket; a server failure with no
     * pass below it fails at the lowest rate; otherwise the failure closes the bracket, and
     * {@code narrow} says whether it is within the resolution.
     */
    static Capacity afterFailure(Double lastPass, SweepStep failed, boolean narrow) {
        if (failed.verdict() == StepVerdict.CLIENT_FAILED) {
            return new Capacity(lastPass, failed.offeredRate(), CapacityOutcome.CLIENT_LIMITED,
                    "the client, not the server, failed at " + rate(failed.offeredRate()) + ": " + failed.reason()
                            + (lastPass == null ? "" : "; the server met the objective at " + rate(lastPass)));
        }
        if (lastPass == null) {
            return new Capacity(null, failed.offeredRate(), CapacityOutcome.FAILED_AT_LOWEST,
                    "missed the objective at the lowest rate offered, " + rate(failed.offeredRate()) + ": "
                            + failed.reason());
        }
        return new Capacity(lastPass, failed.offeredRate(),
                narrow ? CapacityOutcome.BRACKETED : CapacityOutcome.INCONCLUSIVE,
                "met at " + rate(lastPass) + ", missed at " + rate(failed.offeredRate()) + ": " + failed.reason()
                        + (narrow ? "" : " (the bracket is wider than the resolution)"));
    }

    /** Every step met the objective, the last at {@code highest}: a lower bound, not a capacity. */
    static Capacity passedEverything(double highest) {
        return new Capacity(highest, null, CapacityOutcome.INCONCLUSIVE,
                "met the objective at the highest rate offered, " + rate(highest) + ": the capacity is above it");
    }
}
