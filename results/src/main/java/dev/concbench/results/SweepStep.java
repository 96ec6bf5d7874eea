package dev.concbench.results;

import java.util.Objects;

/**
 * One step of a rate sweep: an open-loop window at one offered rate, after a lead-in on the same
 * connections that no figure counts.
 *
 * @param index             the step's position in the sweep, from 0
 * @param offeredRate       requests per second offered
 * @param achievedRate      verified responses per second of the window
 * @param seconds           the window's measured length
 * @param requests          verified responses in the window
 * @param errors            failed requests in the window by kind
 * @param corrected         latency from each request's intended send time (coordinated omission corrected)
 * @param uncorrected       latency from each request's actual send time
 * @param clientUtilization busy share (0..1) of the client's event loops over the window
 * @param serverCpuSeconds  the server's CPU seconds over the window, or {@code null} when not sampled
 * @param verdict           whether the step met the sweep's objective
 * @param reason            why not, one short sentence; {@code null} for a step that passed
 */
public record SweepStep(int index, double offeredRate, double achievedRate, double seconds, long requests,
                        ErrorCounts errors, Percentiles corrected, Percentiles uncorrected, double clientUtilization,
                        Double serverCpuSeconds, StepVerdict verdict, String reason) {

    public SweepStep {
        Checks.notNegative(index, "step index");
        Checks.notNegative(offeredRate, "step offeredRate");
        Checks.notNegative(achievedRate, "step achievedRate");
        Checks.notNegative(seconds, "step seconds");
        Checks.notNegative(requests, "step requests");
        Objects.requireNonNull(errors, "step errors");
        Objects.requireNonNull(corrected, "step corrected");
        Objects.requireNonNull(uncorrected, "step uncorrected");
        Checks.notNegative(clientUtilization, "step clientUtilization");
        Checks.notNegativeOrNull(serverCpuSeconds, "step serverCpuSeconds");
        Objects.requireNonNull(verdict, "step verdict");
        if ((verdict == StepVerdict.PASS) != (reason == null)) {
            throw new IllegalArgumentException("a step has a reason exactly when it did not pass");
        }
        if (reason != null) {
            Checks.notBlank(reason, "step reason");
        }
    }

    /** Failed requests over all requests of the window; 0 when there was none. */
    public double errorShare() {
        long attempts = requests + errors.total();
        return attempts == 0 ? 0 : (double) errors.total() / attempts;
    }
}
