package dev.concbench.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The client's own CPU use during the measurement, so that a run where the client was the
 * bottleneck can be told apart from one where the server was.
 *
 * @param eventLoops       CPU time of the client's event-loop threads (the whole load generator)
 * @param process          CPU time of the whole JVM (includes the server when it runs in-process)
 * @param eventLoopThreads the number of event-loop threads
 * @param wall             the wall-clock time the CPU times were taken over
 */
public record ClientCpu(Duration eventLoops, Duration process, int eventLoopThreads, Duration wall) {

    /** Event-loop utilization above which the client is taken to be the bottleneck. */
    public static final double SATURATED_UTILIZATION = 0.9;

    public ClientCpu {
        Objects.requireNonNull(eventLoops, "eventLoops");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(wall, "wall");
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("eventLoopThreads must be at least 1, was " + eventLoopThreads);
        }
    }

    /** Busy share of the event-loop threads, 0..1: event-loop CPU over wall time times threads. */
    public double eventLoopUtilization() {
        long capacity = wall.toNanos() * eventLoopThreads;
        return capacity == 0 ? 0 : (double) eventLoops.toNanos() / capacity;
    }

    /**
     * The shortest measurement whose utilization is judged: over a few milliseconds the client's
     * own start (class loading, first compilations) keeps its loops busy whatever the server does.
     */
    public static final Duration SHORTEST_JUDGED = Duration.ofSeconds(1);

    /**
     * Whether the event loops were busy nearly all the time over a measurement of at least
     * {@link #SHORTEST_JUDGED}: the figures may be the client's ceiling.
     */
    public boolean saturated() {
        return wall.compareTo(SHORTEST_JUDGED) >= 0 && eventLoopUtilization() >= SATURATED_UTILIZATION;
    }
}
