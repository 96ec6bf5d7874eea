package dev.concbench.client.capacity;

import dev.concbench.results.Capacity;
import dev.concbench.results.Objective;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepMode;
import dev.concbench.results.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The latency curve: a fixed ladder of rates, geometrically spaced from low to past saturation,
 * each step judged against the objective. It stops climbing once the server has clearly left the
 * objective (two failing steps in a row, or one where it {@linkplain #collapsed collapsed}) or the
 * client failed a step: a collapsed server is not hammered for the rest of the ladder. The capacity
 * is bracketed by the last passing rate below the first failure, at the ladder's spacing.
 */
public final class CurveSweep implements Sweep {

    /** A step collapsed when the server answered less than this share of the offered rate, */
    static final double COLLAPSED_ACHIEVED_SHARE = 0.5;
    /** or errors were more than this share of the requests, */
    static final double COLLAPSED_ERROR_SHARE = 0.1;
    /** or the latency at the objective's percentile was more than this many times its limit. */
    static final double COLLAPSED_LATENCY_FACTOR = 10;

    private final Objective objective;
    private final List<Double> rates;
    private final List<SweepStep> steps = new ArrayList<>();
    private Double lastPass;
    private SweepStep firstFail;
    private int failuresInARow;
    private boolean done;

    /**
     * @param rates the ladder, ascending, at least two rates
     */
    public CurveSweep(Objective objective, List<Double> rates) {
        this.objective = Objects.requireNonNull(objective, "objective");
        this.rates = List.copyOf(rates);
        if (this.rates.size() < 2) {
            throw new IllegalArgumentException("a curve needs at least two rates, got " + this.rates.size());
        }
        for (int i = 0; i < this.rates.size(); i++) {
            if (!(this.rates.get(i) > 0) || (i > 0 && this.rates.get(i) <= this.rates.get(i - 1))) {
                throw new IllegalArgumentException("a curve's rates must be positive and ascending, got " + rates);
            }
        }
    }

    /** {@code count} rates from {@code from} to {@code to}, geometrically spaced. */
    public static List<Double> ladder(double from, double to, int count) {
        if (!(from > 0) || !(to > from) || count < 2) {
            throw new IllegalArgumentException("a ladder goes from a positive rate to a higher one in at least two"
                    + " steps, got " + from + " to " + to + " in " + count);
        }
        List<Double> ladder = new ArrayList<>();
        double ratio = Math.pow(to / from, 1.0 / (count - 1));
        for (int i = 0; i < count; i++) {
            ladder.add(i == count - 1 ? to : from * Math.pow(ratio, i));
        }
        return ladder;
    }

    @Override
    public OptionalDouble nextRate() {
        return done || steps.size() >= rates.size() ? OptionalDouble.empty() : OptionalDouble.of(rates.get(steps.size()));
    }

    @Override
    public void record(SweepStep step) {
        if (nextRate().isEmpty()) {
            throw new IllegalStateException("the curve is over");
        }
        steps.add(step);
        if (step.verdict() == StepVerdict.PASS) {
            failuresInARow = 0;
            if (firstFail == null) {
                lastPass = step.offeredRate();
            }
            return;
        }
        if (firstFail == null) {
            firstFail = step;
        }
        failuresInARow++;
        done = step.verdict() == StepVerdict.CLIENT_FAILED || failuresInARow >= 2 || collapsed(step);
    }

    /** Whether the server answered too little, failed too often or took far too long to be offered more. */
    boolean collapsed(SweepStep step) {
        return step.achievedRate() < COLLAPSED_ACHIEVED_SHARE * step.offeredRate()
                || step.errorShare() > COLLAPSED_ERROR_SHARE
                || atPercentile(step) > COLLAPSED_LATENCY_FACTOR * objective.limitMs();
    }

    private double atPercentile(SweepStep step) {
        var p = step.corrected();
        double at = objective.percentile();
        return at <= 50 ? p.p50Ms() : at <= 75 ? p.p75Ms() : at <= 90 ? p.p90Ms() : at <= 99 ? p.p99Ms()
                : at <= 99.9 ? p.p999Ms() : p.p9999Ms();
    }

    @Override
    public List<SweepStep> steps() {
        return List.copyOf(steps);
    }

    @Override
    public Capacity capacity() {
        if (steps.isEmpty()) {
            return Brackets.notYet();
        }
        return firstFail == null ? Brackets.passedEverything(lastPass) : Brackets.afterFailure(lastPass, firstFail, true);
    }

    @Override
    public Objective objective() {
        return objective;
    }

    @Override
    public SweepMode mode() {
        return SweepMode.CURVE;
    }

    /** The ratio between neighbouring rates, less one: the ladder's spacing. */
    @Override
    public double resolution() {
        double widest = 0;
        for (int i = 1; i < rates.size(); i++) {
            widest = Math.max(widest, rates.get(i) / rates.get(i - 1) - 1);
        }
        return widest;
    }
}
