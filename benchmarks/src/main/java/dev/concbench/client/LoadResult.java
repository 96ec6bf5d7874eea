package dev.concbench.client;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What one run measured. Every figure covers the measurement only (after the warm-up).
 *
 * @param spec               what was run
 * @param transport          the transport the client used
 * @param eventLoops         the client's event-loop threads
 * @param requests           verified successful responses: the throughput
 * @param errors             failed requests (and failed connects) by kind; never part of {@code requests}
 * @param unfinished         requests that had not ended when the measurement ended, neither success
 *                           nor error (in the open loop including requests due but not yet sent)
 * @param bytesRead          bytes received from the server during the measurement
 * @param duration           the measurement's length
 * @param latency            latency of the successful responses from each request's intended send
 *                           time (open loop: corrected for coordinated omission; closed loop: the
 *                           intended send time is the actual one, so it equals the uncorrected)
 * @param uncorrectedLatency latency of the successful responses from the actual send time
 * @param sendLag            how late the client itself sent each request of the measurement: from
 *                           when it was due, or when its connection became free if that was later,
 *                           to when it was sent (event-loop stalls, a busy client); near zero for a
 *                           client that keeps its schedule; empty in a closed loop
 * @param fairness           how the responses were shared among the connections
 * @param cpu                the client's own CPU use
 */
public record LoadResult(
        LoadSpec spec,
        ClientTransport transport,
        int eventLoops,
        long requests,
        ErrorCounts errors,
        long unfinished,
        long bytesRead,
        Duration duration,
        Latency latency,
        Latency uncorrectedLatency,
        Latency sendLag,
        Fairness fairness,
        ClientCpu cpu) {

    /** Achieved rate below which an open-loop run is flagged: 95% of the target. */
    public static final double RATE_MET_SHARE = 0.95;

    /** Something in a run that makes its figures suspect; shown next to them. */
    public enum Flag {
        /** Some requests failed. */
        ERRORS("errors"),
        /** Some connections got no response at all during the measurement. */
        STARVED("starved"),
        /** The client's event loops were saturated: the figures may be the client's ceiling. */
        CLIENT_BOUND("client-bound"),
        /** An open-loop run achieved less than 95% of its target rate. */
        RATE_NOT_MET("rate-not-met");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public LoadResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(uncorrectedLatency, "uncorrectedLatency");
        Objects.requireNonNull(sendLag, "sendLag");
        Objects.requireNonNull(fairness, "fairness");
        Objects.requireNonNull(cpu, "cpu");
    }

    /** Verified responses per second of measurement. */
    public double requestsPerSecond() {
        return perSecond(requests);
    }

    /** Bytes received per second of measurement. */
    public double bytesPerSecond() {
        return perSecond(bytesRead);
    }

    /** The open loop's target rate; empty for a closed loop. */
    public OptionalDouble targetRate() {
        return spec.model() instanceof LoadModel.OpenLoop open
                ? OptionalDouble.of(open.requestsPerSecond()) : OptionalDouble.empty();
    }

    /** Whether {@link #latency()} is corrected for coordinated omission (an open-loop run). */
    public boolean latencyCorrected() {
        return spec.model() instanceof LoadModel.OpenLoop;
    }

    /** What makes this run's figures suspect; empty for a clean run. */
    public Set<Flag> flags() {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (errors.total() > 0) {
            flags.add(Flag.ERRORS);
        }
        if (fairness.anyStarved()) {
            flags.add(Flag.STARVED);
        }
        if (cpu.saturated()) {
            flags.add(Flag.CLIENT_BOUND);
        }
        if (targetRate().isPresent() && requestsPerSecond() < RATE_MET_SHARE * targetRate().getAsDouble()) {
            flags.add(Flag.RATE_NOT_MET);
        }
        return flags;
    }

    private double perSecond(long count) {
        long nanos = duration.toNanos();
        return nanos == 0 ? 0 : count * 1e9 / nanos;
    }
}
