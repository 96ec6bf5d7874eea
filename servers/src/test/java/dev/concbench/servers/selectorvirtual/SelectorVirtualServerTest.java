package dev.concbench.servers.selectorvirtual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.parity.EventLoopModelTest;
import dev.concbench.servers.parity.RawClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SelectorVirtualServerTest extends EventLoopModelTest {

    @Override
    protected String model() {
        return SelectorVirtualModel.NAME;
    }

    @Test
    void aBlockingRequestHoldsUpNeitherTheLoopNorItsOwnPipelineOrder() throws IOException {
        Server server = start(ServerConfig.defaults());
        try (RawClient sleeper = RawClient.connect(server.address());
             RawClient other = RawClient.connect(server.address())) {
            sleeper.send("GET /sleep?ms=1000 HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            long start = System.nanoTime();
            assertThat(other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(800));
            assertThat(sleeper.read().bodyText()).isEqualTo("slept 1000 ms");
            assertThat(sleeper.read().bodyText()).as("the pipelined request, after the slow one").isEqualTo("Hello, World!");
        }
    }
}
