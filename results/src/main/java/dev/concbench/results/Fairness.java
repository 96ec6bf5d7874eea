package dev.concbench.results;

/**
 * How evenly the server served the client's connections during the measurement iterations.
 * A fast average can hide connections that waited (a small pool serving a few of many).
 *
 * @param connections         connections the client opened
 * @param minPerConnection    fewest requests completed on one connection
 * @param medianPerConnection median of requests completed per connection
 * @param maxPerConnection    most requests completed on one connection
 * @param starvedConnections  the most connections that, in one measurement iteration, completed no
 *                            response at all during that iteration's window (the worst iteration)
 * @param longestWaitMs       longest time one connection went without a completed response
 *                            while the measurement ran, ms
 * @param gaveUpConnections   connections that stopped trying before the end of a window after
 *                            repeated failures, over all windows (0 in files of schema 1–2)
 */
public record Fairness(int connections, long minPerConnection, double medianPerConnection, long maxPerConnection,
                       int starvedConnections, double longestWaitMs, long gaveUpConnections) {

    public Fairness {
        Checks.notNegative(connections, "fairness connections");
        Checks.notNegative(minPerConnection, "fairness minPerConnection");
        Checks.notNegative(medianPerConnection, "fairness medianPerConnection");
        Checks.notNegative(maxPerConnection, "fairness maxPerConnection");
        Checks.notNegative(longestWaitMs, "fairness longestWaitMs");
        Checks.notNegative(gaveUpConnections, "fairness gaveUpConnections");
        if (!(minPerConnection <= medianPerConnection && medianPerConnection <= maxPerConnection)) {
            throw new IllegalArgumentException("fairness must have min <= median <= max per connection, got "
                    + minPerConnection + ", " + medianPerConnection + ", " + maxPerConnection);
        }
        if (starvedConnections < 0 || starvedConnections > connections) {
            throw new IllegalArgumentException("fairness starvedConnections must be within 0.." + connections
                    + ", got " + starvedConnections);
        }
    }
}
