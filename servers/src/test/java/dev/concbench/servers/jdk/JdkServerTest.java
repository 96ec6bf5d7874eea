package dev.concbench.servers.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModels;
import dev.concbench.servers.parity.RawClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdkServerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk", "jdk-pool", "jdk-virtual"})
    void runsTheHandlersOnItsExecutorAndLeavesNoThreadBehind(String model) throws IOException {
        int dispatchersBefore = threads("HTTP-Dispatcher").size();
        Server server = ServerModels.byName(model).create(ServerConfig.defaults());
        try (server) {
            server.start();
            try (RawClient sleeper = RawClient.connect(server.address());
                 RawClient other = RawClient.connect(server.address())) {
                sleeper.send("GET /sleep?ms=1000 HTTP/1.1\r\nHost: x\r\n\r\n");
                sleep(200);
                long start = System.nanoTime();
                assertThat(other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (model.equals("jdk")) { // the default executor: the dispatcher thread runs the handler
                    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(600));
                } else {
                    assertThat(waited).isLessThan(Duration.ofMillis(600));
                }
                assertThat(sleeper.read().bodyText()).isEqualTo("slept 1000 ms");
            }
            if (model.equals("jdk")) {
                assertThat(threads(model + "-")).isEmpty();
            }
            assertThat(threads("HTTP-Dispatcher")).hasSize(dispatchersBefore + 1);
        }
        assertThat(threads(model + "-")).isEmpty();
        assertThat(threads("HTTP-Dispatcher")).hasSize(dispatchersBefore);
    }

    private static List<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
