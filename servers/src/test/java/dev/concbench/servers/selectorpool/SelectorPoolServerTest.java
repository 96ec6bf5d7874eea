package dev.concbench.servers.selectorpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.parity.EventLoopModelTest;
import dev.concbench.servers.parity.RawClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SelectorPoolServerTest extends EventLoopModelTest {

    private static final String SLEEP = "GET /sleep?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n";

    @Override
    protected String model() {
        return SelectorPoolModel.NAME;
    }

    @Test
    void aRequestThatFindsThePoolAndItsQueueFullIsAnswered503AndClosedAtOnce() throws IOException, InterruptedException {
        Server server = start(ServerConfig.defaults().withWorkers(1)); // one thread, a queue of one
        try (RawClient running = RawClient.connect(server.address());
             RawClient queued = RawClient.connect(server.address());
             RawClient refused = RawClient.connect(server.address())) {
            running.send(SLEEP);
            Thread.sleep(200);
            queued.send(SLEEP);
            Thread.sleep(200);
            long start = System.nanoTime();
            RawClient.Response busy = refused.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered by the loop, not after the sleeps")
                    .isLessThan(Duration.ofMillis(1000));
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Connection")).isEqualTo("close");
            assertThat(refused.closedWithin(Duration.ofSeconds(2))).isTrue();

            assertThat(running.read().bodyText()).isEqualTo("slept 1500 ms");
            assertThat(queued.read().bodyText()).as("the queued request is served, not refused").isEqualTo("slept 1500 ms");
        }
        try (RawClient later = RawClient.connect(server.address())) {
            assertThat(later.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
        }
        assertThat(modelThreads()).containsExactly("selector-pool-loop-0", "selector-pool-worker-0");
    }
}
