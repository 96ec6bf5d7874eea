package dev.concbench.bench;

import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openjdk.jmh.annotations.Param;

/*
 * Question: does the ranking of the models survive a little real work per request?
 *
 * Keep-alive GET /json ({"message":"Hello, World!"}, serialized by Jackson per request), closed loop.
 *
 * Expected shape: the hello curve, a few per cent lower for every model alike: serialization is
 * the same code on every model, so any model that loses more than the others loses it to
 * scheduling (allocation under many threads, cache misses across them), not to the work.
 */
public class JsonBenchmark extends ServerBenchmark {

    private static final byte[] BODY = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.US_ASCII);

    @Param({"64"})
    public int connections;

    @Override
    protected Scenario scenario() {
        return Scenario.JSON;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        return closedLoop(target, window, "/json", ResponseCheck.status(200).withBody(BODY));
    }
}
