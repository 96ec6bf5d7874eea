package dev.concbench.client;

import java.time.Duration;
import java.util.Arrays;

/**
 * How evenly the server shared itself among the connections during the measurement: what wrk
 * hides. A blocking pool of 4 threads facing 64 keep-alive connections serves 4 of them and leaves
 * 60 waiting; their requests never end, so a closed-loop tool that only counts responses shows the
 * pool as fast. Here the 60 show up as starved.
 *
 * @param connections     the number of connections (in close mode: of concurrent users)
 * @param minResponses    the fewest responses any connection received during the measurement
 * @param medianResponses the median over connections
 * @param maxResponses    the most responses any connection received
 * @param longestWait     the longest any connection waited for an answer within the measurement
 *                        (including requests that ended in an error or were unfinished at the end)
 * @param starved         connections that received no response at all during the measurement
 * @param gaveUp          connections that stopped trying before the end, after too many failures
 *                        in a row (warm-up included); see {@link LoadSpec#maxConsecutiveFailures()}
 */
public record Fairness(
        int connections, long minResponses, long medianResponses, long maxResponses, Duration longestWait,
        int starved, int gaveUp) {

    /** Computes the figures from each connection's response count, the longest wait seen and the connections that gave up. */
    public static Fairness of(long[] responsesPerConnection, long longestWaitNanos, int gaveUp) {
        long[] sorted = responsesPerConnection.clone();
        Arrays.sort(sorted);
        int starved = 0;
        for (long responses : sorted) {
            if (responses == 0) {
                starved++;
            }
        }
        return new Fairness(sorted.length, sorted[0], sorted[(sorted.length - 1) / 2], sorted[sorted.length - 1],
                Duration.ofNanos(longestWaitNanos), starved, gaveUp);
    }

    /** Whether any connection went without a single response during the measurement. */
    public boolean anyStarved() {
        return starved > 0;
    }
}
