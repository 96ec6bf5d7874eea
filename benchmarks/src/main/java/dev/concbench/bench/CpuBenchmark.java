package dev.concbench.bench;

import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.openjdk.jmh.annotations.Param;

/*
 * Question: what does concurrency buy when the work is CPU, not waiting?
 *
 * GET /cpu?us=N (about N µs of computation per request), closed loop.
 *
 * Expected shape: the ceiling is cores x 1e6 / N responses per second for every model that can
 * use all cores, and 1e6 / N for those that compute on one thread (iterative, selector). More
 * threads than cores buy nothing here: thread, pool and virtual meet at the same ceiling, with
 * latency growing with the connections as the work queues up.
 */
public class CpuBenchmark extends ServerBenchmark {

    @Param({"16"})
    public int connections;

    /** CPU work per request, µs. */
    @Param({"1000"})
    public int us;

    @Override
    protected Scenario scenario() {
        return Scenario.CPU;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        // The body carries the work's result, whose length varies: status checked, not the body.
        return closedLoop(target, window, "/cpu?us=" + us, ResponseCheck.status(200));
    }
}
