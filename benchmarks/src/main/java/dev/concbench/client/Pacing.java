package dev.concbench.client;

/**
 * When a connection's requests are due: the {@link LoadModel} seen from one connection, once the
 * run's clock has started. Immutable.
 */
sealed interface Pacing {

    /** When the connection's {@code k}-th request (from 0) is due, asked at {@code nowNanos}. */
    long dueNanos(long k, long nowNanos);

    /**
     * The pacing of the connection numbered {@code index} of a run whose clock started at
     * {@code startNanos}.
     */
    static Pacing of(LoadModel model, int index, long startNanos) {
        return switch (model) {
            case LoadModel.ClosedLoop _ -> new Closed();
            case LoadModel.OpenLoop open -> new Open(startNanos + (long) (index * (1e9 / open.requestsPerSecond())),
                    open.connectionIntervalNanos());
        };
    }

    /** Closed loop: the next request is due as soon as the connection may send it. */
    record Closed() implements Pacing {

        @Override
        public long dueNanos(long k, long nowNanos) {
            return nowNanos;
        }
    }

    /**
     * Open loop: the {@code k}-th request is due {@code k} connection intervals after the
     * connection's origin; the origins of the connections are staggered by the run's aggregate
     * interval, so that the sends over all connections are even.
     */
    record Open(long originNanos, double connectionIntervalNanos) implements Pacing {

        @Override
        public long dueNanos(long k, long nowNanos) {
            return originNanos + (long) (k * connectionIntervalNanos);
        }
    }
}
