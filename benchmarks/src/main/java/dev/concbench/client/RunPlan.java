package dev.concbench.client;

import java.net.InetSocketAddress;

/**
 * What a run's connections go by, fixed before the run starts: its {@link LoadSpec} in the terms
 * and units the event loops use. Immutable; the run's clock is its {@link Window}.
 *
 * @param target                   the server's address
 * @param model                    closed or open loop, and the number of connections
 * @param closeMode                a new connection per request rather than keep-alive
 * @param pipelineDepth            requests in flight per connection
 * @param slowSend                 the slow-client mode
 * @param check                    what a response must be to count as a success
 * @param expectsBodylessResponses whether responses carry no body whatever their headers say
 * @param timeoutNanos             how long a sent request may wait for its response
 * @param maxConsecutiveFailures   connection failures in a row after which a connection gives up
 */
record RunPlan(InetSocketAddress target, LoadModel model, boolean closeMode, int pipelineDepth, SlowSend slowSend,
               ResponseCheck check, boolean expectsBodylessResponses, long timeoutNanos, int maxConsecutiveFailures) {

    static RunPlan of(LoadSpec spec) {
        return new RunPlan(spec.target(), spec.model(), spec.connectionMode() == ConnectionMode.CLOSE,
                spec.pipelineDepth(), spec.slowSend(), spec.check(), spec.request().expectsBodylessResponses(),
                spec.requestTimeout().toNanos(), spec.maxConsecutiveFailures());
    }

    /** The pacing of the connection numbered {@code index}, once the run's clock started at {@code startNanos}. */
    Pacing pacing(int index, long startNanos) {
        return Pacing.of(model, index, startNanos);
    }
}
