package dev.concbench.bench.trial;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load client's figures over one trial's measurement iterations, merged.
 *
 * @param iterations             measurement iterations merged
 * @param requests               verified responses
 * @param errors                 failed requests by kind label ({@code connect}, {@code timeout}, ...)
 * @param firstErrors            the first message seen of each error kind
 * @param unfinished             requests still open when an iteration ended
 * @param bytesRead              bytes received
 * @param windowSeconds          the client's measured time, all iterations together
 * @param windowRates            each iteration's verified responses per second of the client's window
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
public record TrialMeasurement(int iterations, long requests, Map<String, Long> errors,
                               Map<String, String> firstErrors, long unfinished, long bytesRead,
                               double windowSeconds, List<Double> windowRates, String latency,
                               String uncorrectedLatency, TrialFairness fairness, double eventLoopCpuSeconds,
                               double processCpuSeconds, double eventLoopUtilization, Map<String, Double> extras) {

    public TrialMeasurement {
        errors = new TreeMap<>(errors);
        firstErrors = new TreeMap<>(firstErrors);
        windowRates = List.copyOf(windowRates);
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
     */
    public record TrialFairness(int connections, long minResponses, long medianResponses, long maxResponses,
                                int starved, double longestWaitMs) {
    }
}
