package dev.concbench.client.capacity;

import dev.concbench.results.Capacity;
import dev.concbench.results.Objective;
import dev.concbench.results.SweepMode;
import dev.concbench.results.SweepStep;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The rates of an open-loop sweep, chosen one step at a time from the steps before, and the
 * capacity they show. Not thread-safe.
 */
public sealed interface Sweep permits CapacitySearch, CurveSweep {

    /** The next rate to offer (requests/s), or empty when the sweep is over. */
    OptionalDouble nextRate();

    /** Records the step measured at the rate {@link #nextRate()} gave last. */
    void record(SweepStep step);

    /** The steps so far, in the order they ran. */
    List<SweepStep> steps();

    /** The capacity the steps show so far; final once {@link #nextRate()} is empty. */
    Capacity capacity();

    /** What every step is judged by. */
    Objective objective();

    SweepMode mode();

    /** The width at which the bracket is narrow enough: its upper rate at most this share above the lower. */
    double resolution();
}
