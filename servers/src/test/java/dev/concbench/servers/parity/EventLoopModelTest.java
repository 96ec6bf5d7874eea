package dev.concbench.servers.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModels;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every event-loop model (one or a few threads serving every connection without blocking)
 * must show beyond the contract all models share: a client that does not read its answer, or
 * pipelines behind one, holds up nobody; silence is noticed without a thread per connection; and
 * closing stops the loops even when the application blocks one. A model's test extends this.
 */
public abstract class EventLoopModelTest {

    /** A body large enough to fill the socket buffers of both ends many times over. */
    private static final int LARGE_BYTES = 16 * 1024 * 1024;
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(600);

    private final List<Server> servers = new ArrayList<>();

    /** The model under test, by name. */
    protected abstract String model();

    /** Starts the model with {@code config}; closed after the test. */
    protected final Server start(ServerConfig config) throws IOException {
        Server server = ServerModels.byName(model()).create(config);
        servers.add(server);
        server.start();
        return server;
    }

    /** The live threads this model made, by their name prefix. */
    protected final List<String> modelThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(model() + "-"))
                .sorted()
                .toList();
    }

    @AfterEach
    void closeServers() {
        servers.forEach(Server::close);
    }

    @Test
    void aClientThatDoesNotReadItsAnswerHoldsUpNobody() throws IOException, InterruptedException {
        Server server = start(ServerConfig.defaults());
        try (RawClient hog = RawClient.connect(server.address());
             RawClient other = RawClient.connect(server.address())) {
            hog.send("GET /bytes?n=" + LARGE_BYTES + " HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(300); // the server has filled the hog's buffers by now and must wait for it

            long start = System.nanoTime();
            RawClient.Response hello = other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(hello.bodyText()).isEqualTo("Hello, World!");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            RawClient.Response large = hog.read();
            assertThat(large.status()).isEqualTo(200);
            assertThat(large.body()).hasSize(LARGE_BYTES);
            for (int i = 0; i < LARGE_BYTES; i += 4093) {
                assertThat(large.body()[i]).as("byte %d", i).isEqualTo((byte) ('a' + i % 26));
            }
            assertThat(large.body()[LARGE_BYTES - 1]).isEqualTo((byte) ('a' + (LARGE_BYTES - 1) % 26));
        }
    }

    @Test
    void pipelinedRequestsWaitInOrderBehindAnAnswerTheClientHasNotRead() throws IOException, InterruptedException {
        Server server = start(ServerConfig.defaults());
        try (RawClient client = RawClient.connect(server.address())) {
            client.send("GET /bytes?n=" + LARGE_BYTES / 2 + " HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nfirst"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(300);
            assertThat(client.read().body()).hasSize(LARGE_BYTES / 2);
            assertThat(client.read().bodyText()).isEqualTo("first");
            assertThat(client.read().bodyText()).isEqualTo("Hello, World!");
        }
    }

    @Test
    void silentConnectionsAreClosedAfterTheReadTimeout() throws IOException {
        Server server = start(ServerConfig.defaults().withReadTimeout(SHORT_READ_TIMEOUT));
        try (RawClient idle = RawClient.connect(server.address());
             RawClient halfway = RawClient.connect(server.address())) {
            halfway.send("GET /hello HTTP/1.1\r\nHo");
            assertThat(idle.closedWithin(Duration.ofMillis(300))).as("closed before the read timeout").isFalse();
            assertThat(idle.closedWithin(Duration.ofSeconds(5))).as("closed after the read timeout").isTrue();
            assertThat(halfway.readToEnd()).as("an unfinished request is not answered").isEmpty();
        }
    }

    @Test
    void aConnectionThatKeepsTalkingOutlivesTheReadTimeout() throws IOException, InterruptedException {
        Server server = start(ServerConfig.defaults().withReadTimeout(SHORT_READ_TIMEOUT));
        try (RawClient client = RawClient.connect(server.address())) {
            for (int i = 0; i < 6; i++) { // 1.5 s in all, each pause well within the timeout
                assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
                Thread.sleep(250);
            }
        }
    }

    @Test
    void closeStopsTheLoopsEvenWhileTheApplicationBlocksOne() throws IOException, InterruptedException {
        Server server = start(ServerConfig.defaults());
        try (RawClient sleeper = RawClient.connect(server.address())) {
            sleeper.send("GET /sleep?ms=60000 HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(300);
            long start = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(modelThreads()).isEmpty();
            assertThat(sleeper.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void closeReleasesEveryThreadDescriptorAndThePort() throws IOException {
        File descriptors = new File("/proc/self/fd");
        assumeTrue(descriptors.isDirectory(), "counts descriptors through /proc");
        start(ServerConfig.defaults()).close(); // loads the classes (and opens their jars) first
        int before = descriptors.list().length;
        Server server = start(ServerConfig.defaults());
        InetSocketAddress address = server.address();
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                RawClient client = RawClient.connect(address);
                clients.add(client);
                assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            }
            assertThat(modelThreads()).isNotEmpty();
            server.close();
            assertThat(modelThreads()).isEmpty();
            for (RawClient client : clients) {
                assertThat(client.closedWithin(Duration.ofSeconds(2))).isTrue();
            }
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
        assertThat(descriptors.list().length).isLessThanOrEqualTo(before);
        assertThatThrownBy(() -> RawClient.connect(address).close()).isInstanceOf(ConnectException.class);
    }
}
