package dev.concbench.results;

import java.util.OptionalDouble;

/**
 * One measured window of a benchmark: a JMH measurement iteration, in order. In an A/B run the
 * windows of the two sides with the same {@code index} were measured one right after the other
 * and form a pair; the verdict is judged on the pairs.
 *
 * @param index            the window's position in the measurement, from 0 (all forks in order)
 * @param seconds          the client's measured time of the window
 * @param requests         verified responses in the window
 * @param errors           failed requests in the window, every kind
 * @param p99Ms            99th-percentile latency of the window's responses, ms (corrected in an
 *                         open loop); 0 when there was none
 * @param serverCpuSeconds CPU seconds the server's process tree used during the window (from the
 *                         end of its lead-in to the end of the window's connections), or
 *                         {@code null} when not sampled (server in-process, or no {@code /proc})
 */
public record MeasuredWindow(int index, double seconds, long requests, long errors, double p99Ms,
                             Double serverCpuSeconds) {

    public MeasuredWindow {
        Checks.notNegative(index, "window index");
        Checks.notNegative(seconds, "window seconds");
        Checks.notNegative(requests, "window requests");
        Checks.notNegative(errors, "window errors");
        Checks.notNegative(p99Ms, "window p99Ms");
        Checks.notNegativeOrNull(serverCpuSeconds, "window serverCpuSeconds");
    }

    /** Verified responses per second of the window; 0 for an empty window. */
    public double requestsPerSecond() {
        return seconds == 0 ? 0 : requests / seconds;
    }

    /** Server CPU seconds per verified response; empty when not sampled or nothing was answered. */
    public OptionalDouble serverCpuPerRequest() {
        return serverCpuSeconds == null || requests == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(serverCpuSeconds / requests);
    }
}
