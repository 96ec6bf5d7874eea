package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The slow-client mode really sends each request in pieces over time, as the server sees it. */
@ExtendWith(NettyLeakCheck.class)
class SlowClientTest {

    @Test
    void eachRequestArrivesInPiecesSpreadOverTime() throws Exception {
        byte[] response = ScriptedServer.okResponse("ok").getBytes(StandardCharsets.US_ASCII);
        List<List<ScriptedServer.Connection.Arrival>> requests = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            while (connection.readRequest() != null) {
                requests.add(connection.arrivals());
                connection.write(response);
            }
        });
             LoadClient client = LoadClient.create(1)) {
            LoadSpec spec = LoadSpec.closedLoop(server.address(), 1, Duration.ofSeconds(1))
                    .withRequest(Request.get("/slow"))
                    .withLength(RunLength.requests(2))
                    .withSlowSend(new SlowSend(4, Duration.ofMillis(100)));

            LoadResult result = client.run(spec);

            assertThat(result.requests()).isEqualTo(2);
            assertThat(result.errors().total()).isZero();
            List<ScriptedServer.Connection.Arrival> first = requests.getFirst();
            int total = first.stream().mapToInt(ScriptedServer.Connection.Arrival::bytes).sum();
            assertThat(total).isEqualTo(spec.encodedRequest().length);
            // Four pieces 100 ms apart: four reads, unless the server's thread was late for one (a busy machine).
            assertThat(first).as("reads of the first request: %s", first).hasSizeBetween(2, 4);
            assertThat(first.getFirst().bytes()).as("bytes in the first read").isLessThan(total);
            long spreadNanos = first.getLast().nanoTime() - first.getFirst().nanoTime();
            assertThat(Duration.ofNanos(spreadNanos)).isBetween(Duration.ofMillis(90), Duration.ofMillis(1_000));
            // Latency runs from the first piece: the client's own slowness is part of it.
            assertThat(result.latency().percentile(0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        }
    }
}
