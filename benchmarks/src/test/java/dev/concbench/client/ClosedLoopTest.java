package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakCheck.class)
class ClosedLoopTest {

    private static LoadClient client;

    @BeforeAll
    static void startClient() {
        client = LoadClient.create(2);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void countedRunCountsExactlyTheResponsesTheServerSent() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.keepAlive("Hello, World!"))) {
            LoadSpec spec = LoadSpec.closedLoop(server.address(), 8, Duration.ofSeconds(1))
                    .withRequest(Request.get("/hello"))
                    .withLength(RunLength.requests(5_000))
                    .withCheck(ResponseCheck.status(200).withBody("Hello, World!".getBytes()));

            LoadResult result = client.run(spec);

            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isEqualTo(5_000).isEqualTo(server.responsesWritten());
            assertThat(result.unfinished()).isZero();
            assertThat(result.fairness().starved()).isZero();
            assertThat(result.latency().count()).isEqualTo(5_000);
            assertThat(client.openConnections()).isZero();
            System.out.println(result);
        }
    }
}
