package dev.concbench.servers.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.parity.EventLoopModelTest;
import dev.concbench.servers.parity.RawClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NettyServerTest extends EventLoopModelTest {

    @Override
    protected String model() {
        return "netty";
    }

    @Test
    void reportsItsTransportEpollOnLinuxX8664() throws IOException {
        Server server = start(ServerConfig.defaults());
        boolean linuxX8664 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assertThat(server.report().transport()).isEqualTo(linuxX8664 ? "epoll" : NettyTransport.best().label());
    }

    @Test
    void runsAsManyEventLoopsAsWorkersAndNoOtherThread() throws IOException {
        List<String> before = otherNettyThreads();
        Server server = start(ServerConfig.defaults().withWorkers(2));
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                clients.add(RawClient.connect(server.address()).send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
            }
            for (RawClient client : clients) {
                assertThat(client.read().status()).isEqualTo(200);
            }
            assertThat(modelThreads()).containsExactly("netty-loop-0", "netty-loop-1");
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
        server.close();
        assertThat(modelThreads()).isEmpty();
        assertThat(otherNettyThreads()).as("e.g. Netty's globalEventExecutor").isEqualTo(before);
    }

    @Test
    void oneEventLoopByDefault() throws IOException {
        Server server = start(ServerConfig.defaults());
        for (int i = 0; i < 4; i++) {
            try (RawClient client = RawClient.connect(server.address())) {
                assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            }
        }
        assertThat(modelThreads()).containsExactly("netty-loop-0");
    }

    private static List<String> otherNettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains("eventexecutor")
                        || name.toLowerCase(Locale.ROOT).contains("netty"))
                .filter(name -> !name.startsWith("netty-"))
                .sorted()
                .toList();
    }
}
