package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The closed loop counts exactly what the server sent, on either transport, with or without pipelining. */
@ExtendWith(NettyLeakCheck.class)
class ClosedLoopTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(ClientTransport.class)
    void aCountedRunCountsExactlyTheResponsesTheServerSent(ClientTransport transport) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.keepAlive("Hello, World!"));
             LoadClient client = LoadClient.create(2, transport)) {
            LoadSpec spec = LoadSpec.closedLoop(server.address(), 8, Duration.ofSeconds(1))
                    .withRequest(Request.get("/hello"))
                    .withLength(RunLength.requests(3_000))
                    .withCheck(ResponseCheck.status(200).withBody(HELLO));

            LoadResult result = client.run(spec);

            assertThat(client.transport()).isIn(transport, ClientTransport.NIO);
            assertThat(result.transport()).isEqualTo(client.transport());
            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isEqualTo(3_000).isEqualTo(server.responsesWritten());
            assertThat(result.unfinished()).isZero();
            assertThat(result.latency().count()).isEqualTo(3_000);
            assertThat(result.uncorrectedLatency().count()).isEqualTo(3_000);
            assertThat(result.fairness().starved()).isZero();
            assertThat(result.fairness().connections()).isEqualTo(8);
            assertThat(result.bytesRead()).isEqualTo(3_000L * ScriptedServer.okResponse("Hello, World!").length());
            assertThat(client.openConnections()).isZero();
        }
    }

    @Test
    void aTimedRunCountsNoMoreThanTheServerSentAndAccountsForTheRest() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.keepAlive("Hello, World!"));
             LoadClient client = LoadClient.create(1)) {
            LoadResult result = client.run(LoadSpec.closedLoop(server.address(), 4, Duration.ofMillis(500)));

            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isPositive();
            // Requests in flight at the end are unfinished: the server may or may not have answered them.
            assertThat(server.responsesWritten()).isBetween(result.requests(), result.requests() + result.unfinished());
            assertThat(server.requestsRead()).isEqualTo(result.requests() + result.unfinished());
            assertThat(result.duration()).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void theWarmUpIsExcludedFromTheFigures() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.keepAlive("Hello, World!"));
             LoadClient client = LoadClient.create(1)) {
            LoadSpec spec = LoadSpec.closedLoop(server.address(), 2, Duration.ofSeconds(1))
                    .withWarmup(Duration.ofMillis(300))
                    .withLength(RunLength.requests(500));

            LoadResult result = client.run(spec);

            assertThat(result.requests()).isEqualTo(500);
            assertThat(result.latency().count()).isEqualTo(500);
            assertThat(server.responsesWritten()).as("warm-up responses").isGreaterThan(500);
        }
    }

    @Test
    void pipeliningKeepsSeveralRequestsInFlightPerConnection() throws Exception {
        AtomicInteger largestBatch = new AtomicInteger();
        byte[] response = ScriptedServer.okResponse("ok").getBytes(StandardCharsets.US_ASCII);
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            while (connection.readRequest() != null) {
                connection.write(response);
                int lastRead = connection.arrivals().getLast().bytes();
                largestBatch.accumulateAndGet(lastRead, Math::max);
            }
        });
             LoadClient client = LoadClient.create(1)) {
            LoadSpec spec = LoadSpec.closedLoop(server.address(), 2, Duration.ofSeconds(1))
                    .withPipelineDepth(8)
                    .withLength(RunLength.requests(2_000));

            LoadResult result = client.run(spec);

            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isEqualTo(2_000).isEqualTo(server.responsesWritten());
            int requestLength = spec.encodedRequest().length;
            assertThat(largestBatch.get()).as("bytes in one read: several requests").isGreaterThan(requestLength);
        }
    }
}
