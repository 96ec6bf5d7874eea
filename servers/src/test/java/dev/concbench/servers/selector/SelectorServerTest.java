package dev.concbench.servers.selector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.parity.EventLoopModelTest;
import dev.concbench.servers.parity.RawClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorServerTest extends EventLoopModelTest {

    @Override
    protected String model() {
        return "selector";
    }

    @Test
    void oneThreadServesEveryConnection() throws IOException {
        Server server = start(ServerConfig.defaults().withWorkers(8)); // no worker count: ignored
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                clients.add(RawClient.connect(server.address()).send("GET /json HTTP/1.1\r\nHost: x\r\n\r\n"));
            }
            for (RawClient client : clients) {
                assertThat(client.read().status()).isEqualTo(200);
            }
            assertThat(modelThreads()).containsExactly("selector-loop-0");
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void aRequestSentByteByByteIsAnswered() throws IOException {
        Server server = start(ServerConfig.defaults());
        String request = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        try (RawClient client = RawClient.connect(server.address())) {
            for (char c : request.toCharArray()) {
                client.send(String.valueOf(c));
            }
            assertThat(client.read().bodyText()).isEqualTo("abc");
        }
    }
}
