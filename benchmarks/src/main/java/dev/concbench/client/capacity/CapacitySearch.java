package dev.concbench.client.capacity;

import dev.concbench.results.Capacity;
import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.Objective;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepMode;
import dev.concbench.results.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The capacity at an objective by a bracket search, as Nighthawk's adaptive load controller finds
 * one: from the lowest rate, multiply by the growth factor while steps pass; at the first failure,
 * bisect (geometrically) between the last passing and the first failing rate until the failing one
 * is within the resolution above the passing one. A step the client failed bounds the search from
 * above like one the server failed: the bisection then narrows in on the client's own limit, and
 * the outcome is client-limited when the lowest failure was the client's (the server took at least
 * the last passing rate; how much more, this client cannot tell). It ends early when the lowest
 * rate already fails, when the highest rate passes, or after the most steps allowed.
 *
 * <p>The climb's first failure of the server is taken again at the same rate before the search
 * turns back: a passing disturbance there (a collection, a compilation, a neighbour on a shared
 * machine) would otherwise cap the capacity at the rate before it, a growth factor below what the
 * server serves. If the second try passes, the climb goes on; if it fails too, the bisection starts
 * below it. Both tries stay among the steps. Past that one repeat, a failing step is never followed
 * by a higher rate: a server that collapsed is not offered more.
 */
public final class CapacitySearch implements Sweep {

    /**
     * Where and how finely to search.
     *
     * @param lowestRate  the first rate offered, requests/s
     * @param highestRate the most ever offered
     * @param growth      the factor between rates while looking for a failure (above 1)
     * @param resolution  the bracket is narrow enough when its upper rate is at most this share
     *                    above its lower one (e.g. 0.05)
     * @param maxSteps    the most steps the search may take
     */
    public record Range(double lowestRate, double highestRate, double growth, double resolution, int maxSteps) {
        public Range {
            if (!(lowestRate > 0) || !(highestRate >= lowestRate) || Double.isInfinite(highestRate)) {
                throw new IllegalArgumentException("rates must be positive and the highest at least the lowest, got "
                        + lowestRate + " and " + highestRate);
            }
            if (!(growth > 1) || Double.isInfinite(growth)) {
                throw new IllegalArgumentException("growth must be above 1, got " + growth);
            }
            if (!(resolution > 0 && resolution < 1)) {
                throw new IllegalArgumentException("resolution must be in (0, 1), got " + resolution);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
            }
        }
    }

    private final Objective objective;
    private final Range range;
    private final List<SweepStep> steps = new ArrayList<>();
    private Double lastPass;
    private SweepStep firstFail;
    /** The climb's first failure of the server while it is taken again; {@code null} otherwise. */
    private SweepStep retrying;
    private boolean retried;
    private Capacity capacity = Brackets.notYet();
    private boolean done;

    public CapacitySearch(Objective objective, Range range) {
        this.objective = Objects.requireNonNull(objective, "objective");
        this.range = Objects.requireNonNull(range, "range");
    }

    @Override
    public OptionalDouble nextRate() {
        if (done) {
            return OptionalDouble.empty();
        }
        if (retrying != null) {
            return OptionalDouble.of(retrying.offeredRate());
        }
        if (firstFail != null) {
            return OptionalDouble.of(Math.sqrt(lastPass * firstFail.offeredRate()));
        }
        return OptionalDouble.of(lastPass == null ? range.lowestRate()
                : Math.min(lastPass * range.growth(), range.highestRate()));
    }

    @Override
    public void record(SweepStep step) {
        if (done) {
            throw new IllegalStateException("the search is over");
        }
        steps.add(step);
        retrying = null;
        if (step.verdict() == StepVerdict.SERVER_FAILED && lastPass != null && firstFail == null && !retried) {
            retrying = step;
            retried = true;
        } else if (step.verdict() == StepVerdict.PASS) {
            lastPass = step.offeredRate();
            if (firstFail == null && lastPass >= range.highestRate()) {
                capacity = Brackets.passedEverything(lastPass);
                done = true;
            }
        } else if (lastPass == null) {
            capacity = Brackets.afterFailure(null, step, false);
            done = true;
        } else {
            firstFail = step;
        }
        if (!done && firstFail != null) {
            boolean narrow = narrow();
            capacity = Brackets.afterFailure(lastPass, firstFail, narrow);
            done = narrow;
        }
        if (!done && steps.size() >= range.maxSteps()) {
            if (retrying != null) { // no step left to take it again: the failure stands
                firstFail = retrying;
                retrying = null;
                capacity = Brackets.afterFailure(lastPass, firstFail, narrow());
            }
            capacity = firstFail == null
                    ? new Capacity(lastPass, null, CapacityOutcome.INCONCLUSIVE, "every one of the " + steps.size()
                            + " steps met the objective, the last at " + StepFigures.rate(lastPass))
                    : new Capacity(lastPass, firstFail.offeredRate(), CapacityOutcome.INCONCLUSIVE,
                            capacity.reason() + "; the search used its " + steps.size() + " steps");
            done = true;
        }
    }

    private boolean narrow() {
        return firstFail.offeredRate() <= lastPass * (1 + range.resolution());
    }

    @Override
    public List<SweepStep> steps() {
        return List.copyOf(steps);
    }

    @Override
    public Capacity capacity() {
        return capacity;
    }

    @Override
    public Objective objective() {
        return objective;
    }

    @Override
    public SweepMode mode() {
        return SweepMode.SEARCH;
    }

    @Override
    public double resolution() {
        return range.resolution();
    }
}
