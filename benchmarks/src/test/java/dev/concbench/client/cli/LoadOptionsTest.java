package dev.concbench.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.ClientTransport;
import dev.concbench.client.ConnectionMode;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import dev.concbench.client.RunLength;
import dev.concbench.client.SlowSend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void theDefaultsAreWrksWithAWarmUp() throws Exception {
        LoadOptions options = LoadOptions.parse("http://127.0.0.1:9696/hello?x=1");
        LoadSpec spec = options.toSpec();

        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.transport()).isEqualTo(ClientTransport.EPOLL);
        assertThat(options.jsonFile()).isNull();
        assertThat(spec.model()).isEqualTo(new LoadModel.ClosedLoop(10));
        assertThat(spec.length()).isEqualTo(RunLength.of(Duration.ofSeconds(10)));
        assertThat(spec.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(spec.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(spec.connectionMode()).isEqualTo(ConnectionMode.KEEP_ALIVE);
        assertThat(spec.check()).isEqualTo(ResponseCheck.status(200));
        assertThat(new String(spec.encodedRequest(), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /hello?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9696\r\n\r\n");
    }

    @Test
    void everyOptionFormIsUnderstood() throws Exception {
        LoadSpec spec = LoadOptions.parse("-c64", "--duration=3s", "-R", "20000", "--close", "--slow", "5x20ms",
                "--timeout", "3s", "--warmup=0", "-H", "X-A: 1", "--method", "post", "--body", "hi",
                "--expect-status", "201", "--expect-length", "2", "-t", "2", "--nio", "http://127.0.0.1/").toSpec();

        assertThat(spec.model()).isEqualTo(new LoadModel.OpenLoop(64, 20_000));
        assertThat(spec.length()).isEqualTo(RunLength.of(Duration.ofSeconds(3)));
        assertThat(spec.connectionMode()).isEqualTo(ConnectionMode.CLOSE);
        assertThat(spec.slowSend()).isEqualTo(new SlowSend(5, Duration.ofMillis(20)));
        assertThat(spec.warmup()).isZero();
        assertThat(spec.check()).isEqualTo(ResponseCheck.status(201).withBodyLength(2));
        assertThat(spec.target().getPort()).isEqualTo(80);
        assertThat(new String(spec.encodedRequest(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "POST / HTTP/1.1\r\nHost: 127.0.0.1:80\r\nX-A: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
    }

    @Test
    void aRequestCountReplacesTheDuration() throws Exception {
        assertThat(LoadOptions.parse("-n", "1_000", "http://127.0.0.1:1/").toSpec().length())
                .isEqualTo(RunLength.requests(1_000));
    }
}
