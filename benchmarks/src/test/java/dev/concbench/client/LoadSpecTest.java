package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSpecTest {

    private static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.1", 8080);
    private static final LoadSpec BASE = LoadSpec.closedLoop(TARGET, 4, Duration.ofSeconds(1));

    @Test
    void encodesTheRequestOnceWithTheFramingHeadersTheClientOwns() {
        Request post = new Request("POST", "/echo?x=1", List.of(new Request.Header("X-Test", "yes")),
                "abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(BASE.withRequest(post).encodedRequest(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "POST /echo?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-Test: yes\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(new String(BASE.withConnectionMode(ConnectionMode.CLOSE).encodedRequest(), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n");
        assertThat(new String(BASE.withRequest(Request.get("/").withHeader("Host", "example.test")).encodedRequest(),
                StandardCharsets.ISO_8859_1)).isEqualTo("GET / HTTP/1.1\r\nHost: example.test\r\n\r\n");
        assertThat(LoadSpec.authority(new InetSocketAddress("::1", 80))).isEqualTo("[0:0:0:0:0:0:0:1]:80");
    }

    @Test
    void rejectsSettingsThatDoNotFitTogether() {
        assertThatThrownBy(() -> BASE.withPipelineDepth(4).withConnectionMode(ConnectionMode.CLOSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keep-alive");
        assertThatThrownBy(() -> BASE.withSlowSend(new SlowSend(4, Duration.ofMillis(10))).withPipelineDepth(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slow");
        assertThatThrownBy(() -> BASE.withSlowSend(new SlowSend(5, Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> BASE.withSlowSend(new SlowSend(1_000, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pieces");
        assertThatThrownBy(() -> BASE.withWarmup(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BASE.withRequestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadSpec.closedLoop(InetSocketAddress.createUnresolved("example.test", 80), 1,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolved");
        assertThatThrownBy(() -> new LoadModel.ClosedLoop(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadModel.OpenLoop(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadModel.OpenLoop(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunLength.requests(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunLength.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRequestsThatWouldBreakTheFraming() {
        assertThatThrownBy(() -> Request.get("no-slash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Request.get("/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Request.get("/").withMethod("GE T")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request.Header("Content-Length", "5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the client");
        assertThatThrownBy(() -> new Request.Header("connection", "close")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request.Header("X-Evil", "a\r\nInjected: yes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request.Header("Bad Name", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOpenLoopSpreadsItsRateOverTheConnections() {
        LoadModel.OpenLoop open = new LoadModel.OpenLoop(10, 1_000);

        assertThat(open.connectionIntervalNanos()).isEqualTo(10_000_000.0);
    }

    @Test
    void aResponseCheckComparesLengthAndChecksum() {
        ResponseCheck check = ResponseCheck.status(200).withBody("Hello".getBytes(StandardCharsets.US_ASCII));

        assertThat(check.checksumsBody()).isTrue();
        assertThat(check.bodyMatches(5, check.bodyCrc32c())).isTrue();
        assertThat(check.bodyMatches(5, check.bodyCrc32c() ^ 1)).isFalse();
        assertThat(check.bodyMatches(4, check.bodyCrc32c())).isFalse();
        assertThat(ResponseCheck.status(200).bodyMatches(12345, -1)).isTrue();
    }
}
