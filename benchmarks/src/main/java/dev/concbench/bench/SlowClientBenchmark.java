package dev.concbench.bench;

import dev.concbench.client.LoadClient;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import dev.concbench.client.SlowSend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/*
 * Question: does one slow client hold the others up?
 *
 * N ordinary keep-alive connections send GET /hello in a closed loop (the figures reported),
 * while beside them S slow clients send the same request in P pieces, G ms apart, over and over,
 * from a load client of their own. The slow clients' own responses are a secondary figure
 * (slowResponses).
 *
 * Expected shape: a model that reads a request on the thread that serves everyone (iterative)
 * stalls for the whole trickle of every slow request: the fast connections fall from thousands
 * of responses per second to a few dozen. A pool loses one thread per slow client for good.
 * Thread, virtual, selector and netty barely notice: a slow socket costs them one parked thread
 * or one idle registration.
 */
public class SlowClientBenchmark extends ServerBenchmark {

    private static final Duration SLOW_CLIENT_JOIN_GRACE = Duration.ofSeconds(10);

    @Param({"16"})
    public int connections;

    /** Slow clients beside the measured connections. */
    @Param({"1"})
    public int slowClients;

    /** Pieces each slow request is sent in. */
    @Param({"5"})
    public int pieces;

    /** Pause between two pieces, ms. */
    @Param({"100"})
    public int gapMs;

    private LoadClient slowClient;
    private ExecutorService slowRunner;

    @Setup(Level.Trial)
    public void startSlowClients() {
        slowClient = LoadClient.create(1);
        slowRunner = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("slow-clients").factory());
    }

    @TearDown(Level.Trial)
    public void stopSlowClients() {
        slowRunner.shutdownNow();
        slowClient.close();
    }

    @Override
    protected Scenario scenario() {
        return Scenario.SLOW_CLIENT;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        return closedLoop(target, window, "/hello", ResponseCheck.status(200).withBody(HELLO_BODY));
    }

    @Override
    protected LoadResult applyLoad(LoadClient loadClient, InetSocketAddress target, Duration length,
                                   LoadClient.ProgressListener windowEdge) throws InterruptedException {
        LoadSpec spec = windowSpec(target, length);
        SlowSend trickle = new SlowSend(pieces, Duration.ofMillis(gapMs));
        LoadSpec slow = LoadSpec.closedLoop(target, slowClients, length)
                .withWarmup(spec.warmup())
                .withRequest(spec.request())
                .withCheck(spec.check())
                .withSlowSend(trickle)
                .withRequestTimeout(trickle.sendTime().plus(LoadSpec.DEFAULT_REQUEST_TIMEOUT));
        Future<LoadResult> slowRun = slowRunner.submit(() -> slowClient.run(slow));
        try {
            LoadResult fast = loadClient.run(spec, windowEdge);
            LoadResult slowResult = slowRun.get(SLOW_CLIENT_JOIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            recordExtra("slowResponses", slowResult.requests());
            recordExtra("slowErrors", slowResult.errors().total());
            return fast;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the slow clients' run failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the slow clients' run did not end "
                    + SLOW_CLIENT_JOIN_GRACE.toSeconds() + " s after the measured one", e);
        } finally {
            slowRun.cancel(true);
        }
    }
}
