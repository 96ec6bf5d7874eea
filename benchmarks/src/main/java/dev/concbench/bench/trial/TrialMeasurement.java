package dev.concbench.bench.trial;

import dev.concbench.client.ErrorKind;
import dev.concbench.results.MeasuredWindow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load client's figures over one trial's measurement iterations against one server, merged.
 *
 * @param iterations             measurement iterations merged
 * @param requests               verified responses
 * @param errors                 failed requests by kind
 * @param firstErrors            the first message seen of each error kind
 * @param unfinished             requests still open when an iteration ended
 * @param bytesRead              bytes received
 * @param windowSeconds          the client's measured time, all iterations together
 * @param windows                each iteration's window, in order (rate, errors, p99, server CPU)
 * @param latency                HdrHistogram (ns, compressed, Base64) from the intended send time;
 *                               the same as {@code uncorrectedLatency} in a closed loop
 * @param uncorrectedLatency     HdrHistogram (ns, compressed, Base64) from the actual send time
 * @param fairness               how the responses were shared among the connections
 * @param eventLoopCpuSeconds    CPU time of the client's event loops
 * @param processCpuSeconds      CPU time of the whole benchmark JVM
 * @param eventLoopUtilization   busy share of the client's event loops, 0..1
 * @param extras                 figures particular to a scenario (e.g. the slow clients' own
 *                               responses), by name
 */
public record TrialMeasurement(int iterations, long requests, Map<ErrorKind, Long> errors,
                               Map<ErrorKind, String> firstErrors, long unfinished, long bytesRead,
                               double windowSeconds, List<MeasuredWindow> windows, String latency,
                               String uncorrectedLatency, TrialFairness fairness, double eventLoopCpuSeconds,
                               double processCpuSeconds, double eventLoopUtilization, Map<String, Double> extras) {

    public TrialMeasurement {
        errors = errors.isEmpty() ? Map.of() : new EnumMap<>(errors);
        firstErrors = firstErrors.isEmpty() ? Map.of() : new EnumMap<>(firstErrors);
        windows = List.copyOf(windows);
        extras = new TreeMap<>(extras);
    }

    /** Failed requests of every kind. */
    public long errorTotal() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * How evenly the connections were served: the worst of the iterations (fewest responses on a
     * connection, most starved connections, longest wait); the median is the median of the
     * iterations' medians.
     *
     * @param connections     connections per iteration
     * @param minResponses    fewest responses one connection received in one iteration
     * @param medianResponses median over connections, median over iterations
     * @param maxResponses    most responses one connection received in one iteration
     * @param starved         most connections with no response at all in one iteration
     * @param longestWaitMs   longest any connection waited for an answer, ms
     * @param gaveUp          connections that gave up after repeated failures, all iterations together
     */
    public record TrialFairness(int connections, long minResponses, long medianResponses, long maxResponses,
                                int starved, double longestWaitMs, long gaveUp) {
    }
}
