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
 */
public record Fairness(int connections, long minPerConnection, double medianPerConnection, long maxPerConnection,
                       int starvedConnections, double longestWaitMs) {

    public Fairness {
        Checks.notNegative(connections, "fairness connections");
        Checks.notNegative(minPerConnection, "fairness minPerConnection");
        Checks.notNegative(medianPerConnection, "fairness medianPerConnection");
        Checks.notNegative(maxPerConnection, "fairness maxPerConnection");
        Checks.notNegative(longestWaitMs, "fairness longestWaitMs");
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
