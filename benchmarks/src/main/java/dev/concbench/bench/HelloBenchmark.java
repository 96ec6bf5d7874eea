package dev.concbench.bench;

import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.openjdk.jmh.annotations.Param;

/*
 * Question: what does one request cost each model, when nothing but the model is in the way?
 *
 * Keep-alive GET /hello ("Hello, World!") from N connections in a closed loop, like wrk.
 *
 * Expected shape: at 1 connection every model is bound by the round trip and they are close.
 * As connections grow, the models that serve connections concurrently (thread, virtual, selector,
 * netty) climb until the CPUs are busy; iterative stays flat (one request per connection, then
 * Connection: close and a new connect); pool stops climbing at its thread count and, beyond it,
 * starves connections (see the fairness figures and timeouts, which wrk would hide).
 */
public class HelloBenchmark extends ServerBenchmark {

    @Param({"64"})
    public int connections;

    @Override
    protected Scenario scenario() {
        return Scenario.HELLO;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        return closedLoop(target, window, "/hello", ResponseCheck.status(200).withBody(HELLO_BODY));
    }
}
