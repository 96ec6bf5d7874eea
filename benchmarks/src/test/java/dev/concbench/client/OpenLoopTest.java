package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The open loop makes coordinated omission visible: a request is sent late rather than never, and
 * its lateness is charged to whoever caused it, the server or the client.
 */
@ExtendWith(NettyLeakCheck.class)
class OpenLoopTest {

    private static final byte[] RESPONSE = ScriptedServer.okResponse("ok").getBytes(StandardCharsets.US_ASCII);

    @Test
    void aServerThatStallsOnceIsChargedForEveryRequestItDelayed() throws Exception {
        // The whole server stalls for 500 ms, 2 s after the first request it sees.
        AtomicLong stallFrom = new AtomicLong(Long.MAX_VALUE);
        long stallNanos = TimeUnit.MILLISECONDS.toNanos(500);
        ScriptedServer.Script stallingOnce = connection -> {
            while (connection.readRequest() != null) {
                long now = System.nanoTime();
                stallFrom.compareAndSet(Long.MAX_VALUE, now + TimeUnit.SECONDS.toNanos(2));
                long stallUntil = stallFrom.get() + stallNanos;
                if (now >= stallFrom.get() && now < stallUntil) {
                    TimeUnit.NANOSECONDS.sleep(stallUntil - now);
                }
                connection.write(RESPONSE);
            }
        };
        try (ScriptedServer server = ScriptedServer.start(stallingOnce);
             LoadClient client = LoadClient.create(1)) {
            LoadSpec spec = LoadSpec.closedLoop(server.address(), 10, Duration.ofSeconds(5))
                    .withModel(new LoadModel.OpenLoop(10, 1_000));

            LoadResult result = client.run(spec);

            assertThat(result.errors().total()).isZero();
            assertThat(result.latencyCorrected()).isTrue();
            // ~500 requests fell due during the stall, waiting up to 500 ms: about 1% waited 450 ms or more.
            Duration corrected = result.latency().percentile(99);
            Duration uncorrected = result.uncorrectedLatency().percentile(99);
            assertThat(corrected).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            // Only the 10 requests in flight when the stall began saw it from their send time.
            assertThat(uncorrected).isLessThan(Duration.ofMillis(100));
            assertThat(result.uncorrectedLatency().max()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            // The lateness was the server's (the connections were busy), not the client's own.
            assertThat(result.sendLag().count()).isGreaterThanOrEqualTo(result.requests() - 20);
            assertThat(result.sendLag().percentile(99)).isLessThan(Duration.ofMillis(100));
            // The delayed requests were sent late, not dropped: the ~250 due in the stall's first half
            // were answered only after it, each at least 250 ms after it was due (a busy machine only
            // stretches the stall). A client that skipped the requests falling due while its connections
            // were stuck would have only the ~10 in flight when the stall began. No rate is asserted:
            // a busy machine lowers the rate answered without any request being dropped.
            long waitedHalfTheStall = result.latency().histogram()
                    .getCountBetweenValues(stallNanos / 2, Latency.HIGHEST_TRACKABLE_NANOS);
            assertThat(waitedHalfTheStall).isGreaterThanOrEqualTo(125);
        }
    }

    /**
     * Keep-alive: the connection is free again once reconnected. Close mode: the next request is
     * issued before its connection is opened, so it is free again only because the failed request
     * gave its place back; were that missed, each request after a timeout would count the 300 ms
     * the server kept the last one as the client's own lag.
     */
    @ParameterizedTest
    @EnumSource(ConnectionMode.class)
    void requestsLateBecauseTheServerNeverAnsweredAreNotTheClientsOwnLag(ConnectionMode mode) throws Exception {
        ScriptedServer.Script silent = connection -> {
            while (connection.readRequest() != null) {
                // never answers: each request times out, and the next waited for the connection
            }
        };
        try (ScriptedServer server = ScriptedServer.start(silent);
             LoadClient client = LoadClient.create(1)) {
            LoadSpec spec = LoadSpec.closedLoop(server.address(), 4, Duration.ofSeconds(2))
                    .withModel(new LoadModel.OpenLoop(4, 200)).withConnectionMode(mode)
                    .withRequestTimeout(Duration.ofMillis(300));

            LoadResult result = client.run(spec);

            assertThat(result.requests()).isZero();
            assertThat(result.errors().count(ErrorKind.TIMEOUT)).isPositive();
            assertThat(result.sendLag().count()).isPositive();
            // Each request after a timeout went out as soon as its connection was free again (after
            // the retry's backoff, at most 32 ms in the five or six failures of a user in 2 s).
            assertThat(result.sendLag().percentile(99)).isLessThan(Duration.ofMillis(100));
        }
    }
}
