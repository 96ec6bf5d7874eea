package dev.concbench.client;

/** How requests are offered to the server: the load model. */
public sealed interface LoadModel {

    /** The number of connections (in close mode: of concurrent users, each opening one connection per request). */
    int connections();

    /**
     * Closed loop, as wrk: each connection sends its next request as soon as the previous answer
     * arrived (up to the pipeline depth). The server sets the pace, so latency is measured from the
     * actual send time, and a stalled server silently receives fewer requests.
     */
    record ClosedLoop(int connections) implements LoadModel {
        public ClosedLoop {
            requirePositiveConnections(connections);
        }
    }

    /**
     * Open loop, as wrk2: a fixed request rate over all connections. Each connection sends on its
     * own schedule of {@code connections / requestsPerSecond} seconds, the connections' schedules
     * staggered so that the total is even. A request whose turn comes while its connection is still
     * busy is sent as soon as the connection frees up, and its latency is measured from its
     * <em>intended</em> send time: a server that stalls is charged for every request it delayed
     * (coordinated omission corrected). The latency from the actual send time is kept too.
     */
    record OpenLoop(int connections, double requestsPerSecond) implements LoadModel {
        public OpenLoop {
            requirePositiveConnections(connections);
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("requestsPerSecond must be positive and finite, was " + requestsPerSecond);
            }
            if (requestsPerSecond > 1e9) {
                throw new IllegalArgumentException("requestsPerSecond must be at most 1e9, was " + requestsPerSecond);
            }
        }

        /** The interval between two intended sends on one connection, in nanoseconds. */
        public double connectionIntervalNanos() {
            return connections * 1e9 / requestsPerSecond;
        }
    }

    private static void requirePositiveConnections(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, was " + connections);
        }
    }
}
