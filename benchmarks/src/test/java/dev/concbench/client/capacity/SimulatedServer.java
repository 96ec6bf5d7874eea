package dev.concbench.client.capacity;

import dev.concbench.results.ErrorCounts;
import dev.concbench.results.Objective;
import dev.concbench.results.Percentiles;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;

/**
 * A server with a known knee, answered without a network: up to the knee it meets any objective
 * (p99 1 ms), above it p99 exceeds the objective's limit and grows with the overload (beyond ten
 * times the limit 9 % past the knee); a client that cannot offer more than its own
 * ceiling fails steps above it. Judges like {@link StepJudge}: the client first, then the server.
 *
 * @param knee          the highest rate the server sustains within 1 ms
 * @param clientCeiling the highest rate the client can offer
 * @param collapsed     whether the server answers nothing at all
 */
record SimulatedServer(double knee, double clientCeiling, boolean collapsed) {

    static SimulatedServer withKnee(double knee) {
        return new SimulatedServer(knee, Double.MAX_VALUE, false);
    }

    SweepStep step(int index, double rate, Objective objective) {
        if (rate > clientCeiling) {
            return step(index, rate, rate * 0.9, 1, 0.97, StepVerdict.CLIENT_FAILED, "the client's event loops were 97 % busy");
        }
        if (collapsed) {
            return step(index, rate, 0, 2000, 0.05, StepVerdict.SERVER_FAILED, "answered 0/s");
        }
        double p99 = rate <= knee ? 1 : objective.limitMs() * (1.01 + 100 * (rate / knee - 1));
        boolean pass = p99 <= objective.limitMs();
        return step(index, rate, rate, p99, 0.3, pass ? StepVerdict.PASS : StepVerdict.SERVER_FAILED,
                pass ? null : "p99 " + p99 + " ms > " + objective.limitMs() + " ms");
    }

    private static SweepStep step(int index, double offered, double achieved, double p99, double utilization,
                                  StepVerdict verdict, String reason) {
        long requests = (long) achieved;
        Percentiles latency = requests == 0 ? new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, 0)
                : new Percentiles(requests, 0, p99 / 2, p99 / 2, p99 / 2, p99, p99, p99, p99);
        return new SweepStep(index, offered, achieved, 1, requests, ErrorCounts.NONE, latency, latency, utilization,
                null, verdict, reason);
    }

    /** Runs a sweep against this server to its end; returns the sweep. */
    <S extends Sweep> S drive(S sweep) {
        for (var rate = sweep.nextRate(); rate.isPresent(); rate = sweep.nextRate()) {
            sweep.record(step(sweep.steps().size(), rate.getAsDouble(), sweep.objective()));
        }
        return sweep;
    }
}
