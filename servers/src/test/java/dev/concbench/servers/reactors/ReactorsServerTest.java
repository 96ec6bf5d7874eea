package dev.concbench.servers.reactors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.parity.EventLoopModelTest;
import dev.concbench.servers.parity.RawClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReactorsServerTest extends EventLoopModelTest {

    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";

    @Override
    protected String model() {
        return ReactorsModel.NAME;
    }

    @Test
    void connectionsAreDealtInTurnAndABlockingRequestHoldsUpOnlyItsLoop() throws IOException, InterruptedException {
        Server server = start(ServerConfig.defaults().withWorkers(2));
        try (RawClient first = RawClient.connect(server.address());   // loop 0
             RawClient second = RawClient.connect(server.address());  // loop 1
             RawClient third = RawClient.connect(server.address())) { // loop 0 again
            for (RawClient client : new RawClient[] {first, second, third}) {
                assertThat(client.send(HELLO).read().status()).isEqualTo(200); // each one adopted, in order
            }
            first.send("GET /sleep?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(200);
            long start = System.nanoTime();
            assertThat(second.send(HELLO).read().status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the other loop answers at once")
                    .isLessThan(Duration.ofMillis(1000));
            third.send(HELLO);
            assertThat(third.read().status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the same loop waits for the sleep")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
            assertThat(first.read().bodyText()).isEqualTo("slept 1500 ms");
        }
        assertThat(modelThreads()).containsExactly("reactors-acceptor-0", "reactors-loop-0", "reactors-loop-1");
        assertThat(server.report().eventLoops()).isEqualTo(2);
    }
}
