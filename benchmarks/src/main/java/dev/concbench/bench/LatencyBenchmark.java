package dev.concbench.bench;

import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.openjdk.jmh.annotations.Param;

/*
 * Question: how long does a request take each model at a given request rate, counted as a user
 * would count it?
 *
 * Open loop, as wrk2: GET /hello at a fixed rate over N keep-alive connections. Latency is taken
 * from each request's intended send time, so a server that stalls is charged for every request
 * it delayed (coordinated omission corrected); the uncorrected figures are kept beside it. The
 * throughput reported is the rate achieved, which should equal the rate asked for.
 *
 * Expected shape: well below every model's capacity all models show sub-millisecond medians and
 * differ in the tail (p99, p99.9: GC, thread wake-ups, a pool's queue). At a rate a model cannot
 * sustain its corrected latency grows without bound over the window while the uncorrected one
 * stays flat: the difference is what a closed-loop tool would hide.
 */
public class LatencyBenchmark extends ServerBenchmark {

    @Param({"16"})
    public int connections;

    /** Requests per second offered over all connections. */
    @Param({"1000"})
    public int rate;

    @Override
    protected Scenario scenario() {
        return Scenario.LATENCY;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        return closedLoop(target, window, "/hello", ResponseCheck.status(200).withBody(HELLO_BODY))
                .withModel(new LoadModel.OpenLoop(connections, rate));
    }
}
