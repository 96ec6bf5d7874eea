package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModels;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against the project's own server models, started in-process on an ephemeral port. */
@ExtendWith(NettyLeakCheck.class)
class AgainstServerModelsTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private static LoadClient client;

    @BeforeAll
    static void startClient() {
        client = LoadClient.create(1);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thread", "pool", "virtual"})
    void keepAliveHelloIsCountedExactlyAndVerified(String model) throws Exception {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults().withWorkers(8))) {
            InetSocketAddress address = server.start();
            LoadSpec spec = LoadSpec.closedLoop(address, 8, Duration.ofSeconds(1))
                    .withRequest(Request.get("/hello"))
                    .withLength(RunLength.requests(3_000))
                    .withCheck(ResponseCheck.status(200).withBody(HELLO));

            LoadResult result = client.run(spec);

            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isEqualTo(3_000);
            assertThat(result.fairness().starved()).isZero();
            assertThat(result.flags()).isEmpty();
        }
    }

    @Test
    void aConnectionPerRequestAgainstTheIterativeServer() throws Exception {
        try (Server server = ServerModels.byName("iterative").create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            LoadSpec spec = LoadSpec.closedLoop(address, 4, Duration.ofSeconds(1))
                    .withRequest(Request.get("/hello"))
                    .withConnectionMode(ConnectionMode.CLOSE)
                    .withLength(RunLength.requests(300))
                    .withCheck(ResponseCheck.status(200).withBody(HELLO));

            LoadResult result = client.run(spec);

            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isEqualTo(300);
        }
    }

    @Test
    void aPostedBodyIsEchoed() throws Exception {
        byte[] body = "the quick brown fox".getBytes(StandardCharsets.US_ASCII);
        try (Server server = ServerModels.byName("virtual").create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            LoadSpec spec = LoadSpec.closedLoop(address, 2, Duration.ofSeconds(1))
                    .withRequest(new Request("POST", "/echo", java.util.List.of(), body))
                    .withLength(RunLength.requests(200))
                    .withCheck(ResponseCheck.status(200).withBody(body));

            LoadResult result = client.run(spec);

            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isEqualTo(200);
        }
    }

    /**
     * The case wrk hides: 4 pool threads, 64 keep-alive connections. The pool serves 4
     * connections for as long as they stay open; the other 60 wait in the listen backlog.
     */
    @Test
    void aPoolOfFourThreadsStarvesSixtyOfSixtyFourConnections() throws Exception {
        try (Server server = ServerModels.byName("pool").create(ServerConfig.defaults().withWorkers(4))) {
            InetSocketAddress address = server.start();
            LoadSpec spec = LoadSpec.closedLoop(address, 64, Duration.ofSeconds(2))
                    .withRequest(Request.get("/hello"))
                    .withWarmup(Duration.ofMillis(200))
                    .withRequestTimeout(Duration.ofSeconds(10));

            LoadResult result = client.run(spec);

            assertThat(result.fairness().starved()).isBetween(56, 60);
            assertThat(result.fairness().minResponses()).isZero();
            assertThat(result.fairness().maxResponses()).isGreaterThan(100);
            assertThat(result.fairness().longestWait()).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
            assertThat(result.flags()).contains(LoadResult.Flag.STARVED);
            assertThat(result.requests()).isPositive();
        }
    }
}
