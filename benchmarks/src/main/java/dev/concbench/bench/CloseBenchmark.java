package dev.concbench.bench;

import dev.concbench.client.ConnectionMode;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.openjdk.jmh.annotations.Param;

/*
 * Question: what does accepting a connection cost each model? (The blog's request pattern.)
 *
 * GET /hello with Connection: close: every request opens a new connection, as the blog's
 * iterative server forces. Latency includes the connect.
 *
 * Expected shape: far below hello for every model (a TCP handshake and teardown per request);
 * the models meet near the kernel's accept rate, except where accepting is serialized with
 * serving (iterative) or where a connection costs a thread start (thread) or a process (process,
 * far lowest: a fork per request).
 */
public class CloseBenchmark extends ServerBenchmark {

    @Param({"16"})
    public int connections;

    @Override
    protected Scenario scenario() {
        return Scenario.CLOSE;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        return closedLoop(target, window, "/hello", ResponseCheck.status(200).withBody(HELLO_BODY))
                .withConnectionMode(ConnectionMode.CLOSE);
    }
}
