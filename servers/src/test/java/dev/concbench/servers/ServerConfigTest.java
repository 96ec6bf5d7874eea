package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concbench.servers.http.HttpLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration values: the documented defaults, the withers, and validation with a clear message. */
class ServerConfigTest {

    @Test
    void defaultsAreLoopbackEphemeralPortAndThirtySeconds() {
        ServerConfig config = ServerConfig.defaults();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.backlog()).isEqualTo(1024);
        assertThat(config.workers()).isEqualTo(ServerConfig.MODEL_DEFAULT);
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.limits()).isEqualTo(HttpLimits.defaults());
    }

    @Test
    void withersChangeOneValue() {
        HttpLimits limits = new HttpLimits(100, 200, 3, 0);
        ServerConfig config = ServerConfig.defaults().withHost("0.0.0.0").withPort(9696).withBacklog(7)
                .withWorkers(3).withReadTimeout(Duration.ofMillis(250)).withLimits(limits);
        assertThat(config).isEqualTo(new ServerConfig("0.0.0.0", 9696, 7, 3, Duration.ofMillis(250), limits));
        assertThat(config.workersOr(200)).isEqualTo(3);
        assertThat(ServerConfig.defaults().workersOr(200)).isEqualTo(200);
    }

    @Test
    void rejectsBadValuesNamingThem() {
        ServerConfig config = ServerConfig.defaults();
        assertThatThrownBy(() -> config.withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> config.withPort(-1)).hasMessageContaining("port");
        assertThatThrownBy(() -> config.withPort(65_536)).hasMessageContaining("port");
        assertThatThrownBy(() -> config.withBacklog(0)).hasMessageContaining("backlog");
        assertThatThrownBy(() -> config.withWorkers(-1)).hasMessageContaining("workers");
        assertThatThrownBy(() -> config.withReadTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> config.withReadTimeout(Duration.ofSeconds(-1))).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> config.withLimits(null)).hasMessageContaining("limits");
    }

    @Test
    void limitsDefaultToTheDocumentedValuesAndRejectNonsense() {
        assertThat(HttpLimits.defaults()).isEqualTo(new HttpLimits(8 * 1024, 16 * 1024, 100, 1024 * 1024));
        assertThatThrownBy(() -> new HttpLimits(0, 1, 1, 1)).hasMessageContaining("maxRequestLineBytes");
        assertThatThrownBy(() -> new HttpLimits(1, 0, 1, 1)).hasMessageContaining("maxHeaderBytes");
        assertThatThrownBy(() -> new HttpLimits(1, 1, 0, 1)).hasMessageContaining("maxHeaderCount");
        assertThatThrownBy(() -> new HttpLimits(1, 1, 1, -1)).hasMessageContaining("maxBodyBytes");
    }
}
