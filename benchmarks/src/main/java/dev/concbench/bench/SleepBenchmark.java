package dev.concbench.bench;

import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Question: does a blocking call in one request hold the others up? (The blog's experiment.)
 *
 * GET /sleep?ms=1000 from 10 keep-alive connections for 10 s, one window: the blog's wrk run.
 * No warm-up iteration, because a model that serves one request at a time would carry a queue of
 * abandoned sleeps from it into the measured window; instead half a second of GET /hello primes the
 * code paths when the trial starts. Requests may wait the whole window for their turn (the
 * request timeout is the window plus the sleep), so that a model that serves one request at a
 * time is seen serving them one at a time rather than timing out.
 *
 * Expected shape: with a thread (or virtual thread, or process) per request the sleeps overlap:
 * 10 connections x 10 s / 1 s = about 100 responses. A model that runs the handler on its only
 * thread (iterative, selector, netty's event loop) sleeps through the others' requests: about 10
 * responses in 10 s, the blog's 9. Prefork gets about 10 per worker process; pool gets
 * min(threads, connections) x 10.
 */
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 10, timeUnit = TimeUnit.SECONDS)
public class SleepBenchmark extends ServerBenchmark {

    private static final Duration PRIMING = Duration.ofMillis(500);

    @Param({"10"})
    public int connections;

    /** How long each request blocks its server thread, ms. */
    @Param({"1000"})
    public int ms;

    @Override
    protected Scenario scenario() {
        return Scenario.SLEEP;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected Optional<LoadSpec> primingLoad(InetSocketAddress target) {
        return Optional.of(closedLoop(target, PRIMING, "/hello", ResponseCheck.status(200).withBody(HELLO_BODY)));
    }

    /**
     * A server that runs one request at a time still owes the abandoned sleeps of the window just
     * ended, up to one per connection; they are slept before the same server's next window.
     */
    @Override
    protected Duration queueDrain() {
        return Duration.ofMillis((long) connections * ms);
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        byte[] body = ("slept " + ms + " ms").getBytes(StandardCharsets.US_ASCII);
        return closedLoop(target, window, "/sleep?ms=" + ms, ResponseCheck.status(200).withBody(body))
                .withRequestTimeout(window.plusMillis(ms).plus(LoadSpec.DEFAULT_REQUEST_TIMEOUT));
    }
}
